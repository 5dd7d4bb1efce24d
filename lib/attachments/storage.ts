import "server-only";
import { env } from "@/lib/env";
import { LocalAttachmentStorage } from "./local-storage";
import { S3AttachmentStorage } from "./s3-storage";

/**
 * Where attachment bytes live. Keys are content addresses (see storageKeyFor), so writing the same
 * bytes twice is harmless and a retried upload never duplicates a file.
 */
export interface AttachmentStorage {
  /** Stores `bytes` under `key` (overwriting is allowed: same key, same bytes). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes `key`; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

/** The storage key of a file: its sha256 (hex), sharded by its first two bytes ("ab/cd/abcd…"). */
export function storageKeyFor(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

let instance: AttachmentStorage | undefined;

/**
 * The configured storage: an S3-compatible bucket when ATTACHMENT_S3_BUCKET is set, else a folder
 * (ATTACHMENT_DIR, by default `attachments/` in the data directory PARLEY_DATA_DIR).
 */
export function attachmentStorage(): AttachmentStorage {
  if (instance) return instance;
  if (env.ATTACHMENT_S3_BUCKET) {
    if (!env.ATTACHMENT_S3_ENDPOINT || !env.ATTACHMENT_S3_ACCESS_KEY_ID || !env.ATTACHMENT_S3_SECRET_ACCESS_KEY) {
      throw new Error("ATTACHMENT_S3_BUCKET needs ATTACHMENT_S3_ENDPOINT, ATTACHMENT_S3_ACCESS_KEY_ID and ATTACHMENT_S3_SECRET_ACCESS_KEY");
    }
    instance = new S3AttachmentStorage({
      endpoint: env.ATTACHMENT_S3_ENDPOINT,
      bucket: env.ATTACHMENT_S3_BUCKET,
      region: env.ATTACHMENT_S3_REGION,
      accessKeyId: env.ATTACHMENT_S3_ACCESS_KEY_ID,
      secretAccessKey: env.ATTACHMENT_S3_SECRET_ACCESS_KEY,
      pathStyle: env.ATTACHMENT_S3_PATH_STYLE === "1",
    });
  } else {
    instance = new LocalAttachmentStorage(env.ATTACHMENT_DIR ?? `${env.PARLEY_DATA_DIR}/attachments`);
  }
  return instance;
}
