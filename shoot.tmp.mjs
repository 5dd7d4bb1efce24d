import { chromium } from "@playwright/test";
const base = "http://localhost:3005";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const ctx = await browser.newContext({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
if (process.env.LOCALE) await ctx.addCookies([{ name: "NEXT_LOCALE", value: process.env.LOCALE, url: base }]);
const page = await ctx.newPage();
for (const p of process.argv[2].split(",")) {
  const r = await page.goto(base + p);
  if (process.env.ZOOM) await page.evaluate((z) => (document.documentElement.style.fontSize = z), process.env.ZOOM);
  const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0,8).map(e => e.tagName + "." + e.className.toString().slice(0,40) + " " + Math.round(e.getBoundingClientRect().right)));
  const name = "/tmp/shots/" + (process.env.LOCALE ?? "en") + (process.env.W ?? "") + p.replace(/[^a-z0-9]/gi, "_").slice(0,60) + ".png";
  await page.screenshot({ path: name, fullPage: !process.env.NOFULL });
  console.log(r.status(), name, JSON.stringify(wide));
}
await browser.close();
