-- DropIndex
DROP INDEX "SurveyAnswer_surveyId_questionId_option_idx";

-- DropIndex
DROP INDEX "SurveyResponse_surveyId_country_idx";

-- DropIndex
DROP INDEX "SurveyResponse_surveyId_createdAt_idx";

-- DropIndex
DROP INDEX "SurveyResponse_surveyId_stakeholderGroup_idx";

-- CreateIndex
CREATE INDEX "SurveyAnswer_surveyId_questionId_option_number_idx" ON "SurveyAnswer"("surveyId", "questionId", "option", "number");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_stakeholderGroup_country_createdAt_idx" ON "SurveyResponse"("surveyId", "stakeholderGroup", "country", "createdAt");
