-- PostgreSQL starts here: the whole schema as of 20261201114600_check_then_act_constraints (SQLite's
-- history before it has no twins); every later migration has a twin of the same name in both folders.

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "dpoName" TEXT NOT NULL DEFAULT '',
    "dpoEmail" TEXT NOT NULL DEFAULT '',
    "retentionMonths" INTEGER NOT NULL DEFAULT 36,
    "defaultLocale" TEXT NOT NULL DEFAULT 'fr',
    "salt" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "actorLabel" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL DEFAULT '',
    "targetId" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "brandColor" TEXT NOT NULL DEFAULT '#b4235a',
    "logoPath" TEXT,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
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
    "publishedAt" TIMESTAMP(3),
    "closedManuallyAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "partners" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "helpText" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "rfmTag" TEXT,
    "validation" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionOption" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "rfmScore" INTEGER,

    CONSTRAINT "QuestionOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purpose" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "legalBasis" TEXT NOT NULL DEFAULT 'CONSENT',
    "isRecontact" BOOLEAN NOT NULL DEFAULT false,
    "isProfiling" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Purpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurposeVersion" (
    "id" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "wording" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurposeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailConfirmedAt" TIMESTAMP(3),
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL DEFAULT '',
    "birthDate" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "lastInteractionAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "erasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "profilingObjectedAt" TIMESTAMP(3),

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "contactId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACCEPTED',
    "rejectReason" TEXT,
    "dedupeKey" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "fillMs" INTEGER NOT NULL DEFAULT 0,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "utmSource" TEXT NOT NULL DEFAULT '',
    "utmMedium" TEXT NOT NULL DEFAULT '',
    "utmCampaign" TEXT NOT NULL DEFAULT '',
    "utmTerm" TEXT NOT NULL DEFAULT '',
    "utmContent" TEXT NOT NULL DEFAULT '',
    "referrer" TEXT NOT NULL DEFAULT '',
    "pageUrl" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ipHash" TEXT NOT NULL DEFAULT '',
    "rulesAcceptedAt" TIMESTAMP(3),
    "ageOk" BOOLEAN NOT NULL DEFAULT true,
    "parentalConsent" BOOLEAN NOT NULL DEFAULT false,
    "rScore" INTEGER,
    "fScore" INTEGER,
    "mScore" INTEGER,
    "segment" TEXT,
    "excludedAt" TIMESTAMP(3),
    "excludedReason" TEXT,
    "excludedById" TEXT,
    "erasedAt" TIMESTAMP(3),
    "data" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "optionId" TEXT,
    "valueText" TEXT,
    "valueNumber" DOUBLE PRECISION,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ViewCount" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "utmSource" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ViewCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "purposeId" TEXT NOT NULL,
    "purposeVersionId" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "wordingHash" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL DEFAULT '',
    "responseId" TEXT NOT NULL DEFAULT '',
    "pageUrl" TEXT NOT NULL DEFAULT '',
    "utmSource" TEXT NOT NULL DEFAULT '',
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ipHash" TEXT NOT NULL DEFAULT '',
    "actorUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "subjectHash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OptInToken" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OptInToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParentalConsent" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "parentEmail" TEXT NOT NULL,
    "purposeVersionIds" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParentalConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "contactId" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "channel" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "DataSubjectRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draw" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "algorithm" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "eligibleIds" TEXT NOT NULL,
    "eligibleHash" TEXT NOT NULL,
    "eligibleCount" INTEGER NOT NULL,
    "winnersCount" INTEGER NOT NULL,
    "alternatesCount" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "Draw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawEntry" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "DrawEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "job" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("job")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "report" TEXT NOT NULL DEFAULT '{}',
    "error" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organisationId_idx" ON "Invitation"("organisationId");

-- CreateIndex
CREATE INDEX "AuditLog_organisationId_createdAt_idx" ON "AuditLog"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_organisationId_status_idx" ON "Campaign"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Section_campaignId_position_idx" ON "Section"("campaignId", "position");

-- CreateIndex
CREATE INDEX "Question_campaignId_position_idx" ON "Question"("campaignId", "position");

-- CreateIndex
CREATE INDEX "QuestionOption_questionId_position_idx" ON "QuestionOption"("questionId", "position");

