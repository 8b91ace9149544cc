-- Erasure ties a person's consent records to the suppression hash of their address
-- and blanks the request metadata (user agent, IP hash, page URL): the ledger keeps
-- what proof requires and nothing that points at a person.
-- (Written by hand: Prisma's diff would rebuild the table and drop its triggers.)
ALTER TABLE "ConsentRecord" ADD COLUMN "subjectHash" TEXT NOT NULL DEFAULT '';
CREATE INDEX "ConsentRecord_organisationId_subjectHash_idx" ON "ConsentRecord"("organisationId", "subjectHash");

-- Records are still never deleted, and never updated except by that one erasure
-- update: every proof column unchanged, the metadata blank, the subject hash set
-- (once; repeating the same update is a no-op).
-- (PostgreSQL twin: a BEFORE UPDATE trigger raising an exception unless the same condition holds.)
DROP TRIGGER "ConsentRecord_no_update";
CREATE TRIGGER "ConsentRecord_no_update" BEFORE UPDATE ON "ConsentRecord"
WHEN NOT (
  NEW."id" IS OLD."id" AND NEW."organisationId" IS OLD."organisationId" AND NEW."contactId" IS OLD."contactId"
  AND NEW."purposeId" IS OLD."purposeId" AND NEW."purposeVersionId" IS OLD."purposeVersionId"
  AND NEW."wording" IS OLD."wording" AND NEW."wordingHash" IS OLD."wordingHash"
  AND NEW."action" IS OLD."action" AND NEW."method" IS OLD."method"
  AND NEW."campaignId" IS OLD."campaignId" AND NEW."responseId" IS OLD."responseId"
  AND NEW."utmSource" IS OLD."utmSource" AND NEW."actorUserId" IS OLD."actorUserId" AND NEW."createdAt" IS OLD."createdAt"
  AND NEW."userAgent" = '' AND NEW."ipHash" = '' AND NEW."pageUrl" = ''
  AND NEW."subjectHash" <> '' AND (OLD."subjectHash" = '' OR NEW."subjectHash" = OLD."subjectHash")
)
BEGIN
  SELECT RAISE(ABORT, 'ConsentRecord is append-only (erasure may only blank its metadata and set subjectHash)');
END;
