// Notes list benchmark (`npm run bench:notes-list [-- --count N --runs N --peer DIR]`):
// a profile holding N notes (default 10,000, as after a large import), opened in
// headless Chromium through the browser edition. For each run a fresh page: the time
// from the click on the メモ tab to the second frame after its rows are in the page
// (they are painted), then the time of each step of a scroll through the whole list
// (40 steps, each a 40th of its height as a scrollbar drag moves it, to the second
// frame after), and the most rows in the page.
// With --peer DIR (another build of the renderer, e.g. this repository's before the
// list drew only the rows near the view, built with `vite build`), the same runs
// against it, side by side. Figures, not a timed test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../e2e/testing/browser';
import { buildRenderer } from '../e2e/testing/build';
import { importManyNotes } from '../e2e/testing/many-notes';
import { openReader } from '../e2e/testing/reader-page';
import { REPO_ROOT, startEdition } from '../e2e/testing/server';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const COUNT = Number(option('count') ?? 10_000);
const RUNS = Number(option('runs') ?? 10);
const PEER = option('peer');
/** A scroll through the list in this many steps, each a 40th of its height (a scrollbar drag). */
const SCROLL_STEPS = 40;

interface Run {
  openMs: number;
  stepsMs: number[];
  rows: number;
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/**
 * The panel is open on the しおり tab and the notes have arrived (their list call has
 * answered: the page keeps them from there). No figure waits on this process: a list
 * drawn whole can keep the page busy for longer than a click's usual timeout.
 */
async function ready(page: Page): Promise<void> {
  await page.click('button[aria-label="サイドパネルを表示／隠す"]');
  await page.click('#tab-bookmarks');
  await page.waitForSelector('#bookmark-list');
  await page.evaluate(`new Promise((resolve) => {
    const check = () =>
      performance
        .getEntriesByType('resource')
        .some((e) => e.name.endsWith('/api/listAnnotations') && e.responseEnd > 0)
        ? setTimeout(resolve, 100)
        : setTimeout(check, 50);
    check();
  })`);
}

/** One run, measured in the page (no round trip to this process inside a figure). */
async function measure(page: Page): Promise<Run> {
  return page.evaluate<Run>(`(async () => {
    const frames = (n) => new Promise((resolve) => {
      const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step));
      requestAnimationFrame(step);
    });
    const t0 = performance.now();
    document.querySelector('#tab-notes').click();
    while (!document.querySelector('#notes-list li[data-annotation]')) await frames(1);
    await frames(2);
    const openMs = performance.now() - t0;
    const box = document.querySelector('#side-panel .body');
    const stepsMs = [];
    let rows = document.querySelectorAll('#notes-list li').length;
    const step = box.scrollHeight / ${SCROLL_STEPS};
    for (let i = 1; i <= ${SCROLL_STEPS}; i++) {
      const s0 = performance.now();
      box.scrollTop = Math.round(step * i);
      await frames(2);
      stepsMs.push(performance.now() - s0);
      rows = Math.max(rows, document.querySelectorAll('#notes-list li').length);
    }
    return { openMs, stepsMs, rows };
  })()`);
}

async function runAll(label: string, userData: string, renderer?: string): Promise<string> {
  const edition = await startEdition(userData, renderer ? { renderer } : {});
  const browser = await launchChromium();
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await openReader(browser.context, edition.url);
      await ready(page);
      runs.push(await measure(page));
      await page.close();
    }
  } finally {
    await browser.close();
    await edition.stop();
  }
  const open = runs.map((r) => r.openMs);
  const steps = runs.flatMap((r) => r.stepsMs);
  const scroll = runs.map((r) => r.stepsMs.reduce((a, b) => a + b, 0));
  const f = (n: number) => n.toFixed(1).padStart(8);
  return [
    `${label}`,
    `  open the メモ tab (ms)      median ${f(quantile(open, 0.5))}  p95 ${f(quantile(open, 0.95))}  max ${f(Math.max(...open))}`,
    `  one scroll step (ms)       median ${f(quantile(steps, 0.5))}  p95 ${f(quantile(steps, 0.95))}  max ${f(Math.max(...steps))}  (${steps.length} steps)`,
    `  whole list scrolled (ms)   median ${f(quantile(scroll, 0.5))}  p95 ${f(quantile(scroll, 0.95))}`,
    `  rows in the page (most)    ${Math.max(...runs.map((r) => r.rows))}`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.env.HAKUSHO_E2E_SKIP_BUILD !== '1') await buildRenderer();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-bench-notes-list-'));
  try {
    const userData = path.join(work, 'profile');
    const seeding = await startEdition(userData);
    const t0 = performance.now();
    await importManyNotes(seeding, COUNT);
    const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(
      `${COUNT} notes imported in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs each, headless ${chromium}`,
    );
    await seeding.stop();
    console.log(await runAll('this build (rows near the view)', userData));
    if (PEER)
      console.log(await runAll(`peer: ${path.relative(REPO_ROOT, PEER) || PEER}`, userData, PEER));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
