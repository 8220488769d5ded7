// The built site in headless Chromium, as a reader on a phone and with a keyboard would use it.
// Usage: node site_check.mjs <plan.json>  -> JSON on stdout (see the end of this file).
//
// plan.json: {
//   base: "http://127.0.0.1:PORT/",          the site, served like a web host (404.html for unknown paths)
//   pages: ["", "gemeenten/", ...],          every page, relative to base
//   widths: [320, 390, 1280],                axe-core and reflow on every page at each width
//   keyboard: { width: 1024, pages: [...], tabs: 60 },
//   drawer: { width: 1024, page: "" },
//   search: { width: 1280, word: "..." },
//   notFound: "bestaat-niet/"
// }
// Every request the pages make is recorded: anything not to the base host is "external".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const host = new URL(plan.base).host;
// WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices (aria-dialog-name, landmark-unique, ...).
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const external = new Set();
const consoleErrors = [];
// The theme loads the search index and builds it on every page view. Only the search check
// needs the real one; elsewhere the same configuration with no documents saves that work.
const indexUrl = new URL("search/search_index.json", plan.base).href;
const emptyIndex = await fetch(indexUrl).then((r) => r.json()).then((index) => JSON.stringify({ ...index, docs: [] }));

async function newPage(width, { search = false, height = 900 } = {}) {
  const context = await browser.newContext({ locale: "nl-NL", viewport: { width, height } });
  if (!search) {
    await context.route(indexUrl, (route) => route.fulfill({ status: 200, contentType: "application/json", body: emptyIndex }));
  }
  context.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:", "about:"].includes(url.protocol) && url.host !== host) external.add(req.url());
  });
  const page = await context.newPage();
  page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(`${page.url()}: ${msg.text()}`); });
  page.on("pageerror", (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
  return page;
}

async function settle(page) {
  // Our script names scroll boxes after layout; give it one animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function runAxe(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (tags) =>
    await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), AXE_TAGS);
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

// What a reader sees at this width: is the page wider than the window, and how small
// is the smallest chart text on screen (in CSS pixels)?
async function layout(page) {
  return await page.evaluate(() => {
    const charts = [...document.querySelectorAll("svg.grafiek")];
    let smallest = null;
    for (const svg of charts) {
      const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
      for (const text of svg.querySelectorAll("text")) {
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (smallest === null || px < smallest) smallest = px;
      }
    }
    return {
      documentWidth: document.documentElement.scrollWidth,
      windowWidth: window.innerWidth,
      charts: charts.length,
      smallestChartText: smallest === null ? null : Math.round(smallest * 100) / 100,
    };
  });
}

async function checkPage(page, width, path) {
  const response = await page.goto(plan.base + path, { waitUntil: "load" });
  if (!response || response.status() !== 200) return { path, width, status: response ? response.status() : 0, violations: [] };
  await settle(page);
  return { path, width, status: 200, ...(await layout(page)), violations: await runAxe(page) };
}

// Describe the focused element and whether a sighted keyboard user can see it and its focus ring.
// Measured once the transitions that focus starts (fading in, sliding in) have ended.
async function focused(page) {
  return await page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const rect = el.getBoundingClientRect();
    let hidden = null;
    const own = getComputedStyle(el);  // visibility is inherited: the element's own value counts
    if (own.visibility !== "visible") hidden = "visibility";
    let opacity = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      opacity *= parseFloat(getComputedStyle(node).opacity);
    }
    if (!hidden && opacity < 0.1) hidden = "opacity";
    if (!hidden && (rect.width < 1 || rect.height < 1)) hidden = "geen afmeting";
    if (!hidden && (rect.right <= 0 || rect.bottom <= 0 || rect.left >= innerWidth || rect.top >= innerHeight)) hidden = "buiten beeld";
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const text = (el.textContent || "").replace(/\s+/g, " ").trim();
    const name = (el.getAttribute("aria-label") || text || el.getAttribute("title") || "").slice(0, 60);
    return { tag: el.tagName.toLowerCase(), cls: String(el.className || "").slice(0, 60), name, hidden, ring };
  });
}

