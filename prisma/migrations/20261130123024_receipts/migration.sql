-- Receipts: tracking numbers for comments, replies and survey answers (lib/receipts).

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "trackingNumber" TEXT;
ALTER TABLE "SurveyResponse" ADD COLUMN "trackingNumber" TEXT;

-- CreateTable
CREATE TABLE "TrackingCounter" (
    "docket" TEXT NOT NULL,
    "kind" CHAR(1) NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrackingCounter_pkey" PRIMARY KEY ("docket","kind")
);

-- Backfill: existing contributions get numbers in the order they were made (createdAt, then id).
UPDATE "Comment" c SET "trackingNumber" = n.docket || '-' || n.kind || '-' || lpad(n.seq::text, greatest(6, length(n.seq::text)), '0')
FROM (
  SELECT c2.id, upper(d.reference) AS docket, CASE WHEN c2."parentId" IS NULL THEN 'C' ELSE 'R' END AS kind,
         row_number() OVER (PARTITION BY upper(d.reference), (c2."parentId" IS NULL) ORDER BY c2."createdAt", c2.id) AS seq
  FROM "Comment" c2 JOIN "Draft" d ON d.id = c2."draftId"
) n
WHERE n.id = c.id;

UPDATE "SurveyResponse" r SET "trackingNumber" = n.docket || '-S-' || lpad(n.seq::text, greatest(6, length(n.seq::text)), '0')
FROM (
  SELECT r2.id, upper(coalesce(d.reference, s.slug)) AS docket,
         row_number() OVER (PARTITION BY upper(coalesce(d.reference, s.slug)) ORDER BY r2."createdAt", r2.id) AS seq
  FROM "SurveyResponse" r2 JOIN "Survey" s ON s.id = r2."surveyId" LEFT JOIN "Draft" d ON d.id = s."draftId"
) n
WHERE n.id = r.id;

INSERT INTO "TrackingCounter" ("docket", "kind", "last")
SELECT split_part(t, '|', 1), split_part(t, '|', 2), max(seq)
FROM (
  SELECT regexp_replace("trackingNumber", '-([CRS])-([0-9]+)$', '|\1') AS t, substring("trackingNumber" from '([0-9]+)$')::int AS seq FROM "Comment" WHERE "trackingNumber" IS NOT NULL
  UNION ALL
  SELECT regexp_replace("trackingNumber", '-([CRS])-([0-9]+)$', '|\1'), substring("trackingNumber" from '([0-9]+)$')::int FROM "SurveyResponse" WHERE "trackingNumber" IS NOT NULL
) x
GROUP BY 1, 2;

-- CreateIndex
CREATE UNIQUE INDEX "Comment_trackingNumber_key" ON "Comment"("trackingNumber");
CREATE UNIQUE INDEX "SurveyResponse_trackingNumber_key" ON "SurveyResponse"("trackingNumber");
CREATE INDEX "Position_userId_updatedAt_idx" ON "Position"("userId", "updatedAt");
CREATE INDEX "SurveyResponse_userId_createdAt_idx" ON "SurveyResponse"("userId", "createdAt");
