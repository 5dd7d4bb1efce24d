import { publicBaseUrl } from "@/lib/api/base-url";

export function consultationBase(reference: string): string {
  return `${publicBaseUrl()}/drafts/${encodeURIComponent(reference)}`;
}
