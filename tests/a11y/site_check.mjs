// The built site in headless Chromium, as a reader on a phone and with a keyboard would use it.
// Usage: node site_check.mjs <plan.json>  -> JSON on stdout (see the end of this file).
//
// plan.json: {
//   base: "http://127.0.0.1:PORT/",          the site, served like a web host (404.html for unknown paths)
//   pages: ["", "gemeenten/", ...],          every page, relative to base
//   widths: [320, 390, 1280],                axe-core and reflow on every page at each width
//   keyboard: { width: 1024, pages: [...], tabs: 60, back: 20 },
//   drawer: { width: 390, page: "" },
//   search: { width: 1280, word: "...", gemeenten: [{ naam: "Wijchen", page: "gemeenten/wijchen/" }] },
//   openStates: { page: "", query: "..." },   axe with the menu open and with search results
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

// What a reader sees at this width: is the page wider than the window, how small is the
// smallest chart text on screen (in CSS pixels), does every chart on screen fit with its
// 100% line, is the site's name whole in the header, do the tables of indicators show
// their status and realisatie without scrolling, does every box that still scrolls say
// so, and does each column's header line up like its values?
async function layout(page, width) {
  return await page.evaluate((width) => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
    const charts = [...document.querySelectorAll("svg.grafiek")].filter(shown);
    let smallest = null;
    const chartsCut = [];
    for (const svg of charts) {
      const scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
      for (const text of svg.querySelectorAll("text")) {
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (smallest === null || px < smallest) smallest = px;
      }
      const box = svg.closest(".scrollvak");
      const scrolls = box && box.scrollWidth > box.clientWidth + 1;
      const line = svg.querySelector("line.referentielijn");
      const r = line ? line.getBoundingClientRect() : null;
      if (scrolls || (r && (r.left < 0 || r.right > innerWidth))) {
        chartsCut.push(svg.querySelector("title").textContent);
      }
    }
    const name = document.querySelector(".md-header__topic .md-ellipsis");
    const titleCut = !!name && (name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1);
    // Tables of indicators in reading copies: status and realisatie on screen, no scrolling.
    const kpi = [...document.querySelectorAll(".leesversie table.kpi")];
    const kpiProblems = [];
    for (const table of kpi) {
      const box = table.closest(".scrollvak");
      const caption = (table.querySelector("caption") || {}).textContent || "";
      if (box && box.scrollWidth > box.clientWidth + 1) kpiProblems.push(`${caption}: scrolt opzij`);
      const cells = [...table.querySelectorAll(".status, td[data-label^='Realisatie']")];
      for (const cell of cells) {
        const c = cell.getBoundingClientRect();
        if (!shown(cell) || c.left < 0 || c.right > innerWidth + 0.5) { kpiProblems.push(`${caption}: ${cell.textContent.trim()} buiten beeld`); break; }
      }
    }
    // The gemeente page's indicators as a raadslid reads them (innerText: what is rendered),
    // and whether each one's status and prestatie are on screen.
    const stand = [...document.querySelectorAll(".kpi-stand__item")].map((li) => {
      const part = (sel) => { const el = li.querySelector(sel); return el ? el.innerText.replace(/\s+/g, " ").trim() : ""; };
      const cut = [...li.querySelectorAll(".status, .kpi-stand__prestatie")].some((el) => {
        const r = el.getBoundingClientRect();
        return !shown(el) || r.left < 0 || r.right > innerWidth + 0.5;
      });
      return { naam: part(".kpi-stand__naam"), status: part(".status"), prestatie: part(".kpi-stand__prestatie"), cijfers: part(".kpi-stand__cijfers"), cut };
    });
    // Every box that scrolls sideways says so: a visible hint, a Tab stop, a name.
    const scrollers = [...document.querySelectorAll(".scrollvak, .md-typeset__scrollwrap")].filter((b) => shown(b) && b.scrollWidth > b.clientWidth + 1);
    const unmarked = scrollers.filter((b) => {
      const hint = getComputedStyle(b, "::before").content || "";
      return b.getAttribute("tabindex") !== "0" || b.getAttribute("role") !== "region" || !b.getAttribute("aria-label") || !hint.includes("Scrol opzij");
    }).map((b) => b.getAttribute("aria-label") || (b.querySelector("caption") || b).textContent.trim().slice(0, 60));
    // Column alignment, at full width: a header aligns like the cells under it; a column of
    // figures is right-aligned, a column of text left-aligned.
    const misaligned = [];
    let tablesChecked = 0;
    if (width >= 1280) {
      const side = (el) => ({ start: "left", end: "right" }[getComputedStyle(el).textAlign] || getComputedStyle(el).textAlign);
      // a figure: an amount, a number with one word of unit ("952 dagen", "3 gemeenten",
      // "+0,9 punt"), a year or count in brackets ("102 (2014)", "8,0 (n = 28)"), a place ("3 van 9"),
      // an amount to settle with its direction ("terug € 58.500", "bij € 3.000")
      const figure = /^((terug|bij)\s)?[−+-]?(€\s?)?\d[\d.,]*\*?(\s?[a-z%][a-z%-]*)?(\s\((\d{4}|n = \d+)\)|\svan\s\d+)?$/;
      const prose = (c) => c.textContent.trim().split(/\s+/).length >= 3;
      for (const table of document.querySelectorAll(".md-content table")) {
        const heads = [...table.querySelectorAll("thead tr:last-child > th")];
        if (!heads.length) continue;
        tablesChecked++;
        const caption = ((table.querySelector("caption") || {}).textContent || heads.map((h) => h.textContent.trim()).join("|")).trim().slice(0, 70);
        heads.forEach((head, i) => {
          const cells = [...table.querySelectorAll("tbody > tr")].map((tr) => tr.children[i]).filter((c) => c && c.tagName === "TD" && c.textContent.trim() && c.textContent.trim() !== "–");
          if (!cells.length) return;
          const numbers = cells.filter((c) => figure.test(c.textContent.replace(/\s+/g, " ").trim()));
          const sides = new Set(cells.map(side));
          const label = head.textContent.replace(/\s+/g, " ").trim();
          if (sides.size > 1 || !sides.has(side(head))) misaligned.push(`${caption} / ${label}: kop ${side(head)}, cellen ${[...sides].join("+")}`);
          else if (numbers.length === cells.length && side(head) !== "right") misaligned.push(`${caption} / ${label}: cijfers ${side(head)}`);
          else if (!numbers.length && cells.some(prose) && side(head) !== "left") misaligned.push(`${caption} / ${label}: tekst ${side(head)}`);
        });
      }
    }
    return {
      documentWidth: document.documentElement.scrollWidth,
      windowWidth: window.innerWidth,
      charts: charts.length,
      smallestChartText: smallest === null ? null : Math.round(smallest * 100) / 100,
      chartsCut,
      titleCut,
      kpiTables: kpi.length,
      kpiProblems,
      kpiStand: stand,
      scrollers: scrollers.length,
      unmarkedScrollers: unmarked,
      misaligned,
      tablesChecked,
    };
  }, width);
}

