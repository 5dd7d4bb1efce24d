CREATE SEQUENCE "SurveyTrackingNumber_seq" AS bigint;
SELECT setval('"SurveyTrackingNumber_seq"', (SELECT coalesce(max(last), 0) + 1 FROM "TrackingCounter" WHERE kind = 'S'), false);
