import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { assignAnchors, numberInAnchor } from "./document/anchors";
import { diffVersions, diffWords, splitLines } from "./document/diff";
import { hashText, parseDraftMarkdown } from "./document/parse";
import { similarity } from "./document/similarity";
import type { AnchoredBlock, BlockDiff, WordChange } from "./document/types";

const md = (...lines: string[]) => lines.join("\n\n");

function anchored(markdown: string, previous?: AnchoredBlock[]): AnchoredBlock[] {
  return assignAnchors(parseDraftMarkdown(markdown).blocks, previous);
}

function anchorOf(blocks: AnchoredBlock[], textStart: string): string | undefined {
  return blocks.find((b) => b.text.startsWith(textStart))?.anchor;
}

/** The two sides of a word diff, rebuilt from its changes. */
function sides(words: WordChange[]) {
  return {
    from: words.filter((w) => w.type !== "added").map((w) => w.text).join(""),
    to: words.filter((w) => w.type !== "removed").map((w) => w.text).join(""),
  };
}

describe("parseDraftMarkdown: numbering", () => {
  it("numbers sections like an RFC when the document uses ## for its top level", () => {
    const doc = parseDraftMarkdown(
      md("## 1. Introduction", "Intro text.", "### Background", "#### History", "### 1.2 Goals", "## Scope", "### Exclusions"),
    );
    expect(doc.sections).toEqual([
      { number: "1", title: "Introduction", level: 1, anchor: "s-1" },
      { number: "1.1", title: "Background", level: 2, anchor: "s-1.1" },
      { number: "1.1.1", title: "History", level: 3, anchor: "s-1.1.1" },
      { number: "1.2", title: "Goals", level: 2, anchor: "s-1.2" },
      { number: "2", title: "Scope", level: 1, anchor: "s-2" },
      { number: "2.1", title: "Exclusions", level: 2, anchor: "s-2.1" },
    ]);
    const headings = doc.blocks.filter((b) => b.kind === "heading");
    expect(headings.map((h) => [h.number, h.section, h.level])).toEqual([
      ["1", "1", 1],
      ["1.1", "1.1", 2],
      ["1.1.1", "1.1.1", 3],
      ["1.2", "1.2", 2],
      ["2", "2", 1],
      ["2.1", "2.1", 2],
    ]);
    // The reading view prints its own number, so a number typed by the author is left out.
    expect(headings[0]?.text).toBe("Introduction");
    expect(headings[0]?.html).toBe("<h2>Introduction</h2>");
    expect(headings[0]?.markdown).toBe("## 1. Introduction");
  });

  it("numbers # documents the same way and does not leave holes for skipped heading levels", () => {
    const doc = parseDraftMarkdown(md("# Top", "### Skipped a level", "# Next"));
    expect(doc.sections.map((s) => s.number)).toEqual(["1", "1.1", "2"]);
  });

  it("restarts paragraph numbers in each section", () => {
    const doc = parseDraftMarkdown(md("## One", "First.", "Second.", "### One point one", "Third.", "## Two", "Fourth.", "- a list", "Fifth."));
    expect(doc.blocks.map((b) => [b.kind, b.number, b.section])).toEqual([
      ["heading", "1", "1"],
      ["paragraph", "1.1", "1"],
      ["paragraph", "1.2", "1"],
      ["heading", "1.1", "1.1"],
      ["paragraph", "1.1.1", "1.1"],
      ["heading", "2", "2"],
      ["paragraph", "2.1", "2"],
      ["list", "2.2", "2"],
      ["paragraph", "2.3", "2"],
    ]);
    expect(doc.blocks.filter((b) => b.kind !== "heading").every((b) => b.level === 0)).toBe(true);
  });

  it("puts text before the first heading in section 0", () => {
    const doc = parseDraftMarkdown(md("Preamble one.", "Preamble two.", "## Body", "Body text."));
    expect(doc.blocks.slice(0, 2).map((b) => [b.section, b.number])).toEqual([
      ["0", "0.1"],
      ["0", "0.2"],
    ]);
    expect(doc.blocks[3]?.number).toBe("1.1");
    expect(doc.sections.map((s) => s.number)).toEqual(["1"]);
  });

  it("handles a document without headings or without any text", () => {
    expect(parseDraftMarkdown("Just one paragraph.").blocks.map((b) => b.number)).toEqual(["0.1"]);
    expect(parseDraftMarkdown("")).toEqual({ blocks: [], sections: [], wordCount: 0 });
  });
});

