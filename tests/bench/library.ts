// Library benchmark (`npm run bench:library`): how well imported documents come out,
// and how fast. Figures, not timed tests.
//  1. Real Japanese manuals Debian ships as PDF and HTML (and EPUB): the body text our
//     PDF (and EPUB) import extracts against our HTML import of the same document, as
//     character-bigram F1 after normalisation; running heads and page numbers left in
//     the body; the HTML's headings found in the PDF's outline. Beside it, the naive
//     extractions: pdftotext (poppler-utils, installed with apt when missing) and
//     pdf.js text items joined.
//  2. The bundled chapter laid out as a white paper (one column, two columns,
//     vertical; 目次, running heads, page numbers, footnotes, figures) by
//     tests/fixtures/import/layout.ts: against the known text.
//  3. Speed: a 100-page Japanese PDF (and the real manuals) imported in a worker
//     thread running the esbuild-bundled importer under plain Node, as an app would.
//  4. A library of ten 100-page documents through the core and the contract: import
//     time, start-up beside an empty library, library-wide search p95, memory
//     (./library-ten.ts).
// Writes test-results/bench-library.json. `-- --quick` skips the real documents.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openContentStore } from '../../electron/core/content/store';
import { readImportExtras } from '../../electron/core/import/extras';
import { importDocument } from '../../electron/core/import/import';
import { loadPdfJs } from '../../electron/core/import/pdf/pdfjs';
import { importInWorker } from '../../electron/core/import/worker-client';
import { printPdf, withBrowser, type Truth } from '../fixtures/import/layout';
import { fixtureSpec, longSpec } from '../fixtures/import/specs';
import { ensureRealDocuments, REAL_DOCUMENTS } from './library-docs';
import { libraryOfTen } from './library-ten';
import {
  bigramF1,
  headingsFound,
  occurrences,
  pageNumbersLeft,
  unshared,
  withoutEditionDifferences,
} from './library-metrics';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'test-results', 'bench-library');
const log = (s: string) => process.stderr.write(`${s}\n`);
const quick = process.argv.includes('--quick');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Imported {
  pageCount: number | null;
  body: string[];
  /** Body paragraphs with the label of the page each starts on. */
  bodyPages: { text: string; page: string | null }[];
  asides: { role: string; text: string }[];
  headings: string[];
  pages: Map<string, string>;
  paragraphs: { id: string; text: string }[];
}

/** Reads an imported database back: body paragraphs, asides, outline titles, first page per paragraph. */
function readImported(dbPath: string): Imported {
  const store = openContentStore(dbPath);
  try {
    const { roles, pageMarkers } = readImportExtras(dbPath);
    const pages = new Map(
      pageMarkers.filter((m) => m.offset === 0).map((m) => [m.paragraphId, m.label]),
    );
    const headings = store
      .toc()
      .filter((t) => !t.editorial)
      .map((t) => t.title);
    const paragraphs = store.searchDocs().flatMap((d) => d.paragraphs);
    return {
      pageCount: null,
      body: paragraphs.filter((p) => !roles.has(p.id)).map((p) => p.text),
      bodyPages: paragraphs
        .filter((p) => !roles.has(p.id))
        .map((p) => ({ text: p.text, page: pages.get(p.id) ?? null })),
      asides: paragraphs
        .filter((p) => roles.has(p.id))
        .map((p) => ({ role: roles.get(p.id)!, text: p.text })),
      headings,
      pages,
      paragraphs,
    };
  } finally {
    store.close();
  }
}

async function importFile(file: string, bytes?: Uint8Array): Promise<Imported> {
  const target = path.join(OUT, 'db', `${path.basename(file)}.sqlite`);
  const result = await importDocument({
    bytes: bytes ?? new Uint8Array(readFileSync(file)),
    name: file,
    target,
  });
  return { ...readImported(target), pageCount: result.pageCount };
}

/** Lines per page, with pdf.js's page labels (or the page's number). */
interface PagedLines {
  lines: { text: string; page: string | null }[];
}

async function pageLabels(file: string): Promise<string[]> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    useWasm: false,
    verbosity: 0,
  }).promise;
  const labels = (await doc.getPageLabels()) ?? [];
  const out = Array.from({ length: doc.numPages }, (_, i) => labels[i] ?? String(i + 1));
  await doc.destroy();
  return out;
}