async function checkPage(page, width, path) {
  const response = await page.goto(plan.base + path, { waitUntil: "load" });
  if (!response || response.status() !== 200) return { path, width, status: response ? response.status() : 0, violations: [] };
  await settle(page);
  return { path, width, status: 200, ...(await layout(page, width)), violations: await runAxe(page) };
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
    // Under the sticky header, or covered by something else (a menu level slid over it):
    // at the middle of its top edge and at its centre, something else is on top.
    if (!hidden) {
      const header = document.querySelector(".md-header");
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
      for (const y of [rect.top + 1, rect.top + rect.height / 2].map((v) => Math.min(Math.max(v, 0), innerHeight - 1))) {
        const top = document.elementFromPoint(x, y);
        if (top && top !== el && !el.contains(top) && !top.contains(el)) {
          hidden = header && header.contains(top) && !header.contains(el) ? "onder de kop" : "bedekt";
          break;
        }
      }
    }
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const text = (el.textContent || "").replace(/\s+/g, " ").trim();
    const name = (el.getAttribute("aria-label") || text || el.getAttribute("title") || "").slice(0, 60);
    return {
      tag: el.tagName.toLowerCase(), cls: String(el.className || "").slice(0, 60), name, hidden, ring,
      role: el.getAttribute("role"), expanded: el.getAttribute("aria-expanded"),
      inDrawer: !!el.closest(".md-sidebar--primary"), background: getComputedStyle(el).backgroundColor,
    };
  });
}

