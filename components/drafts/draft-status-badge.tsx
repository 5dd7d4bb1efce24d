import type { DraftStatus } from "@/lib/generated/prisma/enums";

const styles: Record<DraftStatus, string> = {
  DRAFT: "border-line bg-white text-muted",
  SCHEDULED: "border-accent bg-blue-50 text-accent-strong",
  OPEN: "border-success bg-green-50 text-success",
  CLOSED: "border-line bg-gray-100 text-ink",
  FINAL: "border-accent bg-white text-accent-strong",
  WITHDRAWN: "border-danger bg-red-50 text-danger",
};

export function DraftStatusBadge({ status, label }: { status: DraftStatus; label: string }) {
  return <span className={`rounded-full border px-2 py-0.5 font-sans text-xs font-semibold ${styles[status]}`}>{label}</span>;
}
