import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/errors";

/**
 * Reads a request's JSON body with a hard size cap, whatever Content-Length claims.
 *
 * @param maxBytes largest body accepted, in bytes.
 * @returns the parsed JSON value.
 * @throws UnsupportedMediaTypeError (415) unless Content-Type is application/json or +json;
 *   PayloadTooLargeError (413) over `maxBytes`; BadRequestError (400) for invalid UTF-8
 *   ("invalidEncoding") or unparsable JSON ("invalidJson").
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) throw new UnsupportedMediaTypeError();
  const bytes = await readCappedBody(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadRequestError("invalidEncoding");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError("invalidJson");
  }
}

/**
 * A request's raw body, read with a hard cap whatever Content-Length claims (a declared length over
 * the cap is refused before reading; a stream that grows past it is cancelled).
 * @param maxBytes largest body accepted (bytes). @throws PayloadTooLargeError (413) over it.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new PayloadTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return bytes;
}
