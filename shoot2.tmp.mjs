import { chromium } from "@playwright/test";
const base = "http://localhost:3005";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await page.goto(base + "/signin");
await page.getByLabel("Email address").fill("owner@parley.example");
await page.getByLabel("Password", { exact: true }).fill("parley-demo-2026");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.getByRole("link", { name: "Your profile" }).waitFor();
await page.setViewportSize({ width: 360, height: 740 });
for (const p of process.argv[2].split(",")) {
  await page.goto(base + p);
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0,8).map(e => e.tagName + "." + e.className.toString().slice(0,50) + " " + Math.round(e.getBoundingClientRect().right)));
  console.log(p, JSON.stringify(wide));
  await page.screenshot({ path: "/tmp/shots/signed" + p.replace(/[^a-z0-9]/gi, "_").slice(0,50) + ".png" });
}
await browser.close();
