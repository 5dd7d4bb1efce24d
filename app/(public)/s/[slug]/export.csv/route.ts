import { exportResponse } from "@/lib/surveys/export-response";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return exportResponse((await params).slug, "csv");
}