describe("parseDraftMarkdown: blocks", () => {
  it("keeps each block's own Markdown, skips rules, raw HTML and definitions, and counts words", () => {
    const source = md("## Terms", "A *very* important\nterm with [a link][ref].", "---", "<div>raw block</div>", "[ref]: https://example.org/terms", "> Quoted words here.");
    const doc = parseDraftMarkdown(source);
    expect(doc.blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "quote"]);
    expect(doc.blocks[1]?.markdown).toBe("A *very* important\nterm with [a link][ref].");
    expect(doc.blocks[1]?.text).toBe("A very important\nterm with a link.");
    // Reference links resolve against definitions elsewhere in the document.
    expect(doc.blocks[1]?.html).toContain('href="https://example.org/terms"');
    expect(doc.blocks[2]?.markdown).toBe("> Quoted words here.");
    expect(doc.wordCount).toBe(1 + 7 + 3);
  });

  it("hashes the normalised text with SHA-256, so whitespace and case changes keep the hash", () => {
    const [a] = parseDraftMarkdown("The  Council\nshall publish.").blocks;
    const [b] = parseDraftMarkdown("the council shall   PUBLISH.").blocks;
    const [c] = parseDraftMarkdown("The council may publish.").blocks;
    expect(a?.hash).toBe(createHash("sha256").update("the council shall publish.").digest("hex"));
    expect(a?.hash).toBe(b?.hash);
    expect(a?.hash).not.toBe(c?.hash);
    const [unicode] = parseDraftMarkdown("Données personnelles — 個人情報 🙂").blocks;
    expect(unicode?.hash).toBe(createHash("sha256").update("données personnelles — 個人情報 🙂").digest("hex"));
  });

  it("renders a GFM table as one block", () => {
    const doc = parseDraftMarkdown(md("| Term | Meaning |\n| :--- | --- |\n| SLA | Service ~~level~~ agreement |"));
    expect(doc.blocks).toHaveLength(1);
    const table = doc.blocks[0]!;
    expect(table.kind).toBe("table");
    expect(table.html).toMatch(/^<table>/);
    expect(table.html).toContain("<th");
    expect(table.html).toContain('<td align="left">SLA</td>');
    expect(table.html).toContain("<del>level</del>");
    expect(table.text).toBe("Term Meaning\nSLA Service level agreement");
  });

  it("renders a whole list as one block, keeping items apart in the text", () => {
    const doc = parseDraftMarkdown(md("1. First item\n2. Second **item**\n   - nested point", "- [x] done\n- [ ] open"));
    expect(doc.blocks.map((b) => b.kind)).toEqual(["list", "list"]);
    const [ordered, tasks] = doc.blocks;
    expect(ordered?.html).toMatch(/^<ol>/);
    expect(ordered?.html).toContain("<strong>item</strong>");
    expect(ordered?.html).toContain("<ul>");
    expect(ordered?.text).toBe("First item\nSecond item\nnested point");
    expect(tasks?.html).toContain('type="checkbox"');
    expect(doc.wordCount).toBe(6 + 2);
  });

  it("renders code blocks verbatim and escaped", () => {
    const [code] = parseDraftMarkdown("```html\n<script>alert(1)</script>\n```").blocks;
    expect(code?.kind).toBe("code");
    expect(code?.text).toBe("<script>alert(1)</script>");
    expect(code?.html).toBe('<pre><code class="language-html">&#x3C;script>alert(1)&#x3C;/script>\n</code></pre>');
  });
});

