-- CreateEnum
CREATE TYPE "SurveyStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "draftId" TEXT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "SurveyStatus" NOT NULL DEFAULT 'DRAFT',
    "allowAnonymous" BOOLEAN NOT NULL DEFAULT false,
    "publicResults" BOOLEAN NOT NULL DEFAULT false,
    "demographics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "definition" JSONB NOT NULL DEFAULT '[]',
    "definitionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "userId" TEXT,
    "deviceToken" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "stakeholderGroup" "StakeholderGroup",
    "country" TEXT,
    "ageBand" TEXT,
    "gender" TEXT,
    "education" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "definitionVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "option" TEXT,
    "rank" INTEGER,
    "number" DOUBLE PRECISION,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_slug_key" ON "Survey"("slug");

-- CreateIndex
CREATE INDEX "Survey_organisationId_status_idx" ON "Survey"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Survey_draftId_idx" ON "Survey"("draftId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_createdAt_idx" ON "SurveyResponse"("surveyId", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_stakeholderGroup_idx" ON "SurveyResponse"("surveyId", "stakeholderGroup");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_country_idx" ON "SurveyResponse"("surveyId", "country");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_idempotencyKey_key" ON "SurveyResponse"("surveyId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_userId_key" ON "SurveyResponse"("surveyId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_deviceToken_key" ON "SurveyResponse"("surveyId", "deviceToken");

-- CreateIndex
CREATE INDEX "SurveyAnswer_surveyId_questionId_option_idx" ON "SurveyAnswer"("surveyId", "questionId", "option");

-- CreateIndex
CREATE INDEX "SurveyAnswer_responseId_idx" ON "SurveyAnswer"("responseId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "Draft"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;
