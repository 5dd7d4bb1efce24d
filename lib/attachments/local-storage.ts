import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AttachmentStorage } from "./storage";

const safeKey = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/**
 * Attachments in a local folder (the default: embedded mode needs no setup). Writes go to a
 * temporary file renamed into place, so a reader never sees half a file. Keys are checked against
 * the content-address shape, so no key can leave the folder.
 */
export class LocalAttachmentStorage implements AttachmentStorage {
  private readonly root: string;

  /** @param root the folder (created on first write), relative to the working directory or absolute. */
  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private file(key: string): string {
    if (!safeKey.test(key)) throw new Error(`invalid attachment key ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(temp, bytes, { mode: 0o640 });
    await rename(temp, target);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.file(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
