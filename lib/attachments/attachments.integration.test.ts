import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { createComment } from "@/lib/comments/create-comment";
import { withdrawComment } from "@/lib/comments/edit-comment";
import { ZCreateCommentInput } from "@/lib/comments/schemas";
import { apiListComments, listThread } from "@/lib/comments/queries";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { setPreModeration } from "@/lib/drafts/set-pre-moderation";
import { ConflictError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/errors";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { moderateComment } from "@/lib/moderation/moderate-comment";
import { moderationQueue } from "@/lib/moderation/queries";
import { commentsCsv } from "@/lib/summaries/export";
import { loadAnalysisInput } from "@/lib/summaries/run-analysis";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { contentDisposition, downloadAttachment } from "./download-attachment";
import { startWorker } from "@/lib/jobs/worker";
import { EXTRACTION_JOB, wakeExtraction } from "./extraction-jobs";
import { extractText } from "./extract-text";
import { LocalAttachmentStorage } from "./local-storage";
import { isRefused, prepareAttachment, prepareAttachments, recordAttachments, type PreparedAttachment } from "./prepare-attachments";
import { cleanFilename } from "./rules";
import { S3AttachmentStorage } from "./s3-storage";
import { sniffAttachment } from "./sniff";
import { attachmentStorage, storageKeyFor } from "./storage";
import { docxWithText, elfHeader, jpegHeader, mzHeader, odtWithText, pdfWithText, plainZip, png1x1 } from "./test-files";
import { uploadAttachment } from "./upload-attachment";

// Before the modules read their settings: the queue's maintenance (expiring the jobs of dead
// workers) every second; no scheduler runs beside this file's worker.
vi.hoisted(() => {
  process.env.JOBS_MAINTENANCE_SECONDS = "1";
  process.env.DRAFT_SCHEDULER_INTERVAL_MS = "0";
});

afterAll(() => prisma.$disconnect());

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("sniffing: the type comes from the bytes", () => {
  it.each([
    ["PDF", pdfWithText("Hello"), "application/pdf"],
    ["DOCX", docxWithText(["Hello"]), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["ODT", odtWithText(["Hello"]), "application/vnd.oasis.opendocument.text"],
    ["TXT", utf8("Position paper\n\nWe support §3 — «fully».\tالعربية 中文"), "text/plain"],
    ["TXT with a BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("Hello")]), "text/plain"],
    ["PNG", png1x1, "image/png"],
    ["JPEG", jpegHeader, "image/jpeg"],
  ])("accepts %s", async (_name, bytes, type) => {
    expect(await sniffAttachment(bytes)).toBe(type);
  });

  it.each([
    ["an ELF executable", elfHeader],
    ["a Windows (MZ) executable", mzHeader],
    ["a macro-enabled Word file (DOCM)", docxWithText(["Hello"], true)],
    ["a plain zip", plainZip()],
    ["HTML", utf8("<!DOCTYPE html><script>alert(1)</script>")],
    ["SVG", utf8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["text with a NUL byte", utf8("Hello\u0000world")],
    ["invalid UTF-8", Uint8Array.from([0x48, 0x69, 0xc3, 0x28])],
    ["an empty file", new Uint8Array()],
  ])("refuses %s", async (_name, bytes) => {
    expect(await sniffAttachment(bytes)).toBeNull();
  });

  it("never trusts the name: an executable named paper.pdf is refused and nothing is stored", async () => {
    const result = await prepareAttachments([
      { bytes: pdfWithText("fine"), name: "fine.pdf" },
      { bytes: mzHeader, name: "paper.pdf" },
    ]);
    expect(result).toEqual({ refused: { filename: "paper.pdf", reason: "type" } });
  });

  it("cleans file names and writes RFC 6266 dispositions", () => {
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("C:\\Users\\a\\paper\u202e.pdf")).toBe("paper.pdf");
    expect(cleanFilename("")).toBe("attachment");
    expect(cleanFilename("a".repeat(300) + ".pdf")).toHaveLength(200);
    expect(contentDisposition('Position "paper".pdf')).toBe(`attachment; filename="Position _paper_.pdf"; filename*=UTF-8''Position%20%22paper%22.pdf`);
    expect(contentDisposition("موقف.pdf")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''%D9%85%D9%88%D9%82%D9%81.pdf`);
  });
});

describe("storage", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "parley-attachments-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps, returns and deletes files in a local folder by content address", async () => {
    const storage = new LocalAttachmentStorage(dir);
    const key = storageKeyFor("ab".repeat(32));
    expect(key).toBe(`ab/ab/${"ab".repeat(32)}`);
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, utf8("bytes"), "text/plain");
    await storage.put(key, utf8("bytes"), "text/plain");
    expect(new TextDecoder().decode((await storage.get(key))!)).toBe("bytes");
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("refuses keys that could leave the folder", async () => {
    const storage = new LocalAttachmentStorage(dir);
    await expect(storage.put("../escape", utf8("x"), "text/plain")).rejects.toThrow(/invalid attachment key/);
    await expect(storage.get("ab/../../x")).rejects.toThrow(/invalid attachment key/);
  });

  it("addresses S3 objects path-style or virtual-host style", () => {
    const base = { bucket: "papers", region: "eu-west-3", accessKeyId: "k", secretAccessKey: "s" };
    expect(new S3AttachmentStorage({ ...base, endpoint: "http://127.0.0.1:9000", pathStyle: true }).objectUrl("ab/cd/abcd")).toBe("http://127.0.0.1:9000/papers/ab/cd/abcd");
    expect(new S3AttachmentStorage({ ...base, endpoint: "https://s3.eu-west-3.amazonaws.com", pathStyle: false }).objectUrl("ab/cd/abcd")).toBe("https://papers.s3.eu-west-3.amazonaws.com/ab/cd/abcd");
  });
});

describe("text extraction", () => {
  it("reads PDF, DOCX, ODT and TXT; images have none", async () => {
    expect(await extractText("application/pdf", pdfWithText("Data minimisation (Article 5)"))).toContain("Data minimisation (Article 5)");
    expect(await extractText("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxWithText(["First & foremost", "Second <para>"]))).toBe("First & foremost\nSecond <para>");
    expect(await extractText("application/vnd.oasis.opendocument.text", odtWithText(["Un avis", "Deuxième paragraphe"]))).toBe("Un avis\nDeuxième paragraphe");
    expect(await extractText("text/plain", utf8("  Plain\r\n\r\n\r\n\r\ntext  "))).toBe("Plain\n\ntext");
    expect(await extractText("image/png", png1x1)).toBeNull();
  });

  it("throws for a damaged file (marked FAILED by the job, never a crash)", async () => {
    await expect(extractText("application/vnd.oasis.opendocument.text", plainZip())).rejects.toThrow();
  });
});

describe("attachments on comments", () => {
  const actors: Record<string, Actor> = {};
  let draft = { id: "", organisationId: "", reference: "" };
  let orgId = "";

  async function person(email: string, roles: Array<[string, OrgRole]> = []): Promise<Actor> {
    const user = await seedUser(prisma, { email, name: email.split("@")[0]!, stakeholderGroup: "CIVIL_SOCIETY", country: "KE" });
    for (const [o, role] of roles) await seedMembership(prisma, o, user.id, role);
    return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: roles.map(([organisationId, role]) => ({ organisationId, role })) };
  }
  const prepared = async (bytes: Uint8Array, name: string) => {
    const p = await prepareAttachment(bytes, name);
    if (isRefused(p)) throw new Error(`refused ${name}`);
    return p as PreparedAttachment;
  };
  const comment = (body: string) => ZCreateCommentInput.parse({ draftId: draft.id, anchor: "p-1.1", kind: "CONCERN", body });
  /** Waits until the worker has read every file of the comment (none PENDING). */
  const settled = async (commentId: string, timeoutMs = 30_000) => {
    wakeExtraction();
    const deadline = Date.now() + timeoutMs;
    while ((await prisma.attachment.count({ where: { commentId, extraction: "PENDING" } })) > 0) {
      if (Date.now() > deadline) throw new Error(`files of ${commentId} still pending after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** The extraction jobs of these attachments: state and tries so far. */
  const jobsOf = (ids: string[]) =>
    prisma.$queryRaw<{ attachmentId: string; state: string; retryCount: number; retryLimit: number; deadLetter: string | null }[]>`
      SELECT data->>'attachmentId' AS "attachmentId", state::text AS state, retry_count AS "retryCount", retry_limit AS "retryLimit", dead_letter AS "deadLetter"
      FROM pgboss.job WHERE name = 'attachments.extract' AND data->>'attachmentId' = ANY(${ids}::text[]) ORDER BY created_on`;
  /** A stored file recorded under a type its bytes are not (so that reading it throws), or under a key storage refuses. */
  const stored = async (bytes: Uint8Array, filename: string, contentType: PreparedAttachment["contentType"], storageKey?: string): Promise<PreparedAttachment> => {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const key = storageKey ?? storageKeyFor(sha256);
    if (!storageKey) await attachmentStorage().put(key, bytes, contentType);
    return { storageKey: key, filename, contentType, size: bytes.byteLength, sha256 };
  };
  let stopWorker: () => Promise<void> = async () => {};
  afterAll(() => stopWorker());

  beforeAll(async () => {
    const org = await seedOrganisation(prisma, { slug: "attach-org", name: "Attach Org", description: "", referencePrefix: "AT-RFC" });
    orgId = org.id;
    actors.owner = await person("at-owner@example.org", [[org.id, "OWNER"]]);
    actors.moderator = await person("at-moderator@example.org", [[org.id, "MODERATOR"]]);
    actors.ana = await person("at-ana@example.org");
    actors.ben = await person("at-ben@example.org");
    const { reference } = await createDraft(actors.owner, ZCreateDraftInput.parse({ organisationId: org.id, title: "Attachments draft", abstract: "", language: "en", body: "# Scope\n\nThis applies to consultations.\n" }));
    const d = await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, organisationId: true, reference: true } });
    await openDraft(actors.owner, ZOpenDraftInput.parse({ draftId: d.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
    draft = d;
    stopWorker = await startWorker();
  });

  it("records files with the comment, extracts their text, and lists them in the thread and the API", async () => {
    const files = [await prepared(pdfWithText("Zanzibarite proposal for paragraph one"), "position.pdf"), await prepared(png1x1, "chart.png")];
    const created = await createComment(actors.ana!, comment("See our position paper."), files);
    await settled(created.id);
    const rows = await prisma.attachment.findMany({ where: { commentId: created.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.filename, r.contentType, r.extraction])).toEqual([
      ["position.pdf", "application/pdf", "DONE"],
      ["chart.png", "image/png", "NONE"],
    ]);
    expect(rows[0]!.extractedText).toContain("Zanzibarite proposal");
    expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // One job for the PDF, sent with the comment and completed by the worker; none for the image.
    expect(await jobsOf(rows.map((r) => r.id))).toEqual([{ attachmentId: rows[0]!.id, state: "completed", retryCount: 0, retryLimit: 3, deadLetter: "attachments.extract.dead" }]);
    expect(rows[0]!.extractionAttempts).toBe(1);

    const thread = await listThread(draft, "p-1.1", null);
    const shown = thread.items.find((c) => c.id === created.id)!;
    expect(shown.attachments.map((a) => [a.filename, a.url])).toEqual([
      ["position.pdf", `/api/v1/attachments/${rows[0]!.id}`],
      ["chart.png", `/api/v1/attachments/${rows[1]!.id}`],
    ]);
    const api = await apiListComments(draft.id, { sort: "newest", page: 1, pageSize: 20 });
    expect(api.data.find((c) => c.id === created.id)!.attachments).toHaveLength(2);

    // The text feeds the moderators' search, the analysis (marked) and the export's columns.
    const found = await moderationQueue(orgId, actors.moderator!, 1, 25, "zanzibarite");
    expect(found).not.toBeNull();
    const analysis = await loadAnalysisInput(draft.id, new Date());
    expect(analysis.comments.find((c) => c.id === created.id)!.text).toBe("See our position paper.\n\n[📎] Zanzibarite proposal for paragraph one");
    const csv = await commentsCsv(draft.id);
    expect(csv.split("\n")[0]).toContain("attachment_urls");
    expect(csv).toContain(`position.pdf | chart.png`);

    const file = await downloadAttachment(null, rows[0]!.id);
    expect(file.contentType).toBe("application/pdf");
    expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe("%PDF-");
  });

  it("follows the comment's visibility: hidden and withdrawn files are 404 except to moderators", async () => {
    const hidden = await createComment(actors.ana!, comment("To be hidden."), [await prepared(utf8("Hidden paper"), "hidden.txt")]);
    const withdrawn = await createComment(actors.ana!, comment("To be withdrawn."), [await prepared(utf8("Withdrawn paper"), "withdrawn.txt")]);
    const [h, w] = await Promise.all([hidden, withdrawn].map((c) => prisma.attachment.findFirstOrThrow({ where: { commentId: c.id }, select: { id: true } })));
    await moderateComment(actors.moderator!, { commentId: hidden.id, action: "HIDE", reason: "Off topic." });
    await withdrawComment(actors.ana!, withdrawn.id);
    for (const id of [h!.id, w!.id]) {
      await expect(downloadAttachment(null, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(downloadAttachment(actors.ben!, id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await downloadAttachment(actors.moderator!, id)).bytes.byteLength).toBeGreaterThan(0);
    }
    const thread = await listThread(draft, "p-1.1", null);
    expect(thread.items.find((c) => c.id === hidden.id)!.attachments).toEqual([]);
    await expect(downloadAttachment(null, "no-such-attachment")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps a pending comment's files to its author and the moderators, and shows the moderators an excerpt", async () => {
    await setPreModeration(actors.owner!, draft.id, true);
    try {
      const pending = await createComment(actors.ana!, comment("Pending with a paper."), [await prepared(docxWithText(["Quokka clause: require consent."]), "paper.docx")]);
      expect(pending.status).toBe("PENDING");
      await settled(pending.id);
      const a = await prisma.attachment.findFirstOrThrow({ where: { commentId: pending.id }, select: { id: true } });
      await expect(downloadAttachment(null, a.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(downloadAttachment(actors.ben!, a.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await downloadAttachment(actors.ana!, a.id)).filename).toBe("paper.docx");
      expect((await downloadAttachment(actors.moderator!, a.id)).filename).toBe("paper.docx");
      const queue = await moderationQueue(orgId, actors.moderator!, 1, 25, "quokka");
      expect(queue!.items.map((i) => i.id)).toEqual([pending.id]);
      expect(queue!.items[0]!.attachmentTexts).toEqual([{ filename: "paper.docx", text: "Quokka clause: require consent." }]);
      expect((await moderationQueue(orgId, actors.moderator!, 1, 25, "no-such-word-anywhere"))!.items).toEqual([]);
    } finally {
      await setPreModeration(actors.owner!, draft.id, false);
    }
  });

  it("adds files through the API use case: author only, sniffed, at most three, idempotent", async () => {
    const created = await createComment(actors.ana!, comment("Files come next."));
    const upload = (bytes: Uint8Array, key: string | null, who = actors.ana!) => uploadAttachment(who, created.id, { bytes, filename: "paper.odt", idempotencyKey: key });
    const first = await upload(odtWithText(["Annex"]), "k1");
    expect(first).toMatchObject({ created: true, body: { filename: "paper.odt", contentType: "application/vnd.oasis.opendocument.text" } });
    expect(await upload(odtWithText(["Annex"]), "k1")).toEqual({ ...first, created: false });
    await expect(upload(elfHeader, "k2")).rejects.toBeInstanceOf(UnsupportedMediaTypeError);
    await expect(upload(odtWithText(["Annex"]), "k3", actors.ben!)).rejects.toBeInstanceOf(NotFoundError);
    await upload(utf8("two"), "k4");
    await upload(utf8("three"), "k5");
    await expect(upload(utf8("four"), "k6")).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.attachment.count({ where: { commentId: created.id } })).toBe(3);
    const big = new Uint8Array(11 * 1024 * 1024).fill(0x61);
    await expect(uploadAttachment(actors.ana!, created.id, { bytes: big, filename: "big.txt", idempotencyKey: null })).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  it("queues no job when the comment's transaction rolls back", async () => {
    const file = await prepared(utf8("Rolled back paper"), "rolled-back.txt");
    let ids: string[] = [];
    await expect(
      prisma.$transaction(async (tx) => {
        const c = await tx.comment.create({ data: { draftId: draft.id, versionNumber: 1, authorId: actors.ana!.id, body: "Never committed.", anchor: "p-1.1", kind: "CONCERN" }, select: { id: true } });
        ids = await recordAttachments(tx, c.id, [file]);
        expect(await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'attachments.extract' AND data->>'attachmentId' = ${ids[0]}`).toEqual([{ n: 1 }]);
        throw new Error("the comment fails after its files were recorded");
      }),
    ).rejects.toThrow("the comment fails");
    expect(ids).toHaveLength(1);
    expect(await prisma.attachment.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await jobsOf(ids)).toEqual([]);
  });

  it("marks a file whose extraction throws FAILED with the error, at the first try", async () => {
    const broken = await stored(plainZip(), "broken.odt", "application/vnd.oasis.opendocument.text");
    const created = await createComment(actors.ana!, comment("A damaged annex."), [broken]);
    await settled(created.id);
    const row = await prisma.attachment.findFirstOrThrow({ where: { commentId: created.id } });
    expect(row).toMatchObject({ extraction: "FAILED", extractedText: null, extractionAttempts: 1 });
    expect(row.extractionError).toBeTruthy();
    expect(await jobsOf([row.id])).toMatchObject([{ state: "completed", retryCount: 0 }]);
    // Still listed and downloadable: only its text is missing.
    expect((await downloadAttachment(actors.ana!, row.id)).filename).toBe("broken.odt");
  });

  it("retries a storage error with backoff, then marks the file FAILED after the last try", async () => {
    const unreadable = await stored(utf8("never read"), "unreadable.txt", "text/plain", "../outside");
    const created = await createComment(actors.ana!, comment("An unreadable annex."), [unreadable]);
    const { id } = await prisma.attachment.findFirstOrThrow({ where: { commentId: created.id }, select: { id: true } });
    wakeExtraction();
    // pg-boss counts a retry when it starts: after try n fails, the job waits with retry_count n - 1.
    for (let attempt = 1; attempt <= EXTRACTION_JOB.retryLimit; attempt++) {
      const deadline = Date.now() + 30_000;
      let job = (await jobsOf([id]))[0]!;
      while (!(job.state === "retry" && job.retryCount === attempt - 1)) {
        if (Date.now() > deadline) throw new Error(`try ${attempt} did not fail: ${JSON.stringify(job)}`);
        await new Promise((r) => setTimeout(r, 50));
        job = (await jobsOf([id]))[0]!;
      }
      const [wait] = await prisma.$queryRaw<{ s: number }[]>`
        SELECT EXTRACT(epoch FROM start_after - now())::float8 AS s FROM pgboss.job WHERE name = 'attachments.extract' AND data->>'attachmentId' = ${id}`;
      // Backoff: 10–20 s after the first try, doubling.
      expect(wait!.s).toBeGreaterThan(5 * 2 ** attempt - 2);
      expect(wait!.s).toBeLessThanOrEqual(10 * 2 ** attempt);
      expect(await prisma.attachment.findUniqueOrThrow({ where: { id }, select: { extraction: true, extractionAttempts: true } })).toEqual({ extraction: "PENDING", extractionAttempts: attempt });
      // Its time comes (moved forward here).
      await prisma.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'attachments.extract' AND data->>'attachmentId' = ${id}`;
      wakeExtraction();
    }
    await settled(created.id);
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ extraction: "FAILED", extractionAttempts: EXTRACTION_JOB.retryLimit + 1 });
    expect(row.extractionError).toMatch(/invalid attachment key/);
    expect(await jobsOf([id])).toMatchObject([{ state: "completed", retryCount: EXTRACTION_JOB.retryLimit }]);
  }, 60_000);

  it("marks a file FAILED from the dead-letter queue when its last try was interrupted", async () => {
    const file = await prepared(utf8("Interrupted paper"), "interrupted.txt");
    const c = await createComment(actors.ana!, comment("Interrupted annex."));
    // Its last worker died mid-way: the job is active, its expiry passed, no retry is left (set in
    // the transaction that queued it, so that no live worker takes it first).
    const [id] = await prisma.$transaction(async (tx) => {
      const ids = await recordAttachments(tx, c.id, [file]);
      await tx.$executeRaw`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '10 minutes', retry_count = retry_limit
        WHERE name = 'attachments.extract' AND data->>'attachmentId' = ${ids[0]}`;
      return ids;
    });
    await settled(c.id);
    expect(await prisma.attachment.findUniqueOrThrow({ where: { id: id! }, select: { extraction: true, extractionError: true } })).toEqual({ extraction: "FAILED", extractionError: "interrupted too many times" });
    expect(await jobsOf([id!])).toMatchObject([{ state: "failed" }]);
  });
});
