// Search benchmark (`npm run bench:search`): figures, not timed tests. Our engine
// (Lunr with our n-gram tokenizer + exact checking on the search copy) beside
// lunr + lunr-languages ja, SQLite FTS5 trigram (+ LIKE under 3 characters, with
// exact verification) and a plain scan, over the same documents and queries:
// (a) the white paper (seed) with reader query classes and random substrings,
// (b) Debian manpages-ja and (c) Debian gimp-help-ja (installed with apt when
// missing). Each engine builds in one child process and is loaded and queried in
// another, so memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import lunr from 'lunr';
import { containsTerm, findOccurrences } from '../../electron/common/search/match';
import {
  DisplayMapper,
  normalizeForSearch,
  normalizeText,
} from '../../electron/common/search/normalize';
import { parseQuery } from '../../electron/common/search/query';
import {
  createSearchIndex,
  loadSearchIndex,
  SEARCH_INDEX_VERSION,
  type SearchIndexDocument,
} from '../../electron/core/search/index';
import { seedSections } from '../../electron/core/testing/seed-sections';
import { ensureGimpHelpJa, gimpHelpSections } from './gimp-help';
import { ensureManpagesJa, manpageSections } from './manpages';

const ENGINES = ['ours', 'lunr-ja', 'fts5', 'scan'] as const;
type Engine = (typeof ENGINES)[number];
type Query = { cls: string; q: string };
const HERE = fileURLToPath(import.meta.url);
const log = (s: string) => process.stderr.write(`${s}\n`);

// ---------- engines: build (child 1) and load + query (child 2) ----------

interface Loaded {
  /** Every matching section with its hit offsets; returns the section ids. */
  search(q: string): string[];
}

function buildEngine(engine: Engine, docs: SearchIndexDocument[], out: string): void {
  if (engine === 'ours') {
    // the two parts the content database stores: Lunr's JSON and the search copy
    const stored = createSearchIndex(docs).serialize();
    writeFileSync(out, stored.lunr);
    writeFileSync(`${out}.copy`, stored.copy);
  } else if (engine === 'scan') {
    const norm = docs.map((d) => {
      const t = normalizeForSearch(d.title);
      return [
        d.id,
        t.text,
        t.edits,
        d.paragraphs.map((p) => {
          const n = normalizeForSearch(p.text);
          return [n.text, n.edits];
        }),
      ];
    });
    writeFileSync(out, JSON.stringify(norm));
  } else if (engine === 'fts5') {
    rmSync(out, { force: true });
    const db = new Database(out);
    db.exec(
      `CREATE VIRTUAL TABLE p USING fts5(text, sec UNINDEXED, k UNINDEXED, edits UNINDEXED, tokenize='trigram')`,
    );
    db.exec('CREATE TABLE s(rowid INTEGER PRIMARY KEY, id TEXT)');
    const ins = db.prepare('INSERT INTO p(text, sec, k, edits) VALUES (?, ?, ?, ?)');
    const insS = db.prepare('INSERT INTO s(rowid, id) VALUES (?, ?)');
    db.transaction(() => {
      docs.forEach((d, i) => {
        insS.run(i, d.id);
        const t = normalizeForSearch(d.title);
        ins.run(t.text, i, 0, JSON.stringify(t.edits));
        d.paragraphs.forEach((p, k) => {
          const n = normalizeForSearch(p.text);
          ins.run(n.text, i, k + 1, JSON.stringify(n.edits));
        });
      });
    })();
    db.exec("INSERT INTO p(p) VALUES('optimize')");
    db.close();
  } else {
    const require = createRequire(import.meta.url);
    (require('lunr-languages/lunr.stemmer.support') as (l: typeof lunr) => void)(lunr);
    (require('lunr-languages/tinyseg') as (l: typeof lunr) => void)(lunr);
    (require('lunr-languages/lunr.ja') as (l: typeof lunr) => void)(lunr);
    const idx = lunr(function () {
      this.use((lunr as unknown as { ja: lunr.Builder.Plugin }).ja);
      this.ref('id');
      this.field('title');
      this.field('body');
      for (const d of docs)
        this.add({ id: d.id, title: d.title, body: d.paragraphs.map((p) => p.text).join('\n') });
    });
    writeFileSync(out, JSON.stringify(idx));
  }
}