describe("parseDraftMarkdown: sanitisation", () => {
  it("drops script tags but keeps the text around them", () => {
    const doc = parseDraftMarkdown(md("Before <script>steal()</script> after.", "<script>\nalert(1)\n</script>", "Last."));
    expect(doc.blocks.map((b) => b.text)).toEqual(["Before steal() after.", "Last."]);
    const html = doc.blocks.map((b) => b.html).join("");
    expect(html).not.toMatch(/<script/i);
    expect(doc.blocks[0]?.html).toBe("<p>Before steal() after.</p>");
  });

  it("drops event handler attributes", () => {
    const [block] = parseDraftMarkdown('Image <img src="x" onerror="alert(1)"> and <a href="#" onclick="x()">click</a> here.').blocks;
    expect(block?.html).not.toMatch(/onerror|onclick|<img/i);
    expect(block?.html).toContain("Image");
    expect(block?.html).toContain("click");
    expect(block?.html).toContain("here.");
  });

  it("drops javascript: links, keeping their text, and marks other links nofollow", () => {
    const [block] = parseDraftMarkdown("See [the rules](javascript:alert(document.cookie)) and [the site](https://example.org).").blocks;
    expect(block?.html).not.toMatch(/javascript:/i);
    expect(block?.html).toContain("the rules");
    expect(block?.html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">the site</a>');
    expect(block?.text).toBe("See the rules and the site.");
  });
});

describe("similarity", () => {
  it("is 1 for the same words, 0 for none in common, and in between otherwise", () => {
    expect(similarity("The council shall publish.", "the council shall publish")).toBe(1);
    expect(similarity("alpha beta", "gamma delta")).toBe(0);
    expect(similarity("a b c d", "a b c e")).toBeCloseTo(0.75);
    expect(similarity("", "")).toBe(1);
    expect(similarity("word", "")).toBe(0);
  });
});

describe("assignAnchors", () => {
  const v1Source = md("## Scope", "This guidance applies to all member organisations.", "Members must respond within thirty days.", "## Terms", "A term is a word.");

  it("derives anchors from numbers when there is no previous version", () => {
    expect(anchored(v1Source).map((b) => b.anchor)).toEqual(["s-1", "p-1.1", "p-1.2", "s-2", "p-2.1"]);
  });

  it("keeps anchors when a paragraph is inserted before others, and gives the new one an opaque anchor", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(md("## Scope", "A new opening paragraph about something else entirely.", "This guidance applies to all member organisations.", "Members must respond within thirty days.", "## Terms", "A term is a word."), v1);
    const fresh = `p-x${hashText("A new opening paragraph about something else entirely.").slice(0, 8)}`;
    expect(v2.map((b) => [b.number, b.anchor])).toEqual([
      ["1", "s-1"],
      ["1.1", fresh],
      ["1.2", "p-1.1"],
      ["1.3", "p-1.2"],
      ["2", "s-2"],
      ["2.1", "p-2.1"],
    ]);
    expect(new Set(v2.map((b) => b.anchor)).size).toBe(v2.length);
  });

  it("lets a lightly edited paragraph keep its anchor", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(md("## Scope", "This guidance applies to all member and associate organisations.", "Members must respond within thirty days.", "## Terms", "A term is a word."), v1);
    expect(similarity("This guidance applies to all member organisations.", v2[1]!.text)).toBeGreaterThanOrEqual(0.5);
    expect(v2.map((b) => b.anchor)).toEqual(["s-1", "p-1.1", "p-1.2", "s-2", "p-2.1"]);
  });

  it("keeps anchors through a light edit and an insertion in the same gap, matching the best candidate", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(md("## Scope", "Unrelated preface text goes here.", "This guidance applies to every member organisation.", "## Terms", "A term is a word."), v1);
    expect(anchorOf(v2, "Unrelated")).toBe(`p-x${hashText("Unrelated preface text goes here.").slice(0, 8)}`);
    expect(anchorOf(v2, "This guidance")).toBe("p-1.1");
    // The removed paragraph's anchor is not handed to another block.
    expect(v2.map((b) => b.anchor)).not.toContain("p-1.2");
  });

  it("gives a rewritten paragraph a new anchor instead of its predecessor's", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(md("## Scope", "Completely different prose replaces the earlier sentence now.", "Members must respond within thirty days.", "## Terms", "A term is a word."), v1);
    expect(v2[1]?.number).toBe("1.1");
    expect(v2[1]?.anchor).toBe(`p-x${hashText("Completely different prose replaces the earlier sentence now.").slice(0, 8)}`);
    expect(numberInAnchor(v2[1]!.anchor)).toBeNull();
    expect(anchorOf(v2, "Members")).toBe("p-1.2");
  });

  it("requires the same kind to carry an anchor over", () => {
    const v1 = anchored(md("## Scope", "Members must respond within thirty days."));
    const v2 = anchored(md("## Scope", "> Members must respond within thirty days."), v1);
    expect(v2[1]?.kind).toBe("quote");
    expect(v2[1]?.anchor).toBe(`p-x${v2[1]!.hash.slice(0, 8)}`);
  });

  it("uses each previous anchor once when paragraphs are duplicated", () => {
    const v1 = anchored(md("## A", "Repeated text."));
    const v2 = anchored(md("## A", "Repeated text.", "Repeated text."), v1);
    const copy = `p-x${hashText("Repeated text.").slice(0, 8)}`;
    expect(v2.map((b) => b.anchor)).toEqual(["s-1", "p-1.1", copy]);
    const v3 = anchored(md("## A", "Other text.", "Repeated text.", "Repeated text."), v2);
    expect(v3.map((b) => b.anchor)).toEqual(["s-1", `p-x${hashText("Other text.").slice(0, 8)}`, "p-1.1", copy]);
  });

  it("keeps section anchors when sections are renumbered", () => {
    const v1 = anchored(md("## Scope", "Scope text.", "## Terms", "Terms text."));
    const v2 = anchored(md("## Background", "Why this exists.", "## Scope", "Scope text.", "## Terms", "Terms text."), v1);
    expect(v2.map((b) => [b.number, b.anchor])).toEqual([
      ["1", `s-x${hashText("Background").slice(0, 8)}`],
      ["1.1", `p-x${hashText("Why this exists.").slice(0, 8)}`],
      ["2", "s-1"],
      ["2.1", "p-1.1"],
      ["3", "s-2"],
      ["3.1", "p-2.1"],
    ]);
  });
});

