// Search answer benchmark (`npm run bench:search-answer`): what one `search` call
// costs the core on the bundled chapter and on the synthetic document 100 times as
// long — the time of the SearchResponse (rows in either order and the document-wide
// hit list F3 walks), its size as JSON (what IPC or the browser edition's HTTP host
// carries), and beside it a plain scan as the peer (indexOf over every title and
// paragraph, already in memory, counting the same literal's hits; it neither folds
// width nor builds snippets or rows). Figures, not timed tests.
// `-- --runs N` (default 20); builds data/content-100x.sqlite when it is missing or stale.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SearchOrder } from '../../electron/common/rules/search';
import { ensureContentDb } from '../../electron/core/content/ensure';
import { defaultContentInputs } from '../../electron/core/content/inputs';
import { openContentStore } from '../../electron/core/content/store';
import type { ContentStore } from '../../electron/core/content/store-types';
import { ensureSyntheticContentDb } from '../../electron/core/ingest/synthetic';
import { repoRoot } from '../../electron/core/paths';
import { createSearchService } from '../../electron/core/search/service';

const QUERIES = ['半導体', 'カナダ', 'の', '米国 半導体', 'インド太平洋経済枠組み'];
const ORDERS: SearchOrder[] = ['relevance', 'document'];
const log = (s: string) => process.stderr.write(`${s}\n`);

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

function timed(runs: number, fn: () => void): { median: number; p95: number } {
  fn(); // warm-up, not counted
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

/** The texts the peer scans: each section's title, then its paragraphs, in reading order. */
function textsOf(store: ContentStore): string[] {
  return store
    .toc()
    .flatMap((entry) => [entry.title, ...store.section(entry.id).paragraphs.map((p) => p.text)]);
}

/** The peer: every occurrence of a literal in the texts, in reading order (already in memory). */
function scan(texts: readonly string[], literal: string): number {
  let hits = 0;
  for (const text of texts)
    for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) hits++;
  return hits;
}

function bench(label: string, dbPath: string, runs: number): void {
  const store = openContentStore(dbPath);
  try {
    const t0 = process.hrtime.bigint();
    const service = createSearchService(store);
    const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
    log(`${label}: ${store.toc().length} sections; index loaded in ${loadMs.toFixed(0)} ms`);
    const texts = textsOf(store);
    const rows: string[][] = [];
    for (const query of QUERIES) {
      for (const order of ORDERS) {
        const answer = service.search(query, { order });
        const bytes = Buffer.byteLength(JSON.stringify(answer));
        const t = timed(runs, () => service.search(query, { order }));
        rows.push([
          query,
          order,
          String(answer.totalHits),
          String(answer.totalSections),
          String(answer.hits.length) + (answer.truncated ? ' (truncated)' : ''),
          (bytes / 1024).toFixed(1),
          t.median.toFixed(1),
          t.p95.toFixed(1),
        ]);
      }
      if (!query.includes(' ')) {
        const s = timed(runs, () => scan(texts, query));
        rows.push([
          query,
          'scan (peer)',
          String(scan(texts, query)),
          '',
          '',
          '',
          s.median.toFixed(1),
          s.p95.toFixed(1),
        ]);
      }
    }
    const head = [
      'query',
      'order',
      'hits',
      'sections',
      'listed',
      'KiB JSON',
      'median ms',
      'p95 ms',
    ];
    process.stdout.write(`\n${label} (n = ${runs} per row, Node ${process.versions.node})\n`);
    process.stdout.write(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|\n`);
    for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
  } finally {
    store.close();
  }
}

const { values } = parseArgs({ options: { runs: { type: 'string' } }, strict: true });
const runs = values.runs === undefined ? 20 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);
const chapter = ensureContentDb({ log });
const synthetic = ensureSyntheticContentDb({
  inputs: defaultContentInputs(),
  dbPath: path.join(repoRoot(), 'data', 'content-100x.sqlite'),
  log,
});
bench('the chapter', chapter.dbPath, runs);
bench('the 100× synthetic document', synthetic.dbPath, runs);