-- CreateIndex
CREATE INDEX "Purpose_campaignId_position_idx" ON "Purpose"("campaignId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PurposeVersion_purposeId_version_key" ON "PurposeVersion"("purposeId", "version");

-- CreateIndex
CREATE INDEX "Contact_organisationId_lastInteractionAt_idx" ON "Contact"("organisationId", "lastInteractionAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_organisationId_email_key" ON "Contact"("organisationId", "email");

-- CreateIndex
CREATE INDEX "Response_analytics_idx" ON "Response"("campaignId", "status", "submittedAt", "utmSource", "utmMedium", "confirmedAt", "segment", "contactId", "referrer");

-- CreateIndex
CREATE INDEX "Response_campaignId_submittedAt_idx" ON "Response"("campaignId", "submittedAt");

-- CreateIndex
CREATE INDEX "Response_campaignId_id_idx" ON "Response"("campaignId", "id");

-- CreateIndex
CREATE INDEX "Response_campaignId_segment_idx" ON "Response"("campaignId", "segment");

-- CreateIndex
CREATE INDEX "Response_campaignId_utmSource_idx" ON "Response"("campaignId", "utmSource");

-- CreateIndex
CREATE INDEX "Response_contactId_idx" ON "Response"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Response_campaignId_dedupeKey_key" ON "Response"("campaignId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Answer_analytics_idx" ON "Answer"("questionId", "optionId", "valueNumber", "responseId");

-- CreateIndex
CREATE INDEX "Answer_campaignId_questionId_idx" ON "Answer"("campaignId", "questionId");

-- CreateIndex
CREATE INDEX "Answer_responseId_idx" ON "Answer"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "ViewCount_campaignId_hour_utmSource_key" ON "ViewCount"("campaignId", "hour", "utmSource");

-- CreateIndex
CREATE INDEX "ConsentRecord_organisationId_createdAt_idx" ON "ConsentRecord"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "ConsentRecord_organisationId_subjectHash_idx" ON "ConsentRecord"("organisationId", "subjectHash");

-- CreateIndex
CREATE INDEX "ConsentRecord_contactId_purposeId_createdAt_idx" ON "ConsentRecord"("contactId", "purposeId", "createdAt");

-- CreateIndex
CREATE INDEX "ConsentRecord_purposeId_createdAt_idx" ON "ConsentRecord"("purposeId", "createdAt");

-- CreateIndex
CREATE INDEX "ConsentRecord_current_idx" ON "ConsentRecord"("purposeId", "contactId", "createdAt", "action");

-- CreateIndex
CREATE UNIQUE INDEX "OptInToken_tokenHash_key" ON "OptInToken"("tokenHash");

-- CreateIndex
CREATE INDEX "OptInToken_responseId_createdAt_idx" ON "OptInToken"("responseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ParentalConsent_responseId_key" ON "ParentalConsent"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "ParentalConsent_tokenHash_key" ON "ParentalConsent"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_organisationId_emailHash_key" ON "Suppression"("organisationId", "emailHash");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_organisationId_requestedAt_idx" ON "DataSubjectRequest"("organisationId", "requestedAt");

-- CreateIndex
CREATE INDEX "OutboxMail_status_createdAt_idx" ON "OutboxMail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMail_organisationId_createdAt_idx" ON "OutboxMail"("organisationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Draw_campaignId_sequence_key" ON "Draw"("campaignId", "sequence");

-- CreateIndex
CREATE INDEX "DrawEntry_responseId_idx" ON "DrawEntry"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "DrawEntry_drawId_responseId_key" ON "DrawEntry"("drawId", "responseId");

-- CreateIndex
CREATE INDEX "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionOption" ADD CONSTRAINT "QuestionOption_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purpose" ADD CONSTRAINT "Purpose_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurposeVersion" ADD CONSTRAINT "PurposeVersion_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "QuestionOption"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ViewCount" ADD CONSTRAINT "ViewCount_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_purposeId_fkey" FOREIGN KEY ("purposeId") REFERENCES "Purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_purposeVersionId_fkey" FOREIGN KEY ("purposeVersionId") REFERENCES "PurposeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptInToken" ADD CONSTRAINT "OptInToken_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptInToken" ADD CONSTRAINT "OptInToken_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentalConsent" ADD CONSTRAINT "ParentalConsent_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suppression" ADD CONSTRAINT "Suppression_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSubjectRequest" ADD CONSTRAINT "DataSubjectRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataSubjectRequest" ADD CONSTRAINT "DataSubjectRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMail" ADD CONSTRAINT "OutboxMail_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawEntry" ADD CONSTRAINT "DrawEntry_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawEntry" ADD CONSTRAINT "DrawEntry_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The consent ledger is proof: records are never deleted, and never updated except by the
-- erasure update (every proof column unchanged, the metadata blank, the subject hash set once).
-- SQLite twin: the triggers of 20261123000001_consent_append_only and 20261201100504_ledger_erasure.
CREATE FUNCTION "ConsentRecord_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ConsentRecord is append-only';
  END IF;
  IF NOT (
    NEW."id" IS NOT DISTINCT FROM OLD."id" AND NEW."organisationId" IS NOT DISTINCT FROM OLD."organisationId"
    AND NEW."contactId" IS NOT DISTINCT FROM OLD."contactId" AND NEW."purposeId" IS NOT DISTINCT FROM OLD."purposeId"
    AND NEW."purposeVersionId" IS NOT DISTINCT FROM OLD."purposeVersionId" AND NEW."wording" IS NOT DISTINCT FROM OLD."wording"
    AND NEW."wordingHash" IS NOT DISTINCT FROM OLD."wordingHash" AND NEW."action" IS NOT DISTINCT FROM OLD."action"
    AND NEW."method" IS NOT DISTINCT FROM OLD."method" AND NEW."campaignId" IS NOT DISTINCT FROM OLD."campaignId"
    AND NEW."responseId" IS NOT DISTINCT FROM OLD."responseId" AND NEW."utmSource" IS NOT DISTINCT FROM OLD."utmSource"
    AND NEW."actorUserId" IS NOT DISTINCT FROM OLD."actorUserId" AND NEW."createdAt" IS NOT DISTINCT FROM OLD."createdAt"
    AND NEW."userAgent" = '' AND NEW."ipHash" = '' AND NEW."pageUrl" = ''
    AND NEW."subjectHash" <> '' AND (OLD."subjectHash" = '' OR NEW."subjectHash" = OLD."subjectHash")
  ) THEN
    RAISE EXCEPTION 'ConsentRecord is append-only (erasure may only blank its metadata and set subjectHash)';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "ConsentRecord_no_update" BEFORE UPDATE ON "ConsentRecord"
  FOR EACH ROW EXECUTE FUNCTION "ConsentRecord_append_only"();
CREATE TRIGGER "ConsentRecord_no_delete" BEFORE DELETE ON "ConsentRecord"
  FOR EACH ROW EXECUTE FUNCTION "ConsentRecord_append_only"();

-- Accent- and case-blind search, the twin of SQLite's fold() (lib/text/fold.ts, which spells the
-- letters that have no decomposition, ł ø đ þ æ œ ß …, as unaccent does: tests/integration/fold.test.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent', value))
$$;
