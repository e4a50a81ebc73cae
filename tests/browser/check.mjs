// Headless Chromium checks of zaman's visual exports, driven by tests/browser.rs.
//
//   node check.mjs '<job JSON>'
//
// A job is {"kind": "vis" | "timelinejs", "files": [...]} or
// {"kind": "html", "file": ..., "click": "e4", "trigger": "e10", "timex": "t1",
//  "screenshot": "out.png", "fullPage": true, "width": 1280, "height": 900}.
// It prints one JSON line of measurements; the Rust test asserts on them. The real
// libraries are loaded from node_modules (vis-timeline, TimelineJS), Chromium is
// Debian's /usr/bin/chromium driven by playwright-core.

import { createRequire } from "node:module";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const CHROMIUM = process.env.ZAMAN_CHROMIUM || "/usr/bin/chromium";

function fail(message) {
  console.error(`check.mjs: ${message}`);
  process.exit(3);
}

if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: run scripts/setup-browser.sh`);
let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch (e) {
  fail(`playwright-core is not installed in tests/browser/node_modules: run scripts/setup-browser.sh (${e.message})`);
}
const mod = (p) => path.join(here, "node_modules", p);

const job = JSON.parse(process.argv[2] || "{}");
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--font-render-hinting=none"],
});

// A page that records console errors, page errors and every request.
async function newPage(width = 1280, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  return { context, page, log };
}

const SHELL = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head>
<body style="margin:0"><div id="root" style="width:1200px;height:800px"></div></body></html>`;

async function checkVis(file) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  const { context, page, log } = await newPage();
  await page.setContent(SHELL);
  await page.addStyleTag({ path: mod("vis-timeline/styles/vis-timeline-graph2d.min.css") });
  await page.addScriptTag({ path: mod("vis-timeline/standalone/umd/vis-timeline-graph2d.min.js") });
  const result = await page.evaluate(async (data) => {
    const root = document.getElementById("root");
    const items = new vis.DataSet(data.items);
    const groups = new vis.DataSet(data.groups);
    const options = Object.assign({}, data.options, { height: "800px" });
    let timeline;
    await new Promise((resolve) => {
      timeline = new vis.Timeline(root, items, groups, options);
      timeline.once("changed", resolve);
    });
    // a point is drawn as .vis-item.vis-point plus its .vis-item.vis-dot; count items, not parts
    const rendered = Array.from(root.querySelectorAll(".vis-item:not(.vis-dot):not(.vis-line)"));
    return {
      items: rendered.length,
      points: root.querySelectorAll(".vis-item.vis-point").length,
      ranges: root.querySelectorAll(".vis-item.vis-range").length,
      groups: root.querySelectorAll(".vis-labelset .vis-label").length,
      contents: rendered.map((el) => el.textContent.trim()).sort(),
      rtl: root.querySelector(".vis-timeline.vis-rtl") !== null,
    };
  }, data);
  await context.close();
  return Object.assign({ file }, result, log);
}

async function checkTimelineJs(file) {
  const data = JSON.parse(readFileSync(file, "utf8"));
  const { context, page, log } = await newPage();
  await page.setContent(SHELL);
  await page.addStyleTag({ path: mod("@knight-lab/timelinejs/dist/css/timeline.css") });
  await page.addScriptTag({ path: mod("@knight-lab/timelinejs/dist/js/timeline.js") });
  const want = data.events.length;
  await page.evaluate((data) => {
    window.zamanLoaded = false;
    // font: null keeps TimelineJS from fetching its web-font CSS from a CDN
    const options = { language: "en", font: null, hash_bookmark: false, ga_measurement_id: null };
    const tl = new TL.Timeline("root", data, options);
    tl.on("loaded", () => {
      window.zamanLoaded = true;
    });
    window.zamanTimeline = tl;
  }, data);
  try {
    await page.waitForFunction(
      (want) => document.querySelectorAll(".tl-timemarker").length >= want && document.querySelectorAll(".tl-slide").length >= want + 1,
      want,
      { timeout: 20000 }
    );
  } catch (e) {
    log.errors.push(`TimelineJS did not render ${want} markers: ${e.message.split("\n")[0]}`);
  }
  const result = await page.evaluate(() => ({
    slides: document.querySelectorAll(".tl-slide").length,
    markers: document.querySelectorAll(".tl-timemarker").length,
    titleSlide: (document.querySelector(".tl-slide-titleslide") || { textContent: "" }).textContent.trim().slice(0, 2000),
    headlines: Array.from(document.querySelectorAll(".tl-timemarker .tl-headline")).map((el) => el.textContent.trim()).sort(),
    groups: document.querySelectorAll(".tl-timegroup").length,
    messages: Array.from(document.querySelectorAll(".tl-message-content")).map((el) => el.textContent.trim()).filter(Boolean),
  }));
  await context.close();
  return Object.assign({ file }, result, log);
}

