import type { BrowserContext, Page } from "@playwright/test";
import { locales } from "../lib/i18n/config";
import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";
import { demoOwner, publicPages, staffPages } from "./support/pages";

const phone = { width: 360, height: 800 };

// GDPF-RFC-2026-003 is the closed demo consultation with a published summary (prisma/seed/summary-demo.ts).
// Screenshots for the reviewer: the draft, survey, results and summary pages in Arabic and Chinese.
const photographed = new Set(["/drafts/GDPF-RFC-2026-003/summary", "/s/future-we-want/results", "/drafts/GDPF-RFC-2026-004", "/s/future-we-want"]);

async function useLocale(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
}

/** The page's own width at a 360 px viewport, and the elements that stick out (outside any scrolling wrapper), for the report. */
async function pageWidth(page: Page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const scrolls = (el: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return true;
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (r.right > limit + 1 || r.left < -1) && !inScroller(el);
      })
      .sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)
      .slice(0, 4)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}[${(el.textContent ?? "").trim().slice(0, 30)}] ${Math.round(el.getBoundingClientRect().left)}..${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, path: string, locale: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} in ${locale}`).toBe(path === "/no-such-page" ? 404 : 200);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  const { scrollWidth, culprits } = await pageWidth(page);
  // For the reviewer: what a phone reader sees in the right-to-left and the CJK layouts.
  if ((locale === "ar" || locale === "zh") && photographed.has(path)) await page.screenshot({ path: test.info().outputPath(`${locale}${path.replaceAll("/", "_")}.png`) });
  expect.soft(scrollWidth, `${path} in ${locale} is ${scrollWidth}px wide: ${culprits.join(" | ")}`).toBeLessThanOrEqual(phone.width);
}

for (const locale of locales) {
  test(`no sideways scrolling at 360 px in ${locale}: every public page`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(phone);
    await useLocale(context, locale);
    for (const path of publicPages) await expectNoSidewaysScroll(page, path, locale);
  });

  test(`no sideways scrolling at 360 px in ${locale}: every page of an organisation's staff (workspace, manage, moderation…)`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await signIn(page, demoOwner.email, demoOwner.password);
    await page.setViewportSize(phone);
    await useLocale(context, locale);
    for (const path of staffPages) await expectNoSidewaysScroll(page, path, locale);
  });
}

test("wide tables scroll inside a labelled, focusable region at 360 px", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto("/drafts/GDPF-RFC-2026-003/summary");
  // Bar charts are fixed-layout tables that fit any width; every other table scrolls in its own region.
  const tables = page.locator("main table:not(.table-fixed)");
  expect(await tables.count()).toBeGreaterThan(0);
  for (const table of await tables.all()) {
    const wrapper = table.locator("xpath=..");
    await expect(wrapper).toHaveCSS("overflow-x", "auto");
    await expect(wrapper).toHaveAttribute("tabindex", "0");
    await expect(wrapper).toHaveAttribute("role", "region");
    await expect(wrapper).toHaveAccessibleName(/\S/);
  }
});
