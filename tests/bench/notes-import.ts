// Notes import benchmark (`npm run bench:notes-import [-- --count N]`): a large
// annotation export whose highlights none can be placed (the most work per item) sent
// to a real browser-edition host (`npm run serve`, a child process), while a reader's
// ordinary requests keep coming. Prints, side by side with the same requests on the
// idle host (the peer), their latency during the import; the import's own time; and
// the host's start-up time on an empty profile and on the profile holding every
// imported orphan (start-up places nothing again: anchoring results are stored with
// the content's digest). Figures, not a timed test. Default: 25,000 highlights (about
// 43 MB, under the 50,000,000-character import limit).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  DocumentInfo,
  ImportSummary,
  SectionView,
  TocEntry,
} from '../../electron/common/api/types';
import { startEdition, type RunningEdition } from '../e2e/testing/server';
import { unplaceableExport } from '../fixtures/notes-export';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const COUNT = option('count', 25_000);
/** Characters of each quote and note: shorter ones fit more highlights in the limit. */
const QUOTE_LENGTH = option('quote-length', 160);
const NOTE_LENGTH = option('note-length', 200);

/**
 * Connections the host closed under a request (a reset, "other side closed"). A
 * client that sat busy past the host's keep-alive timeout (5 s) can send on a
 * connection the host has just closed — this very script does while it builds the
 * file — so such a read is retried once and counted, and the counts are printed.
 */
const resets = { idle: 0, during: 0 };
let phase: keyof typeof resets = 'idle';

/** A contract call; a file argument goes as the body itself, as the app sends it. */
async function call<T>(
  edition: RunningEdition,
  method: string,
  args: object | Uint8Array = {},
  retry = !(args instanceof Uint8Array),
): Promise<T> {
  const token = new URL(edition.url).searchParams.get('token');
  const file = args instanceof Uint8Array;
  let reply: Response;
  try {
    reply = await fetch(`${edition.origin}/api/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': file ? 'application/octet-stream' : 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: file ? args : JSON.stringify(args),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (!retry || (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET')) throw err;
    resets[phase] += 1;
    return call<T>(edition, method, args, false);
  }
  const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Runs `request(i)` one after another until `until()` says stop (at most `max`): each one's latency (ms), sorted. */
async function latencies(
  until: () => boolean,
  max: number,
  request: (i: number) => Promise<void>,
  pauseMs = 0,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; !until() && i < max; i += 1) {
    const t0 = performance.now();
    await request(i);
    times.push(performance.now() - t0);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return times.sort((a, b) => a - b);
}

/** A reader's requests, one after another, until `until()` says stop: each one's latency (ms). */
function readerRequests(
  edition: RunningEdition,
  sectionIds: string[],
  until: () => boolean,
  max = Infinity,
): Promise<number[]> {
  return latencies(until, max, async (i) => {
    await call<SectionView>(edition, 'getSection', { id: sectionIds[i % sectionIds.length] });
    await call(edition, 'listBookmarks', {});
  });
}

/**
 * Reading saves the place as it goes: one position save every 50 ms, each one's latency.
 * During the import's one write transaction they wait for its commit, without
 * holding up the reader's other requests.
 */
function positionSaves(
  edition: RunningEdition,
  sectionIds: string[],
  until: () => boolean,
  max = Infinity,
): Promise<number[]> {
  return latencies(
    until,
    max,
    async (i) => {
      await call(edition, 'setPosition', {
        sectionId: sectionIds[i % sectionIds.length],
        scroll: 0.5,
      });
    },
    50,
  );
}

const summary = (times: number[]) =>
  `${times.length} requests: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${(times.at(-1) ?? NaN).toFixed(1)} ms`;

async function timedStart(userData: string): Promise<{ edition: RunningEdition; ms: number }> {
  const t0 = performance.now();
  const edition = await startEdition(userData);
  await call(edition, 'getToc');
  return { edition, ms: performance.now() - t0 };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-bench-notes-'));
  const userData = path.join(root, 'profile');
  try {
    const empty = await timedStart(userData);
    let edition = empty.edition;
    const document = await call<DocumentInfo>(edition, 'getDocument');
    const toc = await call<TocEntry[]>(edition, 'getToc');
    const sectionIds = toc.map((e) => e.id);
    let target: SectionView | null = null;
    for (const id of sectionIds) {
      const view = await call<SectionView>(edition, 'getSection', { id });
      if (view.paragraphs.length > 0) {
        target = view;
        break;
      }
    }
    if (!target) throw new Error('no section with text');
    const body = unplaceableExport({
      document,
      sectionId: target.id,
      paragraphId: target.paragraphs[0]!.id,
      count: COUNT,
      quoteLength: QUOTE_LENGTH,
      noteLength: NOTE_LENGTH,
    });
    const file = new TextEncoder().encode(body);

    const idle = await readerRequests(edition, sectionIds, () => false, 200);
    const idleSaves = await positionSaves(edition, sectionIds, () => false, 40);
    let done = false;
    phase = 'during';
    const t0 = performance.now();
    const importing = call<ImportSummary>(edition, 'importAnnotations', file).finally(() => {
      done = true;
    });
    const [during, duringSaves] = await Promise.all([
      readerRequests(edition, sectionIds, () => done),
      positionSaves(edition, sectionIds, () => done),
    ]);
    const result = await importing;
    const importMs = performance.now() - t0;
    phase = 'idle';
    await edition.stop();

    const again = await timedStart(userData);
    edition = again.edition;
    const listed = (await call<unknown[]>(edition, 'listAnnotations')).length;
    await edition.stop();

    const load = os.loadavg()[0]!.toFixed(1);
    console.log(
      `notes import: ${COUNT} unplaceable highlights, ${(file.length / 1e6).toFixed(1)} MB (quotes of ${QUOTE_LENGTH} characters, notes of ${NOTE_LENGTH})`,
    );
    console.log(
      `  import: ${(importMs / 1000).toFixed(1)} s (added ${result.added}, orphaned ${result.orphaned}, refused ${result.refused})`,
    );
    console.log(`  reader requests (getSection + listBookmarks), idle host:     ${summary(idle)}`);
    console.log(
      `  reader requests (getSection + listBookmarks), during import: ${summary(during)}`,
    );
    console.log(
      `  connections closed under a request (retried): idle host ${resets.idle}, during import ${resets.during}`,
    );
    console.log(`  position saves (setPosition), idle host:     ${summary(idleSaves)}`);
    console.log(`  position saves (setPosition), during import: ${summary(duringSaves)}`);
    console.log(
      `  start-up to first answer: empty profile ${empty.ms.toFixed(0)} ms; with ${listed} orphans ${again.ms.toFixed(0)} ms`,
    );
    console.log(`  Node ${process.version}, ${os.cpus().length} cores, load average ${load}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
