-- Open data (issue 13 part 5): the organisation's licence, the per-draft opening and licence, and their audit.
ALTER TABLE "Organisation" ADD COLUMN "dataLicence" TEXT NOT NULL DEFAULT 'CC-BY-4.0';

ALTER TABLE "Draft" ADD COLUMN "openData" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "dataLicence" TEXT;

CREATE TABLE "OpenDataChange" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "actorId" TEXT,
    "openData" BOOLEAN NOT NULL,
    "dataLicence" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpenDataChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OpenDataChange_draftId_createdAt_idx" ON "OpenDataChange"("draftId", "createdAt");

ALTER TABLE "OpenDataChange" ADD CONSTRAINT "OpenDataChange_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE CASCADE ON UPDATE CASCADE;
