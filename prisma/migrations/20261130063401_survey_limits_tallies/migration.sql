-- CreateEnum
CREATE TYPE "SurveyResponseStatus" AS ENUM ('COUNTED', 'HELD', 'REJECTED');

-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN     "status" "SurveyResponseStatus" NOT NULL DEFAULT 'COUNTED';

-- CreateTable
CREATE TABLE "SurveyAddressWindow" (
    "surveyId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyAddressWindow_pkey" PRIMARY KEY ("surveyId","address","windowStart")
);

-- CreateTable
CREATE TABLE "SurveyResponseTally" (
    "surveyId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "stakeholderGroup" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyResponseTally_pkey" PRIMARY KEY ("surveyId","day","stakeholderGroup","country","ageBand","gender","education","shard")
);

-- CreateTable
CREATE TABLE "SurveyAnswerTally" (
    "surveyId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "option" TEXT,
    "number" DOUBLE PRECISION,
    "stakeholderGroup" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "rankSum" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SurveyAnswerTally_pkey" PRIMARY KEY ("surveyId","questionId","value","stakeholderGroup","country","ageBand","gender","education","shard")
);

-- CreateIndex
CREATE INDEX "SurveyAddressWindow_windowStart_idx" ON "SurveyAddressWindow"("windowStart");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_status_createdAt_idx" ON "SurveyResponse"("surveyId", "status", "createdAt");

-- Backfill: the tallies of every existing response (all counted), in shard 0 (as lib/surveys/tally-sql.ts).
INSERT INTO "SurveyResponseTally" ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard, n)
SELECT "surveyId", "createdAt"::date, coalesce("stakeholderGroup"::text, ''), coalesce(country, ''), coalesce("ageBand", ''), coalesce(gender, ''), coalesce(education, ''), 0, count(*)
FROM "SurveyResponse" GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO "SurveyAnswerTally" ("surveyId", "questionId", value, option, number, "stakeholderGroup", country, "ageBand", gender, education, shard, n, "rankSum")
SELECT a."surveyId", a."questionId", coalesce(a.option, '#' || a.number::text), a.option, CASE WHEN a.option IS NULL THEN a.number END,
       coalesce(r."stakeholderGroup"::text, ''), coalesce(r.country, ''), coalesce(r."ageBand", ''), coalesce(r.gender, ''), coalesce(r.education, ''), 0, count(*), coalesce(sum(a.rank), 0)
FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
WHERE a.option IS NOT NULL OR a.number IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
