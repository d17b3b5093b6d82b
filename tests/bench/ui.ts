// `npm run bench:ui`: how fast the reader feels, measured in headless Chromium against
// the real browser edition (built renderer, real content DB, real search):
//   - cold start to the first painted outline (navigation start → outline painted),
//   - section switch (click in the outline → new text painted),
//   - keystroke to painted search results (input event → results painted).
// "Painted" is the first animation frame after the DOM change plus a task, the usual
// stand-in for the frame being on screen. Timings are taken inside the page with
// performance.now(), so no round trip to this process is counted.
// Targets (README, "Tests and benchmark"): first paint ≤ 300 ms, section switch ≤ 50 ms,
// keystroke ≤ 50 ms.
// Prints a table and writes test-results/bench-ui.json; `--strict` exits 1 when a
// median misses its target.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TocEntry } from '../../electron/common/api/types';
import { buildRenderer } from '../e2e/testing/build';
import { launchChromium } from '../e2e/testing/browser';
import { REPO_ROOT, startEdition } from '../e2e/testing/server';
import { callApi, waitReady } from '../e2e/testing/reader-page';

const COLD_STARTS = 8;
const SEARCH_PAIRS: [string, string][] = [
  ['半導', '半導体'],
  ['関', '関税'],
  ['サプライチェー', 'サプライチェーン'],
  ['IPE', 'IPEF'],
  ['日米経', '日米経済'],
  ['投資', '投資額'],
  ['米国商務', '米国商務省'],
  ['インフレ削減', 'インフレ削減法'],
  ['鉄', '鉄鋼'],
  ['カナ', 'カナダ'],
];
const TARGETS = { coldStart: 300, sectionSwitch: 50, keystroke: 50 } as const;

/** In the page before any script: resolves with the time the outline was painted. */
const OUTLINE_PROBE = `
  window.__outlinePainted = new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    const seen = () => document.querySelector('#outline a[data-section-id]');
    const mo = new MutationObserver(() => { if (seen()) { mo.disconnect(); done(); } });
    mo.observe(document, { childList: true, subtree: true });
  });
`;

/** In the page: resolves when `test()` holds after a DOM change, then after paint. */
const WAIT_PAINTED = `
  window.__waitPainted = (test) => new Promise((resolve) => {
    const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    if (test()) return finish();
    const mo = new MutationObserver(() => { if (test()) { mo.disconnect(); finish(); } });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
`;

interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(s[0]!),
    max: round(s[s.length - 1]!),
  };
}

async function coldStart(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return page.evaluate<number>('window.__outlinePainted');
}

async function sectionSwitch(page: Page, id: string): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const id = ${JSON.stringify(id)};
    const t0 = performance.now();
    document.querySelector('#outline a[data-section-id="' + id + '"]').click();
    const t1 = await window.__waitPainted(
      () => document.querySelector('main .scroller')?.dataset.sectionId === id,
    );
    return t1 - t0;
  })()`);
}

async function keystroke(page: Page, prefix: string, full: string): Promise<number> {
  const input = page.locator('input[type="search"]');
  await input.fill('');
  await input.focus();
  await page.keyboard.insertText(prefix);
  await page.waitForSelector(`#search-results[data-query="${prefix}"]`);
  await page.evaluate(`(() => {
    window.__inputAt = null;
    document.addEventListener('input', (e) => { window.__inputAt = e.timeStamp; }, { capture: true, once: true });
    window.__painted = window.__waitPainted(
      () => document.querySelector('#search-results')?.dataset.query === ${JSON.stringify(full)},
    );
  })()`);
  await page.keyboard.insertText(full.slice(prefix.length));
  return page.evaluate<number>('window.__painted.then((t) => t - window.__inputAt)');
}

async function main(): Promise<void> {
  const strict = process.argv.includes('--strict');
  process.stderr.write('bench:ui: building the renderer…\n');
  await buildRenderer();
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-bench-ui-'));
  const edition = await startEdition(userData);
  const browser = await launchChromium();
  try {
    const context = browser.context;
    await context.addInitScript(OUTLINE_PROBE + WAIT_PAINTED);

    // Cold start: a fresh page and a full navigation each time (the host sends
    // no-store, so nothing is served from cache). The first goes through the token URL.
    const cold: number[] = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const page = await context.newPage();
      cold.push(await coldStart(page, i === 0 ? edition.url : edition.origin + '/'));
      await waitReady(page);
      await page.close();
    }

    const page = await context.newPage();
    await page.goto(edition.origin + '/');
    await waitReady(page);
    const toc = await callApi<TocEntry[]>(page, 'getToc');

    // Section switch: every section once from far away (mostly not cached), then
    // reading order (neighbours are prefetched, as when reading on).
    const far: number[] = [];
    const ids = toc.map((e) => e.id);
    const spread = ids.map((_, i) => ids[(i * 7) % ids.length]!);
    for (const id of spread) {
      if ((await page.getAttribute('main .scroller', 'data-section-id')) === id) continue;
      far.push(await sectionSwitch(page, id));
    }
    const onward: number[] = [];
    for (const id of ids.slice(1)) onward.push(await sectionSwitch(page, id));

    const keys: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const [prefix, full] of SEARCH_PAIRS) keys.push(await keystroke(page, prefix, full));
    }

    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
      sections: toc.length,
      coldStartMs: stats(cold),
      sectionSwitchMs: stats([...far, ...onward]),
      sectionSwitchUncachedMs: stats(far),
      sectionSwitchReadingOrderMs: stats(onward),
      keystrokeToResultsMs: stats(keys),
      targetsMs: TARGETS,
    };
    const rows: [string, Stats, number | null][] = [
      ['cold start → outline painted', result.coldStartMs, TARGETS.coldStart],
      ['section switch (all)', result.sectionSwitchMs, TARGETS.sectionSwitch],
      ['  from far away (uncached)', result.sectionSwitchUncachedMs, null],
      ['  in reading order', result.sectionSwitchReadingOrderMs, null],
      ['keystroke → results painted', result.keystrokeToResultsMs, TARGETS.keystroke],
    ];
    const lines = [
      `bench:ui (${result.machine}, ${toc.length} sections)`,
      'measure                          n   median    p95    min    max   target',
    ];
    let missed = false;
    for (const [name, s, target] of rows) {
      const verdict =
        target === null ? '' : s.median <= target ? `≤ ${target} ok` : `> ${target} MISS`;
      if (target !== null && s.median > target) missed = true;
      lines.push(
        `${name.padEnd(31)} ${String(s.n).padStart(3)} ${s.median.toFixed(1).padStart(8)} ${s.p95
          .toFixed(1)
          .padStart(
            6,
          )} ${s.min.toFixed(1).padStart(6)} ${s.max.toFixed(1).padStart(6)}   ${verdict}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    const out = path.join(REPO_ROOT, 'test-results', 'bench-ui.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stderr.write(`bench:ui: wrote ${path.relative(REPO_ROOT, out)}\n`);
    if (strict && missed) process.exitCode = 1;
  } finally {
    await browser.close();
    await edition.stop();
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench:ui: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 1;
});