async function keyboardWalk() {
  const { width, pages, tabs } = plan.keyboard;
  const page = await newPage(width);
  const out = [];
  for (const path of pages) {
    await page.goto(plan.base + path, { waitUntil: "load" });
    await settle(page);
    const steps = [];
    for (let i = 0; i < tabs; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (f) steps.push(f);
    }
    // The skip link is the first stop and takes the reader to the content.
    await page.goto(plan.base + path, { waitUntil: "load" });
    await page.keyboard.press("Tab");
    const first = await focused(page);
    await page.keyboard.press("Enter");
    await settle(page);
    const afterSkip = await page.evaluate(() => ({
      hash: location.hash,
      target: location.hash ? !!document.getElementById(decodeURIComponent(location.hash.slice(1))) : false,
    }));
    out.push({ path, width, steps, skip: { first, ...afterSkip } });
  }
  await page.context().close();
  return out;
}

// The menu at a width where it is a drawer: reach its button by Tab, open it with Enter,
// walk into it, close it with Escape.
async function drawerCheck() {
  const { width, page: path } = plan.drawer;
  const page = await newPage(width);
  await page.goto(plan.base + path, { waitUntil: "load" });
  await settle(page);
  let button = null;
  for (let i = 0; i < 10 && !button; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.tagName === "BUTTON" && el.getAttribute("data-toggle") === "__drawer"
        ? { expanded: el.getAttribute("aria-expanded"), name: el.getAttribute("aria-label") } : null;
    });
    if (f) button = { ...f, tabs: i + 1 };
  }
  const result = { width, button, opened: null, inside: [], closed: null };
  if (!button) return result;
  await page.keyboard.press("Enter");
  await page.waitForTimeout(400);  // the drawer slides in
  result.opened = await page.evaluate(() => ({
    checked: document.getElementById("__drawer").checked,
    expanded: document.querySelector("button[data-toggle='__drawer']").getAttribute("aria-expanded"),
    focusInDrawer: !!document.activeElement.closest(".md-sidebar--primary"),
  }));
  result.inside.push(await focused(page));
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    result.inside.push(await focused(page));
  }
  await page.keyboard.press("Escape");
  await page.waitForTimeout(400);
  result.closed = await page.evaluate(() => ({
    checked: document.getElementById("__drawer").checked,
    focusOnButton: document.activeElement.getAttribute("data-toggle") === "__drawer",
    drawerVisibility: getComputedStyle(document.querySelector(".md-sidebar--primary")).visibility,
  }));
  await page.context().close();
  return result;
}

async function searchCheck() {
  const { width, word } = plan.search;
  const page = await newPage(width, { search: true });
  await page.goto(plan.base, { waitUntil: "load" });
  await page.click("input.md-search__input");
  await page.keyboard.type(word, { delay: 20 });
  let hits = [];
  try {
    await page.waitForSelector(".md-search-result__item a", { timeout: 20000 });
    hits = await page.$$eval(".md-search-result__item a", (links) => links.map((a) => a.getAttribute("href")));
  } catch (e) {
    hits = [];
  }
  const dialog = await page.evaluate(() => {
    const d = document.querySelector(".md-search[role='dialog']");
    return d ? d.getAttribute("aria-label") : null;
  });
  await page.context().close();
  return { word, hits, dialog };
}

async function notFoundCheck() {
  const page = await newPage(390);
  const response = await page.goto(plan.base + plan.notFound, { waitUntil: "load" });
  await settle(page);
  const info = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: (document.querySelector("h1") || {}).textContent || "",
    text: document.querySelector("article") ? document.querySelector("article").textContent.replace(/\s+/g, " ").trim() : "",
  }));
  const violations = await runAxe(page);
  await page.context().close();
  return { status: response ? response.status() : 0, ...info, violations };
}

// Every (width, page) pair once, two at a time (the machine has two cores): pairs rather than
// whole widths, so neither worker idles while the other does the last width alone.
// A worker keeps one browser page per width.
const tasks = plan.widths.flatMap((width) => plan.pages.map((path) => ({ width, path })));
async function worker() {
  const pages = new Map();
  const out = [];
  while (tasks.length) {
    const { width, path } = tasks.shift();
    if (!pages.has(width)) pages.set(width, await newPage(width));
    out.push(await checkPage(pages.get(width), width, path));
  }
  for (const page of pages.values()) await page.context().close();
  return out;
}
const results = (await Promise.all([worker(), worker()])).flat();
const report = {
  pages: results,
  keyboard: plan.keyboard ? await keyboardWalk() : [],
  drawer: plan.drawer ? await drawerCheck() : null,
  search: plan.search ? await searchCheck() : null,
  notFound: plan.notFound ? await notFoundCheck() : null,
  consoleErrors,
};
await browser.close();
report.external = [...external].sort();
process.stdout.write(JSON.stringify(report));