function loadEngine(engine: Engine, file: string, docs: SearchIndexDocument[]): Loaded {
  if (engine === 'ours') {
    const idx = loadSearchIndex({
      version: SEARCH_INDEX_VERSION,
      lunr: readFileSync(file, 'utf8'),
      copy: readFileSync(`${file}.copy`, 'utf8'),
    });
    return { search: (q) => idx.search(q).map((h) => h.id) };
  }
  if (engine === 'scan') {
    const data = JSON.parse(readFileSync(file, 'utf8')) as [
      string,
      string,
      number[],
      [string, number[]][],
    ][];
    return {
      search(q) {
        const terms = parseQuery(q);
        if (terms.length === 0) return [];
        const ids: string[] = [];
        const pairs: number[] = [];
        for (const [id, title, titleEdits, paragraphs] of data) {
          const ranges: number[] = [];
          let all = true;
          for (const term of terms) {
            let found = false;
            for (let k = 0; k <= paragraphs.length; k++) {
              const [text, edits] = k === 0 ? [title, titleEdits] : paragraphs[k - 1]!;
              pairs.length = 0;
              findOccurrences(text, term, pairs);
              if (pairs.length === 0) continue;
              found = true;
              const m = new DisplayMapper(edits);
              for (let i = 0; i < pairs.length; i += 2)
                ranges.push(m.start(pairs[i]!), m.end(pairs[i + 1]!));
            }
            if (!found) {
              all = false;
              break;
            }
          }
          if (all) ids.push(id);
        }
        return ids;
      },
    };
  }
  if (engine === 'fts5') {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const ids = (
      db.prepare('SELECT rowid, id FROM s').all() as { rowid: number; id: string }[]
    ).reduce((m, r) => m.set(r.rowid, r.id), new Map<number, string>());
    const match = db.prepare('SELECT sec, k, text, edits FROM p WHERE p MATCH ?');
    const like = db.prepare("SELECT sec, k, text, edits FROM p WHERE text LIKE ? ESCAPE '\\'");
    type Row = { sec: number; k: number; text: string; edits: string };
    return {
      search(q) {
        const terms = parseQuery(q);
        if (terms.length === 0) return [];
        let sections: Map<number, number> | null = null;
        for (const term of terms) {
          const rows = (
            [...term.text].length >= 3
              ? match.all(`"${term.text.replace(/"/g, '""')}"`)
              : like.all(`%${term.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
          ) as Row[];
          const hitsBySection = new Map<number, number>();
          const pairs: number[] = [];
          for (const row of rows) {
            if (sections && !sections.has(row.sec)) continue;
            pairs.length = 0;
            findOccurrences(row.text, term, pairs);
            if (pairs.length === 0) continue;
            const m = new DisplayMapper(JSON.parse(row.edits) as number[]);
            for (let i = 0; i < pairs.length; i += 2) {
              m.start(pairs[i]!);
              m.end(pairs[i + 1]!);
            }
            hitsBySection.set(row.sec, (hitsBySection.get(row.sec) ?? 0) + pairs.length / 2);
          }
          sections = hitsBySection;
          if (sections.size === 0) return [];
        }
        return [...(sections?.keys() ?? [])].map((s) => ids.get(s)!);
      },
    };
  }
  const require = createRequire(import.meta.url);
  (require('lunr-languages/lunr.stemmer.support') as (l: typeof lunr) => void)(lunr);
  (require('lunr-languages/tinyseg') as (l: typeof lunr) => void)(lunr);
  (require('lunr-languages/lunr.ja') as (l: typeof lunr) => void)(lunr);
  const ja = (lunr as unknown as { ja: { tokenizer(s: string): { toString(): string }[] } }).ja;
  const idx = lunr.Index.load(JSON.parse(readFileSync(file, 'utf8')) as object);
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    search(q) {
      const tokens = ja
        .tokenizer(q)
        .map((t) => t.toString())
        .filter((t) => t.length > 0);
      if (tokens.length === 0) return [];
      const results = idx.query((query) => {
        for (const t of tokens) {
          query.term(t, {
            presence: lunr.Query.presence.REQUIRED,
            wildcard: lunr.Query.wildcard.NONE,
          });
        }
      });
      // its hit offsets: the query's tokens located in the display text
      for (const r of results) {
        for (const p of byId.get(r.ref)?.paragraphs ?? []) {
          for (const t of tokens)
            for (let at = p.text.indexOf(t); at >= 0; at = p.text.indexOf(t, at + t.length));
        }
      }
      return results.map((r) => r.ref);
    },
  };
}

// ---------- queries and ground truth ----------

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED_QUERIES: Record<string, string[]> = {
  '2-char kanji': ['米国', '関税', '鉄鋼', '投資', '協力', '経済'],
  'longer kanji': ['経済産業大臣', '半導体協力基本原則', '通商拡大法', '国家安全保障戦略'],
  katakana: ['サプライチェーン', 'パートナーシップ', 'カナダ', 'イノベーション'],
  'kanji+kana': ['を巡る動き', 'を成立させ', '強靱化へ'],
  'Latin acronym': ['IPEF', 'CHIPS', 'G7', 'WTO', 'JUCIP'],
  mixed: ['2022年5月', '232条', '2023年1月', '経済版「2+2」'],
  width: ['ＩＰＥＦ', '２０２２年', 'ｶﾅﾀﾞ', '２＋２'],
  'PDF-spaced/line-broken': [
    '経 済 産 業 大 臣',
    'サプライチェーン強靭化',
    'ワシントンDC',
    'ニューヨーク',
  ],
  'multi-term': ['米国 半導体', '日米 IPEF', 'カナダ\u3000貿易'],
};
const MAN_QUERIES: Record<string, string[]> = {
  '1 character': ['字', '表'],
  '2-char kanji': ['設定', '引数', '指定', '環境', '端末', '変数', '権限', '検索'],
  'longer kanji': ['環境変数', '標準出力', '標準入力', '終了ステータス', '共有ライブラリ'],
  katakana: ['ディレクトリ', 'オプション', 'プロセス', 'シグナル', 'パーミッション', 'ユーザー'],
  'kanji+kana': ['を指定する', 'が設定されていない', 'を表示する'],
  'Latin acronym': ['POSIX', 'LANG', 'UTF-8', 'stdin', 'errno', 'grep'],
  mixed: ['0を返す', '-1を返す', 'EOF に達'],
  width: ['ＰＯＳＩＸ', 'ﾌｧｲﾙ', 'ＬＡＮＧ'],
  'multi-term': ['ファイル 削除', '環境変数 LANG', 'シグナル プロセス 終了'],
};
const GIMP_QUERIES: Record<string, string[]> = {
  '1 character': ['色', '層', 'の'],
  '2-char kanji': ['画像', '選択', '範囲', '設定', '保存', '透明', '補正', '図形'],
  'longer kanji': ['選択範囲', '前景色', '色相彩度', '画像解像度', '描画色'],
  katakana: [
    'レイヤー',
    'フィルター',
    'チャンネル',
    'パス',
    'ブラシ',
    'ダイアログ',
    'グラデーション',
  ],
  'kanji+kana': ['をクリックします', 'を選びます', 'ぼかし', '塗りつぶし'],
  'Latin acronym': ['GIMP', 'RGB', 'PNG', 'JPEG', 'Script-Fu', 'Ctrl', 'alpha'],
  mixed: ['8 ビット', 'Ctrl+Z', 'RGB色', 'GIMPの', 'Alt キー'],
  width: ['ＧＩＭＰ', 'ﾚｲﾔｰ', 'ＲＧＢ'],
  'multi-term': ['レイヤー マスク', '選択範囲 反転', 'ブラシ 筆圧 GIMP'],
};

function makeQueries(
  docs: SearchIndexDocument[],
  classes: Record<string, string[]>,
  randomCount: number,
): Query[] {
  const queries: Query[] = Object.entries(classes).flatMap(([cls, qs]) =>
    qs.map((q) => ({ cls, q })),
  );
  const paragraphs = docs
    .flatMap((d) => d.paragraphs.map((p) => p.text))
    .filter((t) => t.length > 0);
  const rand = rng(20230);
  for (let i = 0; i < randomCount; i++) {
    const text = paragraphs[Math.floor(rand() * paragraphs.length)]!;
    const start = Math.floor(rand() * text.length);
    const len = 1 + Math.floor(rand() * 10);
    const q = text.slice(start, start + len);
    if (parseQuery(q).length > 0) queries.push({ cls: 'random substring', q });
  }
  return queries;
}

function groundTruth(docs: SearchIndexDocument[], queries: Query[]): string[][] {
  const norm = docs.map((d) => ({
    id: d.id,
    title: normalizeText(d.title),
    paragraphs: d.paragraphs.map((p) => normalizeText(p.text)),
  }));
  return queries.map(({ q }) => {
    const terms = parseQuery(q);
    if (terms.length === 0) return [];
    return norm
      .filter((s) =>
        terms.every(
          (t) => containsTerm(s.title, t) || s.paragraphs.some((p) => containsTerm(p, t)),
        ),
      )
      .map((s) => s.id);
  });
}

// ---------- child processes ----------

/** Milliseconds of CPU time (user + system, every thread of the process) since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function child(mode: string, engine: Engine, dir: string, corpus: string): void {
  const docs = JSON.parse(
    readFileSync(path.join(dir, `${corpus}.docs.json`), 'utf8'),
  ) as SearchIndexDocument[];
  const file = path.join(dir, `${corpus}.${engine}.index`);
  if (mode === 'build') {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    buildEngine(engine, docs, file);
    const buildMs = performance.now() - t0;
    const buildCpuMs = cpuMs(c0);
    const copy = `${file}.copy`;
    const size = statSync(file).size + (existsSync(copy) ? statSync(copy).size : 0);
    process.stdout.write(JSON.stringify({ buildMs, buildCpuMs, size }));
    return;
  }
  const queries = JSON.parse(
    readFileSync(path.join(dir, `${corpus}.queries.json`), 'utf8'),
  ) as Query[];
  const lunrDocs = engine === 'lunr-ja' ? docs : [];
  docs.length = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const engineLoaded = loadEngine(engine, file, lunrDocs);
  const loadMs = performance.now() - t0;
  const loadCpuMs = cpuMs(c0);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  for (const { q } of queries) engineLoaded.search(q); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const results: string[][] = [];
  const errors: string[] = [];
  for (const { q } of queries) {
    const t = performance.now();
    const c = process.cpuUsage();
    let ids: string[] = [];
    try {
      ids = engineLoaded.search(q);
    } catch (err) {
      errors.push(`${q}: ${err instanceof Error ? err.message : String(err)}`);
    }
    times.push(performance.now() - t);
    cpuTimes.push(cpuMs(c));
    results.push(ids);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const longQuery = 'あ米国の'.repeat(2_500);
  const tl = performance.now();
  try {
    engineLoaded.search(longQuery);
  } catch {
    /* measured below as time only */
  }
  const longMs = performance.now() - tl;
  const sorted = [...times].sort((a, b) => a - b);
  const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
  const slowest = times
    .map((t, i) => ({ t, q: queries[i]!.q, n: results[i]!.length }))
    .sort((a, b) => b.t - a.t)
    .slice(0, 5);
  process.stderr.write(
    `    slowest: ${slowest.map((s) => `${JSON.stringify(s.q)} ${s.t.toFixed(1)} ms (${s.n} sections)`).join('; ')}\n`,
  );
  process.stdout.write(
    JSON.stringify({
      loadMs,
      loadCpuMs,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p50Cpu: percentile(sortedCpu, 50),
      p95Cpu: percentile(sortedCpu, 95),
      longMs,
      peakHeapMB: peakHeap / 1e6,
      maxRssMB: process.resourceUsage().maxRSS / 1e3,
      results,
      errors,
    }),
  );
}

function runChild(
  mode: string,
  engine: Engine,
  dir: string,
  corpus: string,
): Record<string, unknown> {
  const tsx = path.join(path.dirname(HERE), '..', '..', 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [HERE, '--child', mode, engine, dir, corpus], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
  });
  if (r.status !== 0) throw new Error(`${engine} ${mode} on ${corpus} failed: ${r.stderr}`);
  if (r.stderr.length > 0) process.stderr.write(r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

// ---------- report ----------

function fmt(n: number, digits = 1): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hakusho-bench-'));
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  // --engines=ours,fts5,scan: a subset while iterating (the peers' ratios need fts5 and scan).
  const enginesArg = process.argv.find((a) => a.startsWith('--engines='));
  const engines = enginesArg
    ? ENGINES.filter((e) => enginesArg.slice('--engines='.length).split(',').includes(e))
    : [...ENGINES];
  if (!engines.includes('fts5') || !engines.includes('scan'))
    throw new Error('--engines must include fts5 and scan (the ratios are to them)');
  try {
    const wanted = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));
    const corpora: [string, SearchIndexDocument[], Query[]][] = [];
    if (wanted('a-white-paper')) {
      const seed = seedSections();
      corpora.push(['a-white-paper', seed, makeQueries(seed, SEED_QUERIES, 100)]);
    }
    if (wanted('b-manpages-ja')) {
      ensureManpagesJa(log);
      const man = manpageSections();
      corpora.push(['b-manpages-ja', man, makeQueries(man, MAN_QUERIES, 200)]);
    }
    if (wanted('c-gimp-help-ja')) {
      ensureGimpHelpJa(log);
      const gimp = gimpHelpSections();
      corpora.push(['c-gimp-help-ja', gimp, makeQueries(gimp, GIMP_QUERIES, 200)]);
    }
    for (const [name, docs, queries] of corpora) {
      const chars = docs.reduce(
        (s, d) => s + d.paragraphs.reduce((a, p) => a + p.text.length, 0),
        0,
      );
      log(
        `\n== corpus ${name}: ${docs.length} sections, ${chars.toLocaleString('en')} characters, ${queries.length} queries`,
      );
      writeFileSync(path.join(dir, `${name}.docs.json`), JSON.stringify(docs));
      writeFileSync(path.join(dir, `${name}.queries.json`), JSON.stringify(queries));
      // Others share the machine: the load average goes with the figures.
      const loadBefore = os.loadavg()[0] as number;
      const truth = groundTruth(docs, queries);
      const rows: Record<string, Record<string, number>> = {};
      for (const engine of engines) {
        log(`  ${engine}: build…`);
        const b = runChild('build', engine, dir, name);
        log(`  ${engine}: load + ${queries.length} queries…`);
        const q = runChild('query', engine, dir, name);
        const results = q.results as string[][];
        let tp = 0;
        let fp = 0;
        let fn = 0;
        const missesByClass = new Map<string, number>();
        results.forEach((ids, i) => {
          const want = new Set(truth[i]);
          const got = new Set(ids);
          for (const id of got) {
            if (want.has(id)) tp++;
            else fp++;
          }
          for (const id of want) if (!got.has(id)) fn++;
          if ([...want].some((id) => !got.has(id))) {
            const cls = queries[i]!.cls;
            missesByClass.set(cls, (missesByClass.get(cls) ?? 0) + 1);
          }
        });
        const errors = q.errors as string[];
        if (errors.length > 0)
          log(`  ${engine}: ${errors.length} queries threw, e.g. ${errors[0]}`);
        if (missesByClass.size > 0)
          log(
            `  ${engine}: queries with misses by class: ${JSON.stringify(Object.fromEntries(missesByClass))}`,
          );
        rows[engine] = {
          recall: tp + fn === 0 ? 1 : tp / (tp + fn),
          precision: tp + fp === 0 ? 1 : tp / (tp + fp),
          buildMs: b.buildMs as number,
          sizeMB: (b.size as number) / 1e6,
          loadMs: q.loadMs as number,
          p50: q.p50 as number,
          p95: q.p95 as number,
          longMs: q.longMs as number,
          heapMB: q.peakHeapMB as number,
          rssMB: q.maxRssMB as number,
          buildCpuMs: b.buildCpuMs as number,
          loadCpuMs: q.loadCpuMs as number,
          p50Cpu: q.p50Cpu as number,
          p95Cpu: q.p95Cpu as number,
        };
      }
      const fts = rows.fts5!;
      const scan = rows.scan!;
      const header = [
        'engine',
        'recall',
        'precision',
        'build ms',
        'size MB',
        'load ms',
        'p50 ms',
        'p95 ms',
        '10k-char q ms',
        'peak heap MB',
        'max RSS MB',
        'p95 ×FTS5',
        'p95 ×scan',
        'build ×FTS5',
        'size ×FTS5',
        'heap ×FTS5',
      ];
      const lines = [header.join(' | ')];
      for (const engine of engines) {
        const r = rows[engine]!;
        lines.push(
          [
            engine,
            r.recall!.toFixed(3),
            r.precision!.toFixed(3),
            fmt(r.buildMs!),
            fmt(r.sizeMB!, 2),
            fmt(r.loadMs!),
            fmt(r.p50!, 2),
            fmt(r.p95!, 2),
            fmt(r.longMs!, 2),
            fmt(r.heapMB!),
            fmt(r.rssMB!),
            (r.p95! / fts.p95!).toFixed(2),
            (r.p95! / scan.p95!).toFixed(2),
            (r.buildMs! / fts.buildMs!).toFixed(2),
            (r.sizeMB! / fts.sizeMB!).toFixed(2),
            (r.heapMB! / fts.heapMB!).toFixed(2),
          ].join(' | '),
        );
      }
      // The same measures in CPU time of the process (all its threads): what the engine
      // itself spent, less sensitive to other jobs on the machine than wall time.
      const cpuHeader = [
        'engine',
        'build CPU ms',
        'load CPU ms',
        'p50 CPU ms',
        'p95 CPU ms',
        'p95 CPU ×FTS5',
        'p95 CPU ×scan',
      ];
      const cpuLines = engines.map((engine) => {
        const r = rows[engine]!;
        return [
          engine,
          fmt(r.buildCpuMs!),
          fmt(r.loadCpuMs!),
          fmt(r.p50Cpu!, 2),
          fmt(r.p95Cpu!, 2),
          (r.p95Cpu! / fts.p95Cpu!).toFixed(2),
          (r.p95Cpu! / scan.p95Cpu!).toFixed(2),
        ].join(' | ');
      });
      process.stdout.write(
        `\n### ${name} (${docs.length} sections, ${chars.toLocaleString('en')} chars, ${queries.length} queries; ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, Node ${process.version}; load average ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] as number).toFixed(1)})\n\n| ${lines[0]} |\n|${header.map(() => '---').join('|')}|\n${lines
          .slice(1)
          .map((l) => `| ${l} |`)
          .join(
            '\n',
          )}\n\n| ${cpuHeader.join(' | ')} |\n|${cpuHeader.map(() => '---').join('|')}|\n${cpuLines
          .map((l) => `| ${l} |`)
          .join('\n')}\n`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3]!, process.argv[4] as Engine, process.argv[5]!, process.argv[6]!);
} else {
  main();
}
