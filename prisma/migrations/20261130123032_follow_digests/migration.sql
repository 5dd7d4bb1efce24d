-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY');

-- AlterTable
ALTER TABLE "DraftFollow" ADD COLUMN     "delivery" "DigestFrequency" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "lastDigestAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "values" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DigestItem_draftId_userId_sentAt_idx" ON "DigestItem"("draftId", "userId", "sentAt");

-- CreateIndex
CREATE INDEX "DigestItem_sentAt_createdAt_idx" ON "DigestItem"("sentAt", "createdAt");

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_draftId_userId_fkey" FOREIGN KEY ("draftId", "userId") REFERENCES "DraftFollow"("draftId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

