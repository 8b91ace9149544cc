-- DropIndex
DROP INDEX "Answer_campaignId_questionId_idx";

