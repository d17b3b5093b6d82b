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

const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 25_000;

async function call<T>(edition: RunningEdition, method: string, args: object = {}): Promise<T> {
  const token = new URL(edition.url).searchParams.get('token');
  const reply = await fetch(`${edition.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(args),
  });
  const body = (await reply.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** A reader's requests, one after another, until `until()` says stop: each one's latency (ms). */
async function readerRequests(
  edition: RunningEdition,
  sectionIds: string[],
  until: () => boolean,
  max = Infinity,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; !until() && i < max; i += 1) {
    const t0 = performance.now();
    await call<SectionView>(edition, 'getSection', { id: sectionIds[i % sectionIds.length] });
    await call(edition, 'listBookmarks', {});
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
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
    });

    const idle = await readerRequests(edition, sectionIds, () => false, 200);
    let done = false;
    const t0 = performance.now();
    const importing = call<ImportSummary>(edition, 'importAnnotations', { body }).finally(() => {
      done = true;
    });
    const during = await readerRequests(edition, sectionIds, () => done);
    const result = await importing;
    const importMs = performance.now() - t0;
    await edition.stop();

    const again = await timedStart(userData);
    edition = again.edition;
    const listed = (await call<unknown[]>(edition, 'listAnnotations')).length;
    await edition.stop();

    const load = os.loadavg()[0]!.toFixed(1);
    console.log(
      `notes import: ${COUNT} unplaceable highlights, ${(Buffer.byteLength(body) / 1e6).toFixed(1)} MB`,
    );
    console.log(
      `  import: ${(importMs / 1000).toFixed(1)} s (added ${result.added}, orphaned ${result.orphaned}, refused ${result.refused})`,
    );
    console.log(`  reader requests (getSection + listBookmarks), idle host:     ${summary(idle)}`);
    console.log(
      `  reader requests (getSection + listBookmarks), during import: ${summary(during)}`,
    );
    console.log(
      `  start-up to first answer: empty profile ${empty.ms.toFixed(0)} ms; with ${listed} orphans ${again.ms.toFixed(0)} ms`,
    );
    console.log(`  Node ${process.version}, ${os.cpus().length} cores, load average ${load}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
