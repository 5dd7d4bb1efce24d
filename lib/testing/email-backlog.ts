// Integration test files share one database and run one after another; every comment, reply and
// survey answer queues emails (receipts, notifications). A file that runs the background worker
// must not wait behind the emails earlier files queued for SMTP servers that are gone.
import { prisma } from "@/lib/db/client";

/**
 * Drops every email not yet sent, and its queued job (test databases only: callers are test files).
 * @returns how many outbox rows were dropped
 */
export async function discardPendingEmails(): Promise<number> {
  await prisma.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'email' AND state IN ('created', 'retry', 'active')`);
  return prisma.outboxEmail.deleteMany({ where: { status: "PENDING" } }).then((r) => r.count);
}
