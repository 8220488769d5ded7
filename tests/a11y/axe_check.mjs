// axe-core over every page of the built site in headless Chromium.
// Usage: node axe_check.mjs <base-url> <pages.json>  -> JSON on stdout:
//   { pages: [{ path, status, violations: [{id, impact, help, nodes}] }], external: [url, ...] }
// Every request the pages make is recorded: anything not to the base host is "external".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [base, listFile] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(listFile, "utf8"));
const host = new URL(base).host;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ locale: "nl-NL" });
const external = new Set();
context.on("request", (req) => {
  const url = new URL(req.url());
  if (!["data:", "blob:", "about:"].includes(url.protocol) && url.host !== host) external.add(req.url());
});
const page = await context.newPage();
const pages = [];
for (const path of paths) {
  const response = await page.goto(base + path, { waitUntil: "load" });
  if (!response || response.status() !== 200) {
    pages.push({ path, status: response ? response.status() : 0, violations: [] });
    continue;
  }
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  pages.push({
    path,
    status: 200,
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    })),
  });
}
await browser.close();
process.stdout.write(JSON.stringify({ pages, external: [...external].sort() }));