async function naivePdfjs(file: string): Promise<PagedLines> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    verbosity: 0,
    cMapUrl: path.join(ROOT, 'node_modules/pdfjs-dist/cmaps/'),
    cMapPacked: true,
  }).promise;
  const labels = await pageLabels(file);
  const lines: PagedLines['lines'] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    const page = labels[i - 1] ?? String(i);
    let line = '';
    for (const item of tc.items)
      if ('str' in item) {
        line += item.str;
        if (item.hasEOL) {
          lines.push({ text: line, page });
          line = '';
        }
      }
    if (line) lines.push({ text: line, page });
  }
  await doc.destroy();
  return { lines };
}

async function pdftotext(file: string): Promise<PagedLines | null> {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) return null;
  const labels = await pageLabels(file);
  return {
    lines: run.stdout
      .split('\f')
      .flatMap((page, i) =>
        page.split('\n').map((text) => ({ text, page: labels[i] ?? String(i + 1) })),
      ),
  };
}

function ensurePdftotext(): boolean {
  if (spawnSync('pdftotext', ['-v']).status === 0) return true;
  try {
    log('bench: pdftotext is missing: apt-get install -y poppler-utils');
    execSync('apt-get install -y poppler-utils', { stdio: 'inherit' });
    return spawnSync('pdftotext', ['-v']).status === 0;
  } catch {
    return false;
  }
}

const fmt = (n: number) => n.toFixed(3);
const results: Record<string, unknown> = {};

async function realDocuments(): Promise<void> {
  const root = ensureRealDocuments(path.join(OUT, 'docs'), log);
  const havePdftotext = ensurePdftotext();
  log('\n== real documents: PDF (and EPUB) against the HTML edition ==');
  log(
    'document                       | pages | F1 ours | F1 pdftotext | F1 pdf.js joined | F1 ours, like for like | heads+numbers left ours / pdftotext / pdf.js | HTML headings in PDF outline | EPUB F1',
  );
  for (const doc of REAL_DOCUMENTS) {
    const htmlFiles = doc.html(root);
    const html: Imported = {
      pageCount: null,
      body: [],
      bodyPages: [],
      asides: [],
      headings: [],
      pages: new Map(),
      paragraphs: [],
    };
    for (const rel of htmlFiles) {
      const part = await importFile(path.join(root, rel));
      html.body.push(...part.body);
      html.asides.push(...part.asides);
      html.headings.push(...part.headings);
    }
    const pdfFile = path.join(root, doc.pdf);
    const pdf = await importFile(pdfFile);
    const htmlText = [...html.body, ...html.asides.map((a) => a.text)];
    const ours = bigramF1(pdf.body.concat(pdf.asides.map((a) => a.text)), htmlText);
    const oursBody = bigramF1(pdf.body, html.body);
    const like = (texts: string[]) => texts.map(withoutEditionDifferences);
    const oursLike = bigramF1(like(pdf.body.concat(pdf.asides.map((a) => a.text))), like(htmlText));
    const naive = await naivePdfjs(pdfFile);
    const naiveLines = naive.lines.map((l) => l.text);
    const naiveF1 = bigramF1(naiveLines, htmlText);
    const poppler = havePdftotext ? await pdftotext(pdfFile) : null;
    const popplerLines = poppler?.lines.map((l) => l.text) ?? null;
    const popplerF1 = popplerLines ? bigramF1(popplerLines, htmlText) : null;
    const left = (texts: { text: string; page: string | null }[]) =>
      doc.runningHeads.reduce(
        (n, h) =>
          n +
          Math.max(
            0,
            occurrences(
              texts.map((t) => t.text),
              h,
            ) - occurrences(htmlText, h),
          ),
        0,
      ) + pageNumbersLeft(texts);
    const heads = headingsFound(html.headings, pdf.headings);
    let epub: ReturnType<typeof bigramF1> | null = null;
    let epubHeads: ReturnType<typeof headingsFound> | null = null;
    if (doc.epub) {
      const e = await importFile(path.join(root, doc.epub));
      epub = bigramF1(e.body.concat(e.asides.map((a) => a.text)), htmlText);
      epubHeads = headingsFound(html.headings, e.headings);
    }
    const pages = pdf.pageCount ?? 0;
    if (process.env.BENCH_VERBOSE) {
      const heads = pdf.bodyPages.filter(
        (t) =>
          doc.runningHeads.some((h) => occurrences([t.text], h) > 0) || pageNumbersLeft([t]) > 0,
      );
      for (const t of heads.slice(0, 20)) log(`   left: p${t.page} ${t.text.slice(0, 120)}`);
    }
    log(
      `${doc.id.padEnd(30)} | ${String(pages).padStart(5)} | ${fmt(ours.f1)} | ${popplerF1 ? fmt(popplerF1.f1) : 'n/a'} | ${fmt(naiveF1.f1)} | ${fmt(oursLike.f1)} | ${left(pdf.bodyPages)} / ${poppler ? left(poppler.lines) : 'n/a'} / ${left(naive.lines)} | ${heads.found}/${heads.total} (${fmt(heads.found / Math.max(1, heads.total))}) | ${epub ? fmt(epub.f1) : '—'}`,
    );
    if (heads.missing.length > 0)
      log(`   missing headings: ${heads.missing.slice(0, 8).join(' | ')}`);
    // Like for like, what each side has that the other lacks (where the F1 gap comes from).
    const pdfLike = like(pdf.body.concat(pdf.asides.map((a) => a.text)));
    const onlyPdf = unshared(pdfLike, like(htmlText));
    const onlyHtml = unshared(like(htmlText), pdfLike);
    log(
      `   like for like, not shared: PDF ${onlyPdf.count} of ${onlyPdf.total} characters, HTML ${onlyHtml.count} of ${onlyHtml.total}`,
    );
    if (process.env.BENCH_VERBOSE) {
      log(`   PDF only: ${onlyPdf.runs.slice(0, 12).join(' | ')}`);
      log(`   HTML only: ${onlyHtml.runs.slice(0, 12).join(' | ')}`);
    }
    results[doc.id] = {
      pages,
      ours,
      oursBodyOnly: oursBody,
      pdftotext: popplerF1,
      pdfjsJoined: naiveF1,
      leftOurs: left(pdf.bodyPages),
      leftPdftotext: poppler ? left(poppler.lines) : null,
      leftPdfjs: left(naive.lines),
      headings: heads,
      epub,
      epubHeadings: epubHeads,
      pdfOutline: pdf.headings.length,
      notSharedLikeForLike: {
        pdf: { count: onlyPdf.count, total: onlyPdf.total },
        html: { count: onlyHtml.count, total: onlyHtml.total },
      },
    };
  }
}

