-- Attachments (issue 13): up to three files per comment or official reply, their extracted text
-- searchable (plain tsvector on the accent-folding "parley_simple" configuration, GIN-indexed).
CREATE TYPE "AttachmentExtraction" AS ENUM ('PENDING', 'DONE', 'FAILED', 'NONE');

CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "extractedText" TEXT,
    "extraction" "AttachmentExtraction" NOT NULL DEFAULT 'PENDING',
    "extractionError" TEXT,
    "extractionAttempts" INTEGER NOT NULL DEFAULT 0,
    "extractionLockedUntil" TIMESTAMP(3),
    "searchVector" tsvector,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Attachment_commentId_idempotencyKey_key" ON "Attachment"("commentId", "idempotencyKey");
CREATE INDEX "Attachment_commentId_createdAt_idx" ON "Attachment"("commentId", "createdAt");
CREATE INDEX "Attachment_extraction_createdAt_idx" ON "Attachment"("extraction", "createdAt");
CREATE INDEX "Attachment_searchVector_idx" ON "Attachment" USING GIN ("searchVector");

ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