async function keyboardWalk() {
  const { width, pages, tabs, back = 0 } = plan.keyboard;
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
    // and back up the page: Shift+Tab scrolls upwards, where the sticky header is
    for (let i = 0; i < back; i++) {
      await page.keyboard.press("Shift+Tab");
      const f = await focused(page);
      if (f) steps.push({ ...f, back: true });
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
// then walk it with the keyboard only: up to the top level by the "terug" buttons, into
// Regio and Instrumentarium and back, round the end of the drawer, close it with Escape.
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
  const result = { width, button, opened: null, steps: [], sections: [], closed: null };
  if (!button) return result;
  await page.keyboard.press("Enter");
  await page.waitForTimeout(400);  // the drawer slides in
  result.opened = await page.evaluate(() => ({
    checked: document.getElementById("__drawer").checked,
    expanded: document.querySelector("button[data-toggle='__drawer']").getAttribute("aria-expanded"),
    focusInDrawer: !!document.activeElement.closest(".md-sidebar--primary"),
  }));
  const step = async (key) => {
    if (key) await page.keyboard.press(key);
    await page.waitForTimeout(key === "Enter" ? 400 : 60);  // a menu level slides in or out
    result.steps.push({ key, ...(await focused(page)) });
    return result.steps[result.steps.length - 1];
  };
  // The state of a section's button, found by its name.
  const opener = (name) => page.evaluate((name) => {
    const el = [...document.querySelectorAll(".md-sidebar--primary [role='button'][aria-controls]")].find((b) => b.textContent.trim() === name);
    return el ? el.getAttribute("aria-expanded") : null;
  }, name);
  // Up to the top level: Enter on a "terug" button, Tab from the end of a level (it wraps
  // to that level's "terug" button), until the top level is there.
  let f = await step(null);
  for (let i = 0; i < 6 && f && f.name.startsWith("Terug naar"); i++) {
    const top = f.name === "Terug naar het hoofdmenu";
    f = await step("Enter");
    if (top) break;
    for (let j = 0; j < 30 && f && !f.name.startsWith("Terug naar"); j++) f = await step("Tab");
  }
  // The top level: Tab to Regio and Instrumentarium, open each with Enter and go back.
  result.sections = [];
  for (const section of ["Regio", "Instrumentarium"]) {
    for (let j = 0; j < 30 && f && f.name !== section; j++) f = await step("Tab");
    if (!f || f.name !== section) break;
    const before = f.expanded;
    f = await step("Enter");            // into the section: its first entry
    const inside = f;
    const after = await opener(section);
    f = await step("Shift+Tab");        // its "terug" button
    f = await step("Enter");            // back on the section's button
    result.sections.push({ name: section, role: "button", before, after, inside: inside && inside.name, back: f && f.name, closed: f && f.expanded });
  }
  for (let j = 0; j < 14; j++) await step("Tab");  // Tab stays in the drawer, round its end
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

// axe with the menu open (at the drawer's width) and with search results in view (on a
// phone and at full width): states that the page scan never sees.
async function openStatesCheck() {
  const { page: path, query } = plan.openStates;
  const out = [];
  {
    const page = await newPage(plan.drawer.width);
    await page.goto(plan.base + path, { waitUntil: "load" });
    await settle(page);
    await page.focus("button[data-toggle='__drawer']");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(400);
    // the titles at the top of the drawer's levels (the site's name first) are whole
    const titlesCut = await page.evaluate(() => [...document.querySelectorAll(".md-nav--primary .md-nav__title")]
      .filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent.trim()));
    out.push({ state: `menu open @ ${plan.drawer.width}px`, titlesCut, violations: await runAxe(page) });
    await page.context().close();
  }
  for (const width of [390, 1280]) {
    const page = await newPage(width, { search: true });
    await page.goto(plan.base + path, { waitUntil: "load" });
    await settle(page);
    if (width < 960) {
      await page.focus("button[data-toggle='__search']");
      await page.keyboard.press("Enter");
      await page.waitForTimeout(100);
    } else {
      await page.click("input.md-search__input");
    }
    await page.keyboard.type(query, { delay: 20 });
    let shown = true;
    try {
      await page.waitForSelector(".md-search-result__item", { timeout: 20000 });
      await page.waitForTimeout(200);
    } catch (e) {
      shown = false;
    }
    out.push({ state: `zoekresultaten @ ${width}px`, shown, violations: await runAxe(page) });
    await page.context().close();
  }
  return out;
}

async function searchHits(page, word) {
  await page.fill("input.md-search__input", "");
  await page.click("input.md-search__input");
  await page.keyboard.type(word, { delay: 20 });
  try {
    await page.waitForSelector(".md-search-result__item a", { timeout: 20000 });
    await page.waitForTimeout(300);  // the list settles once the last key is handled
    return await page.$$eval(".md-search-result__list > .md-search-result__item > a", (links) => links.map((a) => a.href));
  } catch (e) {
    return [];
  }
}

// Search: a word found only in a report, the gemeente page first for a gemeente's name,
// and a hit that opens its page at the first highlighted occurrence.
async function searchCheck() {
  const { width, word, gemeenten = [] } = plan.search;
  const page = await newPage(width, { search: true });
  await page.goto(plan.base, { waitUntil: "load" });
  const hits = await searchHits(page, word);
  const dialog = await page.evaluate(() => {
    const d = document.querySelector(".md-search[role='dialog']");
    return d ? d.getAttribute("aria-label") : null;
  });
  const firsts = [];
  for (const g of gemeenten) {
    const found = await searchHits(page, g.naam);
    firsts.push({ naam: g.naam, page: g.page, first: found.length ? new URL(found[0]).pathname.replace(/^\//, "") : null });
  }
  let landing = null;
  const report = hits.find((h) => /\/rapport-/.test(h));
  if (report) {
    await page.goto(report, { waitUntil: "load" });
    try {
      await page.waitForSelector("mark[data-md-highlight]", { timeout: 20000 });
      await page.waitForTimeout(400);  // toegankelijk.js scrolls once the words are marked
      landing = await page.evaluate(() => {
        const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
        const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
        const marks = [...document.querySelectorAll(".md-content mark[data-md-highlight]")];
        const first = marks.find((m) => !target || target.contains(m) || (target.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING)) || marks[0];
        const r = first.getBoundingClientRect();
        return { url: location.pathname + location.search + location.hash, marks: marks.length, text: first.textContent,
                 onScreen: r.top >= header && r.bottom <= innerHeight, scrolled: scrollY > 0 };
      });
    } catch (e) {
      landing = { url: report, marks: 0 };
    }
  }
  await page.context().close();
  return { word, hits, dialog, firsts, landing };
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
// The keyboard walk mostly waits for focus transitions to end, so it runs beside the two
// page workers instead of after them. The drawer and search checks wait fixed times for
// slides and lists, so they run after them, on a quieter machine.
const walk = plan.keyboard ? keyboardWalk() : Promise.resolve([]);
const results = (await Promise.all([worker(), worker()])).flat();
const report = {
  pages: results,
  keyboard: await walk,
  drawer: plan.drawer ? await drawerCheck() : null,
  openStates: plan.openStates ? await openStatesCheck() : [],
  search: plan.search ? await searchCheck() : null,
  notFound: plan.notFound ? await notFoundCheck() : null,
  consoleErrors,
};
await browser.close();
report.external = [...external].sort();
process.stdout.write(JSON.stringify(report));