describe("assignAnchors: paragraphs that move", () => {
  const v1Source = md(
    "## Scope",
    "This guidance applies to every public consultation run online.",
    "Consultations should reach the people affected, not only experts.",
    "## Time",
    "A consultation should stay open for at least six weeks.",
    "Late responses should still be read and recorded.",
  );

  it("keeps every unchanged paragraph's anchor when paragraphs are reordered", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(
      md(
        "## Scope",
        "Consultations should reach the people affected, not only experts.",
        "This guidance applies to every public consultation run online.",
        "## Time",
        "Late responses should still be read and recorded.",
        "A consultation should stay open for at least six weeks.",
      ),
      v1,
    );
    expect(v2.map((b) => [b.number, b.anchor])).toEqual([
      ["1", "s-1"],
      ["1.1", "p-1.2"],
      ["1.2", "p-1.1"],
      ["2", "s-2"],
      ["2.1", "p-2.2"],
      ["2.2", "p-2.1"],
    ]);
  });

  it("keeps an unchanged paragraph's anchor when it moves to another section", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(
      md(
        "## Scope",
        "This guidance applies to every public consultation run online.",
        "## Time",
        "A consultation should stay open for at least six weeks.",
        "Consultations should reach the people affected, not only experts.",
        "Late responses should still be read and recorded.",
      ),
      v1,
    );
    expect(anchorOf(v2, "Consultations should reach")).toBe("p-1.2");
    expect(v2.find((b) => b.anchor === "p-1.2")?.number).toBe("2.2");
    expect(v2.map((b) => b.anchor)).toEqual(["s-1", "p-1.1", "s-2", "p-2.1", "p-1.2", "p-2.2"]);
  });

  it("keeps a lightly edited paragraph's anchor when the paragraphs around it move", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(
      md(
        "## Time",
        "Late responses should still be read and recorded.",
        "A consultation should stay open for at least eight weeks.",
        "## Scope",
        "Consultations should reach the people affected, not only experts.",
        "This guidance applies to every public consultation run online.",
      ),
      v1,
    );
    expect(anchorOf(v2, "A consultation should stay open for at least eight")).toBe("p-2.1");
    expect(v2.map((b) => b.anchor)).toEqual(["s-2", "p-2.2", "p-2.1", "s-1", "p-1.2", "p-1.1"]);
  });

  it("keeps a lightly edited paragraph's anchor when it also moved to another section", () => {
    const v1 = anchored(v1Source);
    const v2 = anchored(
      md(
        "## Scope",
        "This guidance applies to every public consultation run online.",
        "## Time",
        "A consultation should stay open for at least six weeks.",
        "Late responses should still be read and recorded.",
        "Consultations should reach all the people affected, not only experts.",
      ),
      v1,
    );
    expect(anchorOf(v2, "Consultations should reach all")).toBe("p-1.2");
  });

  it("carries a Chinese paragraph's anchor through a small edit", () => {
    const v1 = anchored(md("## 原则", "每一次数据共享都应当具有明确、合法的目的，并在共享前书面记录。", "共享的数据应当限于实现目的所必需的范围。"));
    const v2 = anchored(md("## 原则", "共享的数据应当限于实现目的所必需的范围。", "每一次数据共享都应当具有明确、合法的目的，并在共享前以书面形式记录。"), v1);
    expect(v2.map((b) => b.anchor)).toEqual(["s-1", "p-1.2", "p-1.1"]);
  });

  it("tells which number a first version's anchor was minted with", () => {
    expect(numberInAnchor("p-4.2.1")).toBe("4.2.1");
    expect(numberInAnchor("s-3")).toBe("3");
    expect(numberInAnchor("p-1.1-2")).toBe("1.1");
    expect(numberInAnchor("p-x3f2a9c1b")).toBeNull();
  });
});

