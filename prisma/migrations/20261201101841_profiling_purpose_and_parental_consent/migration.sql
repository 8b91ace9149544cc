-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "profilingObjectedAt" DATETIME;

-- CreateTable
CREATE TABLE "ParentalConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "responseId" TEXT NOT NULL,
    "parentEmail" TEXT NOT NULL,
    "purposeVersionIds" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ParentalConsent_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Purpose" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "campaignId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "legalBasis" TEXT NOT NULL DEFAULT 'CONSENT',
    "isRecontact" BOOLEAN NOT NULL DEFAULT false,
    "isProfiling" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Purpose_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Purpose" ("campaignId", "id", "isRecontact", "legalBasis", "position") SELECT "campaignId", "id", "isRecontact", "legalBasis", "position" FROM "Purpose";
DROP TABLE "Purpose";
ALTER TABLE "new_Purpose" RENAME TO "Purpose";
CREATE INDEX "Purpose_campaignId_position_idx" ON "Purpose"("campaignId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ParentalConsent_responseId_key" ON "ParentalConsent"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "ParentalConsent_tokenHash_key" ON "ParentalConsent"("tokenHash");


-- Existing campaigns: a purpose whose wording asks to analyse answers or build a profile becomes the campaign's
-- profiling purpose (the first such, by position).
UPDATE "Purpose" SET "isProfiling" = true
WHERE "id" IN (
  SELECT p."id" FROM "Purpose" p
  WHERE EXISTS (
    SELECT 1 FROM "PurposeVersion" v
    WHERE v."purposeId" = p."id"
      AND v."version" = (SELECT MAX(v2."version") FROM "PurposeVersion" v2 WHERE v2."purposeId" = p."id")
      AND (LOWER(v."wording") LIKE '%profil%' OR LOWER(v."wording") LIKE '%analyse de mes réponses%' OR LOWER(v."wording") LIKE '%analysis of my answers%')
  )
  AND NOT EXISTS (
    SELECT 1 FROM "Purpose" q JOIN "PurposeVersion" qv ON qv."purposeId" = q."id"
    WHERE q."campaignId" = p."campaignId" AND q."position" < p."position"
      AND qv."version" = (SELECT MAX(qv2."version") FROM "PurposeVersion" qv2 WHERE qv2."purposeId" = q."id")
      AND (LOWER(qv."wording") LIKE '%profil%' OR LOWER(qv."wording") LIKE '%analyse de mes réponses%' OR LOWER(qv."wording") LIKE '%analysis of my answers%')
  )
);

-- Scores were computed for everyone: in a campaign with a profiling purpose, keep them only for people whose consent to it
-- counts now (a double opt-in confirmation not followed by a withdrawal).
UPDATE "Response" SET "rScore" = NULL, "fScore" = NULL, "mScore" = NULL, "segment" = NULL
WHERE ("rScore" IS NOT NULL OR "fScore" IS NOT NULL OR "mScore" IS NOT NULL OR "segment" IS NOT NULL)
  AND EXISTS (
    SELECT 1 FROM "Purpose" p WHERE p."campaignId" = "Response"."campaignId" AND p."isProfiling" = true
      AND NOT EXISTS (
        SELECT 1 FROM "ConsentRecord" c
        WHERE c."contactId" = "Response"."contactId" AND c."purposeId" = p."id" AND c."action" = 'CONFIRM'
          AND NOT EXISTS (
            SELECT 1 FROM "ConsentRecord" w
            WHERE w."contactId" = c."contactId" AND w."purposeId" = c."purposeId" AND w."action" = 'WITHDRAW' AND w."createdAt" >= c."createdAt"
          )
      )
  );
