// Screenshots of the built site as a raadslid sees it, for the README (not committed).
// Usage: node screenshots.mjs <base-url> <out-dir>
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const shots = [
  { name: "home-telefoon", path: "", width: 390, full: false },
  { name: "gemeente-telefoon", path: "gemeenten/wijchen/", width: 390, full: true },
  { name: "gemeente-scherm", path: "gemeenten/wijchen/", width: 1280, full: false },
  { name: "rapportage-telefoon", path: "gemeenten/wijchen/rapport-2016/", width: 390, full: false },
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
for (const shot of shots) {
  const context = await browser.newContext({ locale: "nl-NL", viewport: { width: shot.width, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const response = await page.goto(base + shot.path, { waitUntil: "load" });
  if (!response || !response.ok()) throw new Error(`${shot.path}: ${response ? response.status() : "geen antwoord"}`);
  await page.screenshot({ path: `${out}/${shot.name}.png`, fullPage: shot.full });
  process.stdout.write(`${out}/${shot.name}.png\n`);
  await context.close();
}
await browser.close();
