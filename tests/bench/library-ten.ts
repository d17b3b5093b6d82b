// Library benchmark, part 4: a library of ten 100-page documents, through the reader
// core and the contract as every host runs them (tests/bench/library.ts calls this).
//  - import: a 100-page Japanese PDF through importDocument (worker thread running the
//    bundled importer, then the commit), start to `done`, n runs;
//  - start-up: opening the core and answering getToc with an empty library beside the
//    same with ten documents (their indexes are not loaded: lazily, at first search);
//  - library-wide search (searchLibrary over the eleven documents) once every index is
//    loaded: p50/p95 over a fixed query set, beside the bundled chapter alone (search);
//  - memory: heap and RSS before and after the ten indexes are loaded.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  openProfile,
  importFile as importThroughContract,
} from '../../electron/core/testing/library-profile';

const QUERIES = [
  '米国',
  '半導体',
  '経済産業省',
  'カナダ',
  'サプライチェーン',
  '投資',
  'インド太平洋',
  '日米',
  '協力',
  'バイデン政権',
  '"日米通商協力枠組み"',
  'IRA',
  '脱炭素',
  '重要鉱物',
  '経済安全保障',
  'CHIPS',
  '輸出管理',
  '労働',
  'インフレ',
  '中国',
];

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
  };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
// A full collection before each reading, so the figures are what stays alive.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
function memory() {
  gc();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), rssMB: mb(m.rss) };
}

/** The same PDF as another file: a comment after %%EOF changes its hash, not its text. */
function copyOf(pdf: Uint8Array, n: number): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(`\n% library copy ${n}\n`)]));
}

async function timeStartup(userDataDir: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const p = openProfile(userDataDir);
    await p.call('getToc', {});
    await p.call('listBookmarks', {});
    times.push(performance.now() - t0);
    if (p.core.documents?.loadedIndexes()) throw new Error('an index was loaded at start-up');
    p.core.close();
  }
  return times;
}

export async function libraryOfTen(
  pdf: Uint8Array,
  workDir: string,
  workerFile: string,
  runs: number,
  log: (s: string) => void,
): Promise<Record<string, unknown>> {
  log(`\n== a library of ten 100-page documents (reader core, contract) ==`);
  log(
    `machine: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  rmSync(workDir, { recursive: true, force: true });
  const empty = path.join(workDir, 'empty');
  const ten = path.join(workDir, 'ten');
  mkdirSync(empty, { recursive: true });
  mkdirSync(ten, { recursive: true });

  // Import: the ten documents, the first `runs` of them timed one by one.
  const p = openProfile(ten, { workerFile });
  const importTimes: number[] = [];
  let pages = 0;
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    const status = await importThroughContract(
      p,
      `white-paper-${i + 1}.pdf`,
      { title: `白書 ${i + 1}`, asNewDocument: true },
      copyOf(pdf, i),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (status.state !== 'done') throw new Error(`import ${i + 1}: ${status.error?.message}`);
    pages = status.document?.pages ?? 0;
    if (i < runs) importTimes.push(seconds);
  }
  p.core.close();
  log(
    `import through the contract, ${pages} pages: ${importTimes.map((t) => t.toFixed(2)).join(', ')} s (${runs} runs)`,
  );

  // Start-up: an empty profile beside ten documents (alternating, 10 opens each after a warm-up).
  await timeStartup(empty, 1);
  await timeStartup(ten, 1);
  const startEmpty: number[] = [];
  const startTen: number[] = [];
  for (let r = 0; r < 10; r++) {
    startEmpty.push(...(await timeStartup(empty, 1)));
    startTen.push(...(await timeStartup(ten, 1)));
  }
  const se = stats(startEmpty);
  const st = stats(startTen);
  log(
    `start-up (open core + getToc + listBookmarks), ms p50/p95: empty library ${se.p50.toFixed(1)}/${se.p95.toFixed(1)} · ten documents ${st.p50.toFixed(1)}/${st.p95.toFixed(1)} (10 runs each; indexes loaded at start: 0)`,
  );

  // Search: first the cold library-wide search (every index loaded), then p95 once loaded.
  const q = openProfile(ten, { workerFile });
  const before = memory();
  const t0 = performance.now();
  const first = await q.call('searchLibrary', { query: '米国' });
  const cold = performance.now() - t0;
  const loaded = memory();
  const indexes = q.core.documents?.loadedIndexes() ?? 0;
  const libraryTimes: number[] = [];
  // CPU time of each search too: on 2 cores shared with other jobs, wall time is mostly waiting.
  const libraryCpu: number[] = [];
  const bundledTimes: number[] = [];
  let groups = 0;
  for (let r = 0; r < 5; r++)
    for (const query of QUERIES) {
      let t = performance.now();
      const cpu = process.cpuUsage();
      const res = await q.call('searchLibrary', { query });
      libraryTimes.push(performance.now() - t);
      const used = process.cpuUsage(cpu);
      libraryCpu.push((used.user + used.system) / 1000);
      groups = Math.max(groups, res.groups.length);
      t = performance.now();
      await q.call('search', { query });
      bundledTimes.push(performance.now() - t);
    }
  const after = memory();
  q.core.close();
  const ls = stats(libraryTimes);
  const lc = stats(libraryCpu);
  const bs = stats(bundledTimes);
  log(
    `first library-wide search (loads ${indexes} indexes): ${cold.toFixed(0)} ms; "米国" in ${first.groups.length} documents, ${first.totalHits} hits`,
  );
  log(
    `library-wide search once loaded, ms (${ls.n} searches, ${QUERIES.length} queries × 5): wall p50 ${ls.p50.toFixed(1)}, p95 ${ls.p95.toFixed(1)}, max ${ls.max.toFixed(1)}; CPU p50 ${lc.p50.toFixed(1)}, p95 ${lc.p95.toFixed(1)} · peer, the bundled chapter alone: wall p50 ${bs.p50.toFixed(1)}, p95 ${bs.p95.toFixed(1)}`,
  );
  log(
    `memory: before loading heap ${before.heapMB} MB, RSS ${before.rssMB} MB · ten indexes loaded heap ${loaded.heapMB} MB, RSS ${loaded.rssMB} MB · after the searches heap ${after.heapMB} MB, RSS ${after.rssMB} MB`,
  );
  return {
    pages,
    importSeconds: importTimes,
    startupMs: { empty: se, ten: st },
    firstLibrarySearchMs: cold,
    indexesLoaded: indexes,
    librarySearchMs: ls,
    librarySearchCpuMs: lc,
    bundledSearchMs: bs,
    maxGroups: groups,
    memory: { before, loaded, after },
    loadAverage: os.loadavg(),
  };
}
