// Drives the real pages of `chorus serve` in Debian's Chromium: the story
// list, a story, a citation marker hovered (its source sentence must show),
// then the source's own page. Screenshots go to target/browser/.
//
//   node crates/chorus-cli/tests/browser/story.mjs [path/to/chorus]
//
// Needs /usr/bin/chromium (Debian's `chromium`) and `npm ci` in this folder.

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

// The workspace root: this file is in crates/chorus-cli/tests/browser.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const chorus = resolve(process.argv[2] ?? join(root, "target", "debug", "chorus"));
const shots = join(root, "target", "browser");
mkdirSync(shots, { recursive: true });

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
  console.log(`ok: ${message}`);
}

const work = mkdtempSync(join(tmpdir(), "chorus-browser-"));
const db = join(work, "chorus.db");
// A second, unrelated story, so that the list and its search have
// something to tell apart.
const strike = join(work, "strike.jsonl");
writeFileSync(
  strike,
  [
    {
      id: "harbour-post",
      title: "Ferry crews strike over pay in Marenport",
      text: "Ferry crews in Marenport walked out on Monday over pay, stranding thousands of commuters. The union said the strike would last three days.",
    },
    {
      id: "coast-daily",
      title: "Marenport ferries halted by pay strike",
      text: "A pay strike by ferry crews halted every Marenport crossing on Monday. Commuters queued for buses as the union announced a three-day walkout.",
    },
  ]
    .map((article) => JSON.stringify(article))
    .join("\n") + "\n",
);
execFileSync(chorus, ["ingest", join(root, "examples", "reports"), join(root, "examples", "web"), strike, "--db", db], {
  stdio: ["ignore", "inherit", "inherit"],
});

// Port 0: the system picks a free port; the server prints where it listens.
const server = spawn(chorus, ["serve", "--db", db, "--addr", "127.0.0.1:0"], {
  stdio: ["ignore", "ignore", "pipe"],
});
const base = await new Promise((found, failed) => {
  let said = "";
  const timer = setTimeout(() => failed(new Error(`no address from chorus serve: ${said}`)), 15000);
  server.stderr.on("data", (chunk) => {
    said += chunk;
    const address = said.match(/http:\/\/[\d.]+:\d+\//);
    if (address) {
      clearTimeout(timer);
      found(address[0]);
    }
  });
  server.on("exit", (code) => failed(new Error(`chorus serve exited (${code}): ${said}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(base);
  const stories = page.locator("ol.stories a.headline");
  check((await stories.count()) >= 2, `the list shows the stories (${await stories.count()})`);
  await page.fill("input[name=q]", "Istanbul");
  await page.press("input[name=q]", "Enter");
  await page.waitForURL(/\?q=Istanbul/);
  check((await stories.count()) === 1, "a search finds the talks and not the strike");
  await page.screenshot({ path: join(shots, "list.png") });

  await stories.first().click();
  await page.waitForURL(/\/stories\/\d+$/);
  check(await page.locator("h1").first().isVisible(), `a story page opens: ${await page.locator("h1").first().innerText()}`);
  check((await page.locator("tr.conflict").count()) >= 1, "conflicting facts are highlighted");
  check((await page.locator("table.grid td.states").count()) >= 1, "the coverage grid shows who reports what");

  // Hovering a citation marker shows the source's own sentence.
  const marker = page.locator(".brief a.cite").nth(1);
  const tip = marker.locator(".tip");
  check(!(await tip.isVisible()), "a marker's source sentence is hidden at first");
  await marker.hover();
  check(await tip.isVisible(), "hovering the marker shows its source sentence");
  const shown = (await tip.innerText()).trim();
  check(shown.length > 20, `the tip holds a sentence: ${shown.slice(0, 80)}…`);
  await page.screenshot({ path: join(shots, "story.png"), fullPage: false });

  // The marker links to that sentence on the page.
  const target = (await marker.getAttribute("href")) ?? "";
  check(/^#s\d+-d\d+-\d+$/.test(target), `the marker links to a sentence (${target})`);
  const sentence = page.locator(target);
  check(shown.includes((await sentence.innerText()).trim().slice(0, 40)), "the linked sentence is the one shown");

  // The source's own page, with its sentences anchored.
  const source = page.locator("article.source a.page").first();
  await source.click();
  await page.waitForURL(/\/sources\//);
  check((await page.locator("ol.body li#s0").count()) === 1, "the source page anchors its sentences");
  await page.screenshot({ path: join(shots, "source.png"), fullPage: true });
} catch (error) {
  failed = true;
  console.error(`browser test failed: ${error.message}`);
} finally {
  await browser.close();
  server.kill();
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
