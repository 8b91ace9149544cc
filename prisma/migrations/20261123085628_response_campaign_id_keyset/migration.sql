-- CreateIndex
CREATE INDEX "Response_campaignId_id_idx" ON "Response"("campaignId", "id");

