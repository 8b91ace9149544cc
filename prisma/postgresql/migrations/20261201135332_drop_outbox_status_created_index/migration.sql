-- DropIndex
DROP INDEX "OutboxMail_status_createdAt_idx";

