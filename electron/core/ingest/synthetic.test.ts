// The synthetic long document: the chapter N times through the real build, ids
// suffixed per copy, deterministic, with a working search index (every query finds
// N times the chapter's hits), rebuilt only when stale, and served by the browser
// edition like any content database (`--content FILE`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentInputs } from '../content/inputs';
import { ensureContentDb } from '../content/ensure';
import { openContentStore } from '../content/store';
import { repoRoot } from '../paths';
import { createSearchService } from '../search/service';
import {
  buildSyntheticContentDb,
  copyId,
  ensureSyntheticContentDb,
  syntheticStaleReason,
} from './synthetic';

const COPIES = 3;
let dir: string;
let chapterDb: string;
let syntheticDb: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-synthetic-'));
  chapterDb = path.join(dir, 'content.sqlite');
  syntheticDb = path.join(dir, 'content-3x.sqlite');
  ensureContentDb({ dbPath: chapterDb, log: () => {} });
  buildSyntheticContentDb({ inputs: defaultContentInputs(), dbPath: syntheticDb, copies: COPIES });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the synthetic long document', () => {
  it('suffixes every id by its copy', () => {
    expect(copyId('us-1', 42)).toBe('us-1--r42');
    expect(copyId('us-1.p3', 42)).toBe('us-1--r42.p3');
  });

  it('is the chapter N times over, in one reading order, copies told apart in the outline', () => {
    const chapter = openContentStore(chapterDb);
    const synthetic = openContentStore(syntheticDb);
    try {
      const toc = chapter.toc();
      const long = synthetic.toc();
      expect(long).toHaveLength(toc.length * COPIES);
      for (let r = 1; r <= COPIES; r++) {
        toc.forEach((entry, i) => {
          const copy = long[(r - 1) * toc.length + i]!;
          expect(copy).toEqual({
            ...entry,
            id: copyId(entry.id, r),
            parent: entry.parent === null ? null : copyId(entry.parent, r),
            title: entry.parent === null ? `${entry.title}〔${r}〕` : entry.title,
          });
        });
      }
      const section = synthetic.section('us-1--r2');
      expect(section.paragraphs.map((p) => p.id)).toEqual(
        chapter.section('us-1').paragraphs.map((p) => copyId(p.id, 2)),
      );
      expect(section.paragraphs.map((p) => p.text)).toEqual(
        chapter.section('us-1').paragraphs.map((p) => p.text),
      );
      expect(synthetic.section('canada--r1').next).toBe('us--r2');
      expect(synthetic.document()).toMatchObject({
        id: 'meti-white-paper-2023-us-canada-x3',
        attribution: chapter.document().attribution,
      });
    } finally {
      chapter.close();
      synthetic.close();
    }
  });

  it('has a search index that finds N times the chapter’s hits, in document order', () => {
    const chapter = openContentStore(chapterDb);
    const synthetic = openContentStore(syntheticDb);
    try {
      const one = createSearchService(chapter);
      const many = createSearchService(synthetic);
      for (const query of ['半導体', 'カナダ', 'IPEF', '経済 協力']) {
        const a = one.search(query);
        const b = many.search(query, { order: 'document' });
        expect(b.totalSections).toBe(a.totalSections * COPIES);
        // Titles of the top headings gained 〔r〕: count only paragraph hits.
        const inText = (hits: { paragraphId: string | null }[]) =>
          hits.filter((h) => h.paragraphId !== null).length;
        expect(inText(b.hits)).toBe(inText(a.hits) * COPIES);
        expect(b.hits.slice(0, a.hits.length).map((h) => h.sectionId)).toEqual(
          a.hits.map((h) => copyId(h.sectionId, 1)),
        );
      }
      expect(many.search('半導体').totalHits).toBe(7 * COPIES);
    } finally {
      chapter.close();
      synthetic.close();
    }
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    const again = path.join(dir, 'again.sqlite');
    const a = buildSyntheticContentDb({
      inputs: defaultContentInputs(),
      dbPath: again,
      copies: COPIES,
    });
    expect(a.dbSha256).toBe(
      buildSyntheticContentDb({ inputs: defaultContentInputs(), dbPath: again, copies: COPIES })
        .dbSha256,
    );
    expect(fs.readFileSync(again).equals(fs.readFileSync(syntheticDb))).toBe(true);
  });

  it('is built again only when missing, of another size, or stale', () => {
    const target = path.join(dir, 'ensured.sqlite');
    const inputs = defaultContentInputs();
    expect(syntheticStaleReason(target, inputs, 2)).toBe('missing');
    expect(ensureSyntheticContentDb({ inputs, dbPath: target, copies: 2 }).rebuilt).toBe(true);
    expect(syntheticStaleReason(target, inputs, 2)).toBeNull();
    expect(ensureSyntheticContentDb({ inputs, dbPath: target, copies: 2 }).rebuilt).toBe(false);
    expect(syntheticStaleReason(target, inputs, 3)).toBe('number of copies changed');
    // The chapter's own database is not a synthetic one.
    expect(syntheticStaleReason(chapterDb, inputs, 1)).toBe('number of copies changed');
    expect(() =>
      buildSyntheticContentDb({ inputs, dbPath: path.join(dir, 'x.sqlite'), copies: 0 }),
    ).toThrow(/copies must be/);
    expect(fs.existsSync(path.join(dir, 'x.sqlite'))).toBe(false);
  });

  it('is served by the browser edition with --content FILE', async () => {
    const rendererDir = path.join(dir, 'dist');
    fs.mkdirSync(rendererDir, { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>白書</title>');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(repoRoot(), 'electron', 'serve', 'main.ts'),
        '--content',
        syntheticDb,
        '--renderer',
        rendererDir,
        '--user-data',
        path.join(dir, 'user'),
      ],
      { cwd: repoRoot(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        void exited.then((code) => reject(new Error(`serve exited ${code}: ${err}`)));
      });
      // The printed URL's token, sent as the page sends it (no cookie).
      const token = new URL(url).searchParams.get('token') ?? '';
      const call = async (method: string, args: unknown) => {
        const reply = await fetch(`${new URL(url).origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        });
        return ((await reply.json()) as { result: unknown }).result;
      };
      expect(await call('getToc', {})).toHaveLength(12 * COPIES);
      expect(await call('search', { query: '半導体' })).toMatchObject({
        totalHits: 7 * COPIES,
        totalSections: 4 * COPIES,
      });
      expect(await call('getSection', { id: 'us-4--r3' })).toMatchObject({ id: 'us-4--r3' });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
