import "server-only";
import { AwsClient } from "aws4fetch";
import type { AttachmentStorage } from "./storage";

export type S3Options = {
  /** e.g. https://s3.eu-west-3.amazonaws.com or http://127.0.0.1:9000 (MinIO). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, most S3-compatible services) rather than `bucket.endpoint/key`. */
  pathStyle: boolean;
};

/**
 * Attachments in an S3-compatible bucket: plain PUT, GET and DELETE object requests signed with
 * AWS Signature V4 (aws4fetch: a few kilobytes over fetch, no SDK).
 */
export class S3AttachmentStorage implements AttachmentStorage {
  private readonly client: AwsClient;

  constructor(private readonly options: S3Options) {
    this.client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: "s3" });
  }

  /** The object's URL (exported for tests). */
  objectUrl(key: string): string {
    const base = new URL(this.options.endpoint);
    const path = key.split("/").map(encodeURIComponent).join("/");
    if (this.options.pathStyle) return `${base.origin}${base.pathname.replace(/\/$/, "")}/${encodeURIComponent(this.options.bucket)}/${path}`;
    return `${base.protocol}//${this.options.bucket}.${base.host}${base.pathname.replace(/\/$/, "")}/${path}`;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const response = await this.client.fetch(this.objectUrl(key), { method: "PUT", body: bytes as unknown as BodyInit, headers: { "content-type": contentType } });
    if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${await response.text().catch(() => "")}`.slice(0, 500));
  }

  async get(key: string): Promise<Uint8Array | null> {
    const response = await this.client.fetch(this.objectUrl(key), { method: "GET" });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const response = await this.client.fetch(this.objectUrl(key), { method: "DELETE" });
    if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
  }
}