async function checkHtml(job) {
  const { context, page, log } = await newPage(job.width || 1280, job.height || 900);
  const url = pathToFileURL(path.resolve(job.file)).href;
  await page.goto(url, { waitUntil: "load" });
  const out = { url };
  out.lang = await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]);
  out.items = await page.evaluate(() =>
    Array.from(document.querySelectorAll(".tl .item")).map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.dataset.id, x: r.left + r.width / 2, left: r.left, right: r.right };
    })
  );
  out.chips = await page.evaluate(() => Array.from(document.querySelectorAll(".undated .chip")).map((el) => el.dataset.id));
  out.textMissing = await page.evaluate(() => document.getElementById("text-missing") !== null);
  out.fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);

  // keyboard: Tab from the top until a timeline item has focus; its focus ring
  await page.keyboard.press("Tab");
  for (let i = 0; i < 400; i++) {
    const onItem = await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("item"));
    if (onItem) break;
    await page.keyboard.press("Tab");
  }
  out.focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.classList.contains("item")) return null;
    const s = getComputedStyle(el);
    return { id: el.dataset.id, outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, label: el.getAttribute("aria-label") };
  });
  if (out.focus) {
    await page.keyboard.press("Enter");
    out.focusEnter = await page.evaluate(() => document.activeElement.getAttribute("aria-pressed"));
    await page.keyboard.press("Escape");
  }

  const selected = () =>
    page.evaluate(() => Array.from(document.querySelectorAll(".item.sel, .chip.sel")).map((el) => el.id));
  const highlightOf = (id) =>
    page.evaluate((id) => {
      const parts = Array.from(document.querySelectorAll(`.trg.hl[data-id="${id}"]`));
      if (!parts.length) return null;
      const r = parts[0].getBoundingClientRect();
      return {
        text: parts.map((el) => el.textContent).join(""),
        inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        scrollY: scrollY,
        details: (document.getElementById("details") || { textContent: "" }).textContent,
      };
    }, id);

  if (job.click) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(`#tl-${job.click}, #un-${job.click}`);
    out.click = {
      highlight: await highlightOf(job.click),
      selected: await selected(),
      graphSelected: await page.evaluate((id) => {
        const n = document.getElementById(`g-${id}`);
        return n !== null && n.classList.contains("sel");
      }, job.click),
    };
  }
  if (job.trigger) {
    // a trigger in the text, activated from the keyboard
    await page.focus(`#ev-${job.trigger}`);
    await page.keyboard.press(" ");
    out.trigger = { selected: await selected() };
    await page.keyboard.press("Escape");
    out.afterEscape = await selected();
  }
  if (job.timex) {
    await page.hover(`#tx-${job.timex}`);
    out.tooltip = await page.evaluate((id) => getComputedStyle(document.getElementById(`tx-${id}`), "::after").content, job.timex);
  }
  if (job.select) {
    // the state the picture shows
    await page.click(`#tl-${job.select}, #un-${job.select}`);
    await page.mouse.move(0, 0);
  }
  if (job.screenshot) {
    await page.screenshot({ path: job.screenshot, fullPage: job.fullPage !== false });
    out.screenshot = job.screenshot;
  }
  await context.close();
  return Object.assign(out, log);
}

let result;
try {
  if (job.kind === "vis") {
    result = [];
    for (const f of job.files) result.push(await checkVis(f));
  } else if (job.kind === "timelinejs") {
    result = [];
    for (const f of job.files) result.push(await checkTimelineJs(f));
  } else if (job.kind === "html") {
    result = await checkHtml(job);
  } else {
    fail(`unknown job kind ${JSON.stringify(job.kind)}`);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result) + "\n");
