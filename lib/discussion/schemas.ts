import { z } from "zod";
import { CommentKind, StakeholderGroup } from "@/lib/generated/prisma/enums";

/** How a discussion can be ordered (see ./order.ts for what each one means). */
export const discussionSorts = ["newest", "oldest", "agreed", "divisive", "replies"] as const;
export type DiscussionSort = (typeof discussionSorts)[number];

export const discussionKinds = Object.values(CommentKind);
export const stakeholderGroups = Object.values(StakeholderGroup);

// An empty value ("all kinds" in the form, `kind=` in a URL) means no filter.
const emptyIsAbsent = (v: unknown) => (v === "" ? undefined : v);

/**
 * The sort and filters of a discussion: one schema for the discussion page's GET form and for
 * `GET /api/v1/drafts/{ref}/comments`. Unknown values fail (the API answers 422; the page falls
 * back to the defaults).
 */
export const ZDiscussionFilters = z.object({
  sort: z.preprocess(emptyIsAbsent, z.enum(discussionSorts, { error: "badSort" }).default("newest")),
  kind: z.preprocess(emptyIsAbsent, z.enum(CommentKind, { error: "badKind" }).optional()),
  group: z.preprocess(emptyIsAbsent, z.enum(StakeholderGroup, { error: "badGroup" }).optional()),
});
export type TDiscussionFilters = z.output<typeof ZDiscussionFilters>;

export const defaultDiscussionFilters: TDiscussionFilters = { sort: "newest", kind: undefined, group: undefined };

/** The filters of a page request; the defaults when a value is unknown (a hand-edited URL). */
export function discussionFiltersFrom(searchParams: Record<string, string | string[] | undefined>): TDiscussionFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = ZDiscussionFilters.safeParse({ sort: one(searchParams.sort), kind: one(searchParams.kind), group: one(searchParams.group) });
  return parsed.success ? parsed.data : defaultDiscussionFilters;
}

/** The query string of a discussion page (defaults left out, so the plain URL stays canonical). */
export function discussionQuery(filters: TDiscussionFilters, page = 1): string {
  const q = new URLSearchParams();
  if (filters.sort !== "newest") q.set("sort", filters.sort);
  if (filters.kind) q.set("kind", filters.kind);
  if (filters.group) q.set("group", filters.group);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** SPDX ids of the licences an organisation can put its open data under. */
export const dataLicences = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0"] as const;
export const licenceUrls: Record<(typeof dataLicences)[number], string> = {
  "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
  "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
  "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
  "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
};

/** The open-data setting form on the draft's management page (editors and owners). */
export const ZOpenDataInput = z.object({
  draftId: z.string().min(1),
  openData: z.enum(["0", "1"]),
  dataLicence: z.union([z.enum(dataLicences, { error: "badLicence" }), z.literal("")]).default("").transform((v) => v || null),
});

/** The files of GET /api/v1/drafts/{ref}/open-data (?format=, default json). */
export const openDataApiFormats = ["json", "csv", "polis-comments", "polis-votes"] as const;
export const ZOpenDataQuery = z.object({ format: z.enum(openDataApiFormats).default("json") });
