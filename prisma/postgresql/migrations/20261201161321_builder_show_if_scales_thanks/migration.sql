-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "rewardDeliveryText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "thanksMessage" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "thanksRedirectUrl" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "showIf" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "showIf" TEXT;

