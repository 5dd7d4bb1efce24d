import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.2 level A and AA rules, as axe-core tags them. */
const WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Fails the test on any serious or critical axe-core violation of WCAG 2.2 AA (plus axe's
 * best-practice rules when `bestPractice` is set) on the page as it is now. Each violation is listed
 * as "`label`: rule-id (impact) selectors".
 *
 * It first waits for the document to have a non-empty title. After a server action re-renders the
 * page, Next.js streams the page's metadata in a commit of its own, so for a few milliseconds the
 * document has no <title>; a check run in that gap reports `document-title` on a page that has one.
 */
export async function expectNoSeriousViolations(page: Page, label: string, options: { bestPractice?: boolean } = {}) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(options.bestPractice ? [...WCAG22_AA, "best-practice"] : WCAG22_AA).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
