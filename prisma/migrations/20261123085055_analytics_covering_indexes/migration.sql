-- CreateIndex
CREATE INDEX "Response_analytics_idx" ON "Response"("campaignId", "status", "submittedAt", "utmSource", "utmMedium", "confirmedAt", "segment", "contactId", "referrer");

-- CreateIndex
CREATE INDEX "Answer_analytics_idx" ON "Answer"("questionId", "optionId", "valueNumber", "responseId");

-- CreateIndex
CREATE INDEX "ConsentRecord_current_idx" ON "ConsentRecord"("purposeId", "contactId", "createdAt", "action");