describe("diffVersions", () => {
  it("reports same, changed, added and removed blocks in reading order", () => {
    const v1 = anchored(md("## Scope", "Kept as is.", "Members must respond within thirty days.", "This paragraph will be removed entirely.", "## Terms", "A term is a word."));
    const v2 = anchored(md("## Scope", "Kept as is.", "Members must respond within sixty days.", "## Terms", "A term is a word.", "A brand new closing paragraph."), v1);
    const diff = diffVersions(v1, v2);
    expect(diff.map((d) => [d.type, d.type === "added" ? d.toAnchor : d.type === "removed" ? d.fromAnchor : d.toAnchor])).toEqual([
      ["same", "s-1"],
      ["same", "p-1.1"],
      ["changed", "p-1.2"],
      ["removed", "p-1.3"],
      ["same", "s-2"],
      ["same", "p-2.1"],
      ["added", `p-x${hashText("A brand new closing paragraph.").slice(0, 8)}`],
    ]);

    const changed = diff[2] as Extract<BlockDiff, { type: "changed" }>;
    expect(changed.fromAnchor).toBe("p-1.2");
    expect(changed.words.filter((w) => w.type === "removed").map((w) => w.text.trim())).toEqual(["thirty"]);
    expect(changed.words.filter((w) => w.type === "added").map((w) => w.text.trim())).toEqual(["sixty"]);
    expect(sides(changed.words)).toEqual({ from: "Members must respond within thirty days.", to: "Members must respond within sixty days." });

    expect(diff[1]).toEqual({ type: "same", kind: "paragraph", fromAnchor: "p-1.1", toAnchor: "p-1.1", from: "Kept as is.", to: "Kept as is." });
    expect(diff[3]).toEqual({ type: "removed", kind: "paragraph", fromAnchor: "p-1.3", text: "This paragraph will be removed entirely." });
    expect(diff[6]).toEqual({ type: "added", kind: "paragraph", toAnchor: v2[5]!.anchor, text: "A brand new closing paragraph." });
  });

  it("places removed blocks at the start and end where they stood", () => {
    const from = [
      { anchor: "p-0.1", text: "Gone first.", kind: "paragraph" as const },
      { anchor: "p-0.2", text: "Stays.", kind: "paragraph" as const },
      { anchor: "p-0.3", text: "Gone last.", kind: "paragraph" as const },
    ];
    const to = [{ anchor: "p-0.2", text: "Stays.", kind: "paragraph" as const }];
    expect(diffVersions(from, to).map((d) => d.type)).toEqual(["removed", "same", "removed"]);
    expect(diffVersions([], to)).toEqual([{ type: "added", kind: "paragraph", toAnchor: "p-0.2", text: "Stays." }]);
  });

  it("shows a moved paragraph once, as moved from its old number to its new one", () => {
    const v1 = anchored(md("## Scope", "Alpha paragraph on scope.", "Beta paragraph on reach.", "## Terms", "Gamma paragraph on terms."));
    const v2 = anchored(md("## Scope", "Alpha paragraph on scope.", "## Terms", "Gamma paragraph on terms.", "Beta paragraph on reach, widely."), v1);
    const diff = diffVersions(v1, v2);
    expect(diff.map((d) => d.type)).toEqual(["same", "same", "same", "same", "moved"]);
    const moved = diff[4] as Extract<BlockDiff, { type: "moved" }>;
    expect(moved).toMatchObject({ kind: "paragraph", fromAnchor: "p-1.2", toAnchor: "p-1.2", fromNumber: "1.2", toNumber: "2.2" });
    expect(sides(moved.words)).toEqual({ from: "Beta paragraph on reach.", to: "Beta paragraph on reach, widely." });
  });

  it("keeps each block's kind, and lets a list diff be cut back into its items", () => {
    const v1 = anchored(md("## Reach", "- Invite rural groups\n- Publish in plain language\n- Hold hearings"));
    const v2 = anchored(md("## Reach and access", "- Invite rural groups\n- Publish in plain language and in sign language\n- Hold hearings"), v1);
    const diff = diffVersions(v1, v2);
    expect(diff.map((d) => [d.type, d.kind])).toEqual([
      ["changed", "heading"],
      ["changed", "list"],
    ]);
    const items = splitLines((diff[1] as Extract<BlockDiff, { type: "changed" }>).words);
    expect(items.map((line) => sides(line).to)).toEqual(["Invite rural groups", "Publish in plain language and in sign language", "Hold hearings"]);
    expect(items[1]!.filter((w) => w.type === "added").map((w) => w.text)).toEqual([" and in sign language"]);
  });
});

