// `npm run bench:ui:profile`: where a cold start's time goes, before anything is tuned.
// Each run is a fresh page and a full navigation of the real browser edition in Debian's
// headless Chromium, recorded with Chromium's own trace (CDP `Tracing`, the DevTools
// timeline categories) and the page's navigation, resource and paint timings. It prints,
// as medians over the runs, the milestones from navigation start (document received,
// script evaluated, the start's API answers, first text painted) and the main thread's
// busy time before the text appeared, split by kind (parse, script, style, layout, paint,
// GC), plus the CPU load and the browser build the figures belong to.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { buildRenderer } from '../e2e/testing/build';
import { CHROMIUM_PATH, launchChromium } from '../e2e/testing/browser';
import { startEdition } from '../e2e/testing/server';
import { textProbe } from './probes';

const RUNS = Number(process.env.HAKUSHO_PROFILE_RUNS ?? 10);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

/** The kind of main-thread work a trace event is (the DevTools summary's categories). */
function kindOf(name: string): string | null {
  if (name === 'ParseHTML' || name === 'ParseAuthorStyleSheet') return 'parse HTML/CSS';
  if (name === 'v8.compileModule' || name === 'v8.compile' || name === 'V8.CompileCode')
    return 'script: compile';
  if (name === 'v8.evaluateModule') return 'script: evaluate the bundle';
  if (name === 'v8.produceModuleCache' || name === 'v8.produceCache') return 'script: code cache';
  if (
    name === 'EvaluateScript' ||
    name === 'FunctionCall' ||
    name === 'EventDispatch' ||
    name === 'TimerFire' ||
    name === 'FireAnimationFrame' ||
    name === 'RunMicrotasks' ||
    name === 'FireIdleCallback'
  )
    return 'script: app code';
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style';
  if (name === 'Layout') return 'layout';
  if (name === 'Paint' || name === 'PrePaint' || name === 'Layerize' || name === 'Commit')
    return 'paint';
  if (name === 'MajorGC' || name === 'MinorGC' || name.startsWith('V8.GC')) return 'GC';
  return null;
}

/**
 * Main-thread time by kind between `from` and `until` (trace µs): each event counted
 * once, under its outermost ancestor that has a kind (a layout forced inside app code
 * counts as app code, as DevTools' "bottom-up" would not; the split is coarse on purpose).
 */
function busyByKind(events: TraceEvent[], from: number, until: number): Record<string, number> {
  const busy: Record<string, number> = {};
  const sorted = events
    .filter((e) => e.ph === 'X' && e.dur && e.ts >= from && e.ts <= until)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const open: TraceEvent[] = [];
  for (const e of sorted) {
    while (open.length > 0 && open[open.length - 1]!.ts + open[open.length - 1]!.dur! <= e.ts)
      open.pop();
    const kind = kindOf(e.name);
    const counted = open.some((o) => kindOf(o.name) !== null);
    if (kind && !counted) busy[kind] = (busy[kind] ?? 0) + e.dur! / 1000;
    open.push(e);
  }
  return busy;
}

interface Run {
  textAt: number;
  responseEnd: number;
  scriptLoaded: number;
  domContentLoaded: number;
  toc: number;
  section: number;
  fcp: number;
  busy: Record<string, number>;
  offMain: number;
}

