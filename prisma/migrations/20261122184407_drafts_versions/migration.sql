-- CreateEnum
CREATE TYPE "DraftEventType" AS ENUM ('CREATED', 'SCHEDULED', 'OPENED', 'CLOSED', 'EXTENDED', 'VERSION_PUBLISHED', 'FINALISED', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "DraftStatus" ADD VALUE 'SCHEDULED';

-- AlterTable
ALTER TABLE "Draft" ADD COLUMN     "authors" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "body" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "currentVersion" INTEGER,
ADD COLUMN     "extensionNote" TEXT,
ADD COLUMN     "originalClosesAt" TIMESTAMP(3),
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC',
ADD COLUMN     "topics" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "DraftVersion" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftBlock" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "anchor" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "hash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "DraftBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DraftEvent" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "type" "DraftEventType" NOT NULL,
    "fromStatus" "DraftStatus",
    "toStatus" "DraftStatus",
    "actorId" TEXT,
    "versionNumber" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DraftEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DraftVersion_draftId_number_key" ON "DraftVersion"("draftId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "DraftBlock_versionId_anchor_key" ON "DraftBlock"("versionId", "anchor");

-- CreateIndex
CREATE UNIQUE INDEX "DraftBlock_versionId_position_key" ON "DraftBlock"("versionId", "position");

-- CreateIndex
CREATE INDEX "DraftEvent_draftId_createdAt_idx" ON "DraftEvent"("draftId", "createdAt");

-- CreateIndex
CREATE INDEX "Draft_status_opensAt_idx" ON "Draft"("status", "opensAt");

-- CreateIndex
CREATE INDEX "Draft_topics_idx" ON "Draft" USING GIN ("topics");

-- CreateIndex
CREATE INDEX "Draft_searchVector_idx" ON "Draft" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftVersion" ADD CONSTRAINT "DraftVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftBlock" ADD CONSTRAINT "DraftBlock_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DraftVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftEvent" ADD CONSTRAINT "DraftEvent_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DraftEvent" ADD CONSTRAINT "DraftEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
