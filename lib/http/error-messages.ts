import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/load-messages";

const byStatus: Record<number, string> = {
  400: "badRequest",
  401: "unauthenticated",
  403: "forbidden",
  404: "notFound",
  409: "conflict",
  413: "payloadTooLarge",
  415: "unsupportedMediaType",
  422: "invalidInput",
  429: "rateLimited",
  503: "databaseUnavailable",
};

/**
 * The human message of an API error in the caller's language: the catalog's `errors.<key>` (or
 * `validation.<key>` for field messages), else the generic message for the status.
 */
export async function errorMessage(locale: Locale, key: string, status: number): Promise<string> {
  const messages = (await loadMessages(locale)) as unknown as Record<string, Record<string, unknown>>;
  const lookup = (ns: string, k: string) => (typeof messages[ns]?.[k] === "string" ? (messages[ns]![k] as string) : undefined);
  return lookup("errors", key) ?? lookup("validation", key) ?? lookup("errors", byStatus[status] ?? "unexpected") ?? lookup("errors", "unexpected")!;
}