async function trace(page: Page, cdp: CDPSession, url: string): Promise<Run> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'loading',
      ],
    },
  });
  await page.goto(url);
  const textAt = await page.evaluate<number>('window.__textPainted');
  const timing = await page.evaluate<{
    responseEnd: number;
    domContentLoaded: number;
    fcp: number | null;
    resources: { name: string; start: number; end: number }[];
  }>(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      responseEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      fcp: fcp ? fcp.startTime : null,
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd,
      })),
    };
  })()`);
  await cdp.send('Tracing.end');
  await done;

  // The page's renderer: a navigation may start in one renderer process and commit in
  // another; the one that parsed the document is the page's. Trace clocks are shared.
  const nav = events.find((e) => e.name === 'navigationStart');
  const parse = events.filter((e) => e.name === 'ParseHTML');
  const pid = parse.length > 0 ? parse[parse.length - 1]!.pid : -1;
  const threads = new Map<number, string>();
  for (const e of events)
    if (e.name === 'thread_name' && e.pid === pid) threads.set(e.tid, String(e.args?.name));
  const mainTid = [...threads].find(([, name]) => name === 'CrRendererMain')?.[0];
  let busy: Record<string, number> = {};
  let offMain = 0;
  if (nav && mainTid !== undefined) {
    const until = nav.ts + textAt * 1000;
    busy = busyByKind(
      events.filter((e) => e.pid === pid && e.tid === mainTid),
      nav.ts,
      until,
    );
    // Script parsed off the main thread (streaming), which the two cores still share.
    offMain =
      events
        .filter((e) => e.pid === pid && e.name === 'v8.parseOnBackground' && e.ph === 'X')
        .filter((e) => e.ts >= nav.ts && e.ts <= until)
        .reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
  }
  const scripts = timing.resources.filter((r) => r.name.endsWith('.js'));
  const api = (m: string) => timing.resources.find((r) => r.name === `/api/${m}`)?.end ?? NaN;
  return {
    textAt,
    responseEnd: timing.responseEnd,
    scriptLoaded: Math.max(...scripts.map((r) => r.end)),
    domContentLoaded: timing.domContentLoaded,
    toc: api('getToc'),
    section: api('getSection'),
    fcp: timing.fcp ?? NaN,
    busy,
    offMain,
  };
}

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  const version = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  process.stderr.write('bench:ui:profile: building the renderer…\n');
  if (process.env.HAKUSHO_E2E_SKIP_BUILD !== '1') await buildRenderer();
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-profile-'));
  const content = process.argv.includes('--content')
    ? process.argv[process.argv.indexOf('--content') + 1]
    : undefined;
  const edition = await startEdition(userData, content ? { content } : {});
  const browser = await launchChromium();
  const load = os.loadavg().map((l) => l.toFixed(2));
  try {
    // HAKUSHO_PROFILE_TEXT: another selector for "the text" (the build before the continuous
    // view opened on a section heading with no paragraph of its own).
    await browser.context.addInitScript(textProbe(process.env.HAKUSHO_PROFILE_TEXT));
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      // Each run a new tab, at the printed URL: the session token lives per tab.
      runs.push(await trace(page, cdp, edition.url));
      await cdp.detach();
      await page.close();
    }
    const row = (label: string, pick: (r: Run) => number) =>
      `${label.padEnd(44)} ${median(runs.map(pick)).toFixed(1).padStart(8)} ms`;
    const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.busy)))].sort();
    const lines = [
      `bench:ui:profile — ${version}; load average ${load.join(' ')} (${os.cpus().length} cores); ${RUNS} cold starts, medians`,
      'milestones from navigation start:',
      row('  document received (responseEnd)', (r) => r.responseEnd),
      row('  script and stylesheet received', (r) => r.scriptLoaded),
      row('  DOMContentLoaded (module evaluated)', (r) => r.domContentLoaded),
      row('  getToc answered', (r) => r.toc),
      row('  first getSection answered', (r) => r.section),
      row('  first contentful paint', (r) => r.fcp),
      row('  text painted', (r) => r.textAt),
      'main thread busy before the text was painted, by kind:',
      ...kinds.map((k) => row(`  ${k}`, (r) => r.busy[k] ?? 0)),
      row('  total', (r) => Object.values(r.busy).reduce((a, b) => a + b, 0)),
      row('off the main thread: script parsed in the background', (r) => r.offMain),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await browser.close();
    await edition.stop();
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench:ui:profile: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 1;
});
