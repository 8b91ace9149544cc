-- AlterTable
ALTER TABLE "Draw" ADD COLUMN "notifiedAt" DATETIME;
-- Draws already notified (until now, only the audit log said so).
UPDATE "Draw" SET "notifiedAt" = (SELECT MIN(a."createdAt") FROM "AuditLog" a WHERE a."action" = 'draw.notify' AND a."targetId" = "Draw"."id");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT,
    "valueText" TEXT,
    "valueNumber" REAL,
    CONSTRAINT "Answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Answer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Answer_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "QuestionOption" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);
INSERT INTO "new_Answer" ("campaignId", "id", "optionId", "questionId", "responseId", "valueNumber", "valueText") SELECT "campaignId", "id", "optionId", "questionId", "responseId", "valueNumber", "valueText" FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE INDEX "Answer_analytics_idx" ON "Answer"("questionId", "optionId", "valueNumber", "responseId");
CREATE INDEX "Answer_campaignId_questionId_idx" ON "Answer"("campaignId", "questionId");
CREATE INDEX "Answer_responseId_idx" ON "Answer"("responseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

