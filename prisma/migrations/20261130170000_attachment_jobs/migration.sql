-- Text extraction of attachments becomes one pg-boss job per file, sent in the transaction that
-- inserts the attachment: lib/attachments/extraction-jobs.ts. The periodic queue of the same name
-- is dropped with its pending runs, then the queue and its dead-letter queue are created here so
-- that comment transactions can write to them before any worker starts.
DELETE FROM pgboss.job WHERE name = 'attachments.extract';
DELETE FROM pgboss.archive WHERE name = 'attachments.extract';
SELECT pgboss.delete_queue(name) FROM pgboss.queue WHERE name = 'attachments.extract';
SELECT pgboss.create_queue('attachments.extract.dead', '{"policy":"standard"}');
SELECT pgboss.create_queue('attachments.extract', '{"policy":"standard","retryLimit":3,"retryDelay":10,"retryBackoff":true,"expireInSeconds":120,"deadLetter":"attachments.extract.dead"}');

-- Recovery: files still waiting had no job under the periodic drain. Each gets its job now,
-- with the options the app sends.
INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, dead_letter, policy)
SELECT 'attachments.extract', jsonb_build_object('attachmentId', id), 3, 10, true, interval '120 seconds', 'attachments.extract.dead', 'standard'
FROM "Attachment" WHERE extraction = 'PENDING';

-- The lease of the drain is gone: a job expiry does its work.
ALTER TABLE "Attachment" DROP COLUMN "extractionLockedUntil";
