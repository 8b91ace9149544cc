-- DropIndex
DROP INDEX "Answer_questionId_optionId_idx";