describe("diffWords", () => {
  it("marks added and removed words and keeps whitespace so both sides can be rebuilt", () => {
    const words = diffWords("The council shall publish guidance.", "The council may publish new guidance.");
    expect(words.find((w) => w.type === "removed")?.text).toBe("shall");
    expect(words.find((w) => w.type === "added")?.text).toBe("may");
    expect(words.filter((w) => w.type === "added").map((w) => w.text.trim())).toContain("new");
    expect(sides(words)).toEqual({ from: "The council shall publish guidance.", to: "The council may publish new guidance." });
    expect(words.every((w) => w.text.length > 0)).toBe(true);
  });

  it("handles identical and empty texts", () => {
    expect(diffWords("Same.", "Same.")).toEqual([{ type: "same", text: "Same." }]);
    expect(diffWords("", "New.")).toEqual([{ type: "added", text: "New." }]);
    expect(diffWords("Old.", "")).toEqual([{ type: "removed", text: "Old." }]);
    expect(diffWords("", "")).toEqual([]);
  });
});

describe("a 50-page draft", () => {
  const vocabulary =
    "the council shall publish guidance on consultation process stakeholders comment paragraph draft version section review period response data privacy access public interest members committee report annex scope terms definitions obligations rights procedure notice decision appeal record".split(
      " ",
    );

  function generate(seed: number): string[] {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ") + ".";
    const parts: string[] = [];
    let words = 0;
    for (let s = 1; words < 25_000; s++) {
      parts.push(`## Section ${s}`);
      for (let sub = 1; sub <= 3; sub++) {
        parts.push(`### Part ${s}.${sub}`);
        for (let p = 0; p < 5; p++) {
          parts.push(`${sentence(20)} ${sentence(20)}`);
          words += 40;
        }
        parts.push(`- ${sentence(5)}\n- ${sentence(5)}`);
        words += 10;
      }
    }
    return parts;
  }

  // Timings of the same work are in bench/drafts-document.ts.
  it("keeps the anchor of every untouched paragraph through scattered edits, insertions and removals", () => {
    const parts = generate(42);
    const edited = [...parts];
    // Headings are short: a few more words would rewrite them, so only paragraphs and lists are edited.
    for (let i = 10; i < edited.length; i += 37) if (!edited[i]!.startsWith("#")) edited[i] = `${edited[i]} With a few extra words.`;
    for (let i = 20; i < edited.length; i += 53) edited.splice(i, 0, "An inserted paragraph with its own wording entirely.");
    const removed: string[] = [];
    for (let i = 30; i < edited.length; i += 71) removed.push(...edited.splice(i, 1));

    const v1 = parseDraftMarkdown(parts.join("\n\n"));
    const v2 = parseDraftMarkdown(edited.join("\n\n"));
    const a1 = assignAnchors(v1.blocks);
    const a2 = assignAnchors(v2.blocks, a1);
    const diff = diffVersions(a1, a2);

    expect(v1.wordCount).toBeGreaterThanOrEqual(25_000);
    expect(v1.blocks.length).toBeGreaterThanOrEqual(600);
    expect(new Set(a2.map((b) => b.anchor)).size).toBe(a2.length);
    const before = new Map(a1.map((b) => [b.text, b.anchor]));
    const untouched = a2.filter((b) => before.has(b.text) && b.kind !== "heading");
    expect(untouched.every((b) => b.anchor === before.get(b.text))).toBe(true);
    const inserted = edited.filter((p) => p === "An inserted paragraph with its own wording entirely.").length;
    const removedInserts = removed.filter((p) => p === "An inserted paragraph with its own wording entirely.").length;
    expect(diff.filter((d) => d.type === "added").length).toBe(inserted);
    expect(diff.filter((d) => d.type === "removed").length).toBe(removed.length - removedInserts);
    expect(diff.filter((d) => d.type === "changed").every((d) => d.type === "changed" && d.words.some((w) => w.type === "added" && w.text.includes("With a few extra words.")))).toBe(true);
    expect(diff.some((d) => d.type === "moved")).toBe(false);
  });

  it("gives every block a distinct anchor when every paragraph has been rewritten", () => {
    const a1 = assignAnchors(parseDraftMarkdown(generate(1).join("\n\n")).blocks);
    const a2 = assignAnchors(parseDraftMarkdown(generate(2).join("\n\n")).blocks, a1);
    expect(new Set(a2.map((b) => b.anchor)).size).toBe(a2.length);
    const diff = diffVersions(a1, a2);
    const shown = diff.filter((d) => d.type !== "removed").length;
    expect(shown).toBe(a2.length);
  });
});