function truthCheck(layout: string, truth: Truth, got: Imported): Record<string, unknown> {
  const body = truth.paragraphs.filter((p) => p.role === 'body').map((p) => p.text);
  const f1 = bigramF1(got.body, body);
  const heads = headingsFound(
    truth.headings.map((h) => h.title),
    got.headings,
  );
  const left = occurrences(got.body, truth.runningHead) + pageNumbersLeft(got.bodyPages);
  const notes = truth.paragraphs.filter((p) => p.role === 'footnote');
  const notesApart = notes.filter((n) =>
    got.asides.some(
      (a) => a.role === 'footnote' && a.text.replace(/\s/g, '') === n.text.replace(/\s/g, ''),
    ),
  ).length;
  const captions = truth.paragraphs.filter((p) => p.role === 'caption');
  const captionsApart = captions.filter((c) =>
    got.asides.some(
      (a) => a.role === 'caption' && a.text.replace(/\s/g, '').includes(c.text.replace(/\s/g, '')),
    ),
  ).length;
  // Page markers: each body paragraph found whole in the import starts on the page it was printed on.
  // Matched in order (a long document repeats paragraphs); printed labels compared by their number.
  let checked = 0;
  let right = 0;
  let cursor = 0;
  const digits = (label: string | undefined) =>
    label?.normalize('NFKC').replace(/[^0-9ivxlc]/gi, '');
  for (const p of truth.paragraphs.filter((q) => q.role === 'body')) {
    const want = p.text.replace(/\s/g, '');
    const at = got.paragraphs.findIndex(
      (q, i) => i >= cursor && q.text.replace(/\s/g, '') === want,
    );
    if (at < 0) continue;
    cursor = at + 1;
    checked++;
    if (digits(got.pages.get(got.paragraphs[at]!.id)) === digits(p.pages[0])) right++;
  }
  log(
    `${layout.padEnd(12)} | ${String(truth.pageCount).padStart(5)} | ${fmt(f1.f1)} (P ${fmt(f1.precision)} R ${fmt(f1.recall)}) | ${left} | ${heads.found}/${heads.total} | ${notesApart}/${notes.length} | ${captionsApart}/${captions.length} | ${right}/${checked} of ${body.length}`,
  );
  return {
    pages: truth.pageCount,
    f1,
    left,
    headings: heads,
    footnotesApart: `${notesApart}/${notes.length}`,
    captionsApart: `${captionsApart}/${captions.length}`,
    pageMarkers: { right, checked, paragraphs: body.length },
  };
}

