-- AlterTable
ALTER TABLE "Section" ADD COLUMN "showIf" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN "showIf" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "brandColor" TEXT NOT NULL DEFAULT '#b4235a',
    "logoPath" TEXT,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "retentionMonths" INTEGER NOT NULL,
    "unconfirmedPurgeDays" INTEGER NOT NULL DEFAULT 30,
    "recipients" TEXT NOT NULL DEFAULT '',
    "prize" TEXT NOT NULL DEFAULT '',
    "winnersCount" INTEGER NOT NULL DEFAULT 1,
    "alternatesCount" INTEGER NOT NULL DEFAULT 0,
    "rulesText" TEXT NOT NULL DEFAULT '',
    "rulesFilePath" TEXT,
    "rulesDepositedWith" TEXT NOT NULL DEFAULT '',
    "minimumAge" INTEGER,
    "ageCheck" TEXT NOT NULL DEFAULT 'BIRTHDATE',
    "minorPolicy" TEXT NOT NULL DEFAULT 'REFUSE',
    "requireConfirmation" BOOLEAN NOT NULL DEFAULT true,
    "rewardUrl" TEXT NOT NULL DEFAULT '',
    "rewardFilePath" TEXT,
    "wordExclusions" TEXT NOT NULL DEFAULT '',
    "exportMapping" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "closedManuallyAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "partners" TEXT NOT NULL DEFAULT '',
    "thanksMessage" TEXT NOT NULL DEFAULT '',
    "thanksRedirectUrl" TEXT NOT NULL DEFAULT '',
    "rewardDeliveryText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Campaign" ("ageCheck", "alternatesCount", "brandColor", "closedManuallyAt", "closesAt", "createdAt", "description", "exportMapping", "id", "kind", "locale", "logoPath", "minimumAge", "minorPolicy", "opensAt", "organisationId", "partners", "prize", "publishedAt", "recipients", "requireConfirmation", "retentionMonths", "rewardFilePath", "rewardUrl", "rulesDepositedWith", "rulesFilePath", "rulesText", "slug", "status", "timeZone", "title", "unconfirmedPurgeDays", "updatedAt", "winnersCount", "wordExclusions") SELECT "ageCheck", "alternatesCount", "brandColor", "closedManuallyAt", "closesAt", "createdAt", "description", "exportMapping", "id", "kind", "locale", "logoPath", "minimumAge", "minorPolicy", "opensAt", "organisationId", "partners", "prize", "publishedAt", "recipients", "requireConfirmation", "retentionMonths", "rewardFilePath", "rewardUrl", "rulesDepositedWith", "rulesFilePath", "rulesText", "slug", "status", "timeZone", "title", "unconfirmedPurgeDays", "updatedAt", "winnersCount", "wordExclusions" FROM "Campaign";
DROP TABLE "Campaign";
ALTER TABLE "new_Campaign" RENAME TO "Campaign";
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");
CREATE INDEX "Campaign_organisationId_status_idx" ON "Campaign"("organisationId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

