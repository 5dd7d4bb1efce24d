-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "DispositionValue" AS ENUM ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'NOTED');

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "importSource" TEXT;

-- CreateTable
CREATE TABLE "AnalysisRun" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "status" "AnalysisStatus" NOT NULL DEFAULT 'QUEUED',
    "active" BOOLEAN DEFAULT true,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "step" TEXT NOT NULL DEFAULT '',
    "version" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "cutoffAt" TIMESTAMP(3) NOT NULL,
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AnalysisRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "keyPhrases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "customLabel" TEXT,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThemeComment" (
    "commentId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "centrality" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "campaignId" TEXT,

    CONSTRAINT "ThemeComment_pkey" PRIMARY KEY ("commentId")
);

-- CreateTable
CREATE TABLE "SummaryEdit" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummaryEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disposition" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "commentId" TEXT,
    "themeId" TEXT,
    "value" "DispositionValue" NOT NULL,
    "response" TEXT NOT NULL DEFAULT '',
    "versionNumber" INTEGER,
    "anchor" TEXT,
    "decidedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Disposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummaryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnalysisRun_draftId_createdAt_idx" ON "AnalysisRun"("draftId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AnalysisRun_draftId_active_key" ON "AnalysisRun"("draftId", "active");

-- CreateIndex
CREATE INDEX "Theme_draftId_idx" ON "Theme"("draftId");

-- CreateIndex
CREATE INDEX "ThemeComment_themeId_centrality_idx" ON "ThemeComment"("themeId", "centrality");

-- CreateIndex
CREATE INDEX "ThemeComment_draftId_campaignId_idx" ON "ThemeComment"("draftId", "campaignId");

-- CreateIndex
CREATE INDEX "SummaryEdit_draftId_createdAt_idx" ON "SummaryEdit"("draftId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Disposition_commentId_key" ON "Disposition"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "Disposition_themeId_key" ON "Disposition"("themeId");

-- CreateIndex
CREATE INDEX "Disposition_draftId_idx" ON "Disposition"("draftId");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryVersion_draftId_number_key" ON "SummaryVersion"("draftId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_draftId_externalId_key" ON "Comment"("draftId", "externalId");

-- AddForeignKey
ALTER TABLE "AnalysisRun" ADD CONSTRAINT "AnalysisRun_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeComment" ADD CONSTRAINT "ThemeComment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeComment" ADD CONSTRAINT "ThemeComment_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryEdit" ADD CONSTRAINT "SummaryEdit_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryEdit" ADD CONSTRAINT "SummaryEdit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disposition" ADD CONSTRAINT "Disposition_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryVersion" ADD CONSTRAINT "SummaryVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryVersion" ADD CONSTRAINT "SummaryVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