async function generated(): Promise<Map<string, Uint8Array>> {
  log('\n== the bundled chapter laid out as a white paper, against the known text ==');
  log(
    'layout       | pages | body F1 | heads+numbers left | headings found | footnotes apart | captions apart | page of paragraph right',
  );
  const pdfs = new Map<string, Uint8Array>();
  await withBrowser(async (browser) => {
    for (const layout of ['one-column', 'two-column', 'vertical'] as const) {
      const { pdf, truth } = await printPdf(browser, fixtureSpec(layout));
      const got = await importFile(`${layout}.pdf`, new Uint8Array(pdf));
      results[`generated-${layout}`] = truthCheck(layout, truth, got);
    }
    const { pdf, truth } = await printPdf(browser, longSpec(100));
    pdfs.set('long-100', new Uint8Array(pdf));
    writeFileSync(path.join(OUT, 'long-100.pdf'), pdf);
    const got = await importFile('long-100.pdf', new Uint8Array(pdf));
    results['generated-long'] = truthCheck('100 pages', truth, got);
  });
  return pdfs;
}

async function bundleWorker(): Promise<string> {
  const outfile = path.join(OUT, 'import-worker.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/core/import/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

async function speed(pdfs: Map<string, Uint8Array>): Promise<void> {
  log(`\n== speed: import in a worker thread (bundled importer, plain Node), ${RUNS} runs each ==`);
  const workerFile = await bundleWorker();
  const files: [string, Uint8Array][] = [['generated 100-page white paper', pdfs.get('long-100')!]];
  if (!quick) {
    const root = path.join(OUT, 'docs', 'root');
    for (const doc of REAL_DOCUMENTS)
      files.push([doc.id, new Uint8Array(readFileSync(path.join(root, doc.pdf)))]);
  }
  log(
    'document                       | pages | runs (s)              | median s | progress events',
  );
  for (const [label, bytes] of files) {
    const times: number[] = [];
    let events = 0;
    let pages = 0;
    for (let r = 0; r < RUNS; r++) {
      const target = path.join(OUT, 'db', 'speed.sqlite');
      const t0 = performance.now();
      const result = await importInWorker({
        bytes,
        name: `${label}.pdf`,
        target,
        workerFile,
        onProgress: () => events++,
      });
      times.push((performance.now() - t0) / 1000);
      pages = result.pageCount ?? 0;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    log(
      `${label.padEnd(30)} | ${String(pages).padStart(5)} | ${times
        .map((t) => t.toFixed(2))
        .join(', ')
        .padEnd(21)} | ${median.toFixed(2)} | ${Math.round(events / RUNS)}`,
    );
    results[`speed-${label}`] = {
      pages,
      runs: times,
      median,
      progressEvents: Math.round(events / RUNS),
    };
  }
}

async function main(): Promise<void> {
  rmSync(path.join(OUT, 'db'), { recursive: true, force: true });
  mkdirSync(path.join(OUT, 'db'), { recursive: true });
  log(
    `machine: ${(await import('node:os')).cpus().length} cores, load ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  // BENCH_ONLY=real|generated|speed|ten runs one part (while working on the importer).
  const only = process.env.BENCH_ONLY;
  // BENCH_ONLY=ten reuses the 100-page PDF an earlier run printed, when there is one.
  const printed = path.join(OUT, 'long-100.pdf');
  const pdfs =
    only === 'ten' && existsSync(printed)
      ? new Map([['long-100', new Uint8Array(readFileSync(printed))]])
      : only && only !== 'generated' && only !== 'speed' && only !== 'ten'
        ? new Map()
        : await generated();
  if (!quick && (!only || only === 'real')) await realDocuments();
  if (!only || only === 'speed') await speed(pdfs);
  if (!only || only === 'ten')
    results['library-of-ten'] = await libraryOfTen(
      pdfs.get('long-100')!,
      path.join(OUT, 'ten'),
      await bundleWorker(),
      RUNS,
      log,
    );
  const file = path.join(ROOT, 'test-results', 'bench-library.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nwrote ${path.relative(ROOT, file)}`);
  if (!existsSync(file)) process.exitCode = 1;
}

await main();
