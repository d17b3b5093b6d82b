import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../common/api/contract';
import { normalizeText } from '../../common/search/normalize';
import { ensureContentDb } from '../content/ensure';
import { openContentStore } from '../content/store';
import type { ContentStore } from '../content/store-types';
import { SEARCH_ARTIFACT, SEARCH_COPY_ARTIFACT } from './artifact';
import { SEARCH_INDEX_VERSION } from './index';
import { createSearchService } from './service';

let dir: string;
let store: ContentStore;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hakusho-search-'));
  const dbPath = path.join(dir, 'content.sqlite');
  ensureContentDb({ dbPath, log: () => {} });
  store = openContentStore(dbPath);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search service on the real content database', () => {
  it("stores Lunr's own JSON and the search copy as text, and loads them", () => {
    const stored = store.artifact(SEARCH_ARTIFACT)!;
    expect(stored.version).toBe(SEARCH_INDEX_VERSION);
    expect(typeof stored.body).toBe('string');
    const index = lunr.Index.load(JSON.parse(stored.body as string) as object);
    expect(index.query((q) => q.term('カナ', { usePipeline: true })).length).toBeGreaterThan(0);
    expect(typeof store.artifact(SEARCH_COPY_ARTIFACT)!.body).toBe('string');
    const service = createSearchService(store);
    expect(service.index.sectionCount).toBe(store.searchDocs().length);
    expect(JSON.stringify(service.index.lunr)).toBe(stored.body);
  });
  it('loads the index stored with the content and answers with API items', () => {
    const { results } = createSearchService(store).search('強靭');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.kind).toBe('text');
      expect(r.path.at(-1)).toBe(r.title);
      expect(r.snippet.length).toBeLessThanOrEqual(82);
      for (const [s, e] of r.highlights) expect(['強靭', '強靱']).toContain(r.snippet.slice(s, e));
      expect(r.hits).toBe(r.ranges.length);
      for (const h of r.ranges) {
        const text = h.paragraphId ? store.paragraph(h.paragraphId)!.text : r.title;
        expect(normalizeText(text.slice(h.start, h.end))).toBe(normalizeText('強靭'));
      }
      expect(r.paragraphId).toBe(r.ranges.find((h) => h.paragraphId !== null)?.paragraphId ?? null);
    }
  });
  it('reads a row’s paragraph once for successive answers (the snippets the same)', () => {
    const reads: string[] = [];
    const counting: ContentStore = {
      ...store,
      paragraph: (id) => (reads.push(id), store.paragraph(id)),
    };
    const service = createSearchService(counting);
    const first = service.search('米国');
    const rows = first.results.filter((r) => r.paragraphId !== null).length;
    expect(rows).toBeGreaterThan(3);
    expect(reads.length).toBeLessThanOrEqual(rows);
    reads.length = 0;
    const typed = service.search('米国の');
    const before = new Set(first.results.map((r) => r.paragraphId));
    const fresh = typed.results.filter((r) => r.paragraphId && !before.has(r.paragraphId));
    expect(reads.length).toBe(fresh.length);
    // The same answer as a service that never read anything before.
    expect(typed).toEqual(createSearchService(store).search('米国の'));
  });
  it('finds every section of the real outline that contains a term, and nothing else', () => {
    const service = createSearchService(store);
    for (const q of [
      '米国',
      '関税',
      'IPEF',
      'カナダ',
      '経済版「2+2」',
      '2022年5月',
      'イノベーション',
      '"Japan-U.S. Partnership"',
    ]) {
      const want = store
        .searchDocs()
        .filter(
          (d) =>
            normalizeText(d.title).includes(normalizeText(q.replace(/"/g, ''))) ||
            d.paragraphs.some((p) =>
              normalizeText(p.text).includes(normalizeText(q.replace(/"/g, ''))),
            ),
        )
        .map((d) => d.id)
        .sort();
      expect(want.length).toBeGreaterThan(0);
      expect(
        service
          .search(q, { limit: 1000 })
          .results.map((r) => r.sectionId)
          .sort(),
      ).toEqual(want);
    }
  });
  it('puts title hits first and respects the limit', () => {
    const { results } = createSearchService(store).search('カナダ');
    expect(results[0]!.title).toContain('カナダ');
    expect(createSearchService(store).search('米', { limit: 3 }).results).toHaveLength(3);
  });
  it('refuses a missing or mismatched index with a clear message', () => {
    const wrap = (artifact: ContentStore['artifact']): ContentStore =>
      Object.assign(Object.create(store) as ContentStore, { artifact, path: store.path });
    const stored = store.artifact(SEARCH_ARTIFACT)!;
    expect(() => createSearchService(wrap(() => null))).toThrow(ApiError);
    expect(() => createSearchService(wrap(() => null))).toThrow(/no search index.*build:content/);
    expect(() =>
      createSearchService(wrap(() => ({ version: 'hakusho-search-0/old', body: stored.body }))),
    ).toThrow(/built by hakusho-search-0\/old.*needs/);
    // the copy missing, or the previous binary index (a BLOB) under the current version
    expect(() =>
      createSearchService(wrap((name) => (name === SEARCH_ARTIFACT ? stored : null))),
    ).toThrow(/no search index \(search-copy\)/);
    expect(() =>
      createSearchService(
        wrap((name) =>
          name === SEARCH_ARTIFACT
            ? { ...stored, body: new Uint8Array([1, 2, 3]) }
            : store.artifact(name),
        ),
      ),
    ).toThrow(/not text.*build:content/);
    expect(() =>
      createSearchService(
        wrap((name) =>
          name === SEARCH_ARTIFACT ? { ...stored, body: '{"version"' } : store.artifact(name),
        ),
      ),
    ).toThrow(/damaged.*build:content/);
  });
  it('rebuilds a content database that holds the previous binary index', () => {
    const old = path.join(dir, 'old.sqlite');
    const previous = {
      name: SEARCH_ARTIFACT,
      version: 'hakusho-search-2/ja-ngram-1',
      build: () => ({
        name: SEARCH_ARTIFACT,
        version: 'hakusho-search-2/ja-ngram-1',
        body: new Uint8Array([0x48, 0x53, 0x49, 0x58]),
      }),
    };
    ensureContentDb({ dbPath: old, log: () => {}, builders: [previous] });
    const lines: string[] = [];
    expect(ensureContentDb({ dbPath: old, log: (l) => lines.push(l) })).toMatchObject({
      rebuilt: true,
      reason: 'artifact set changed',
    });
    const rebuilt = openContentStore(old);
    try {
      expect(rebuilt.artifact(SEARCH_ARTIFACT)!.version).toBe(SEARCH_INDEX_VERSION);
      expect(createSearchService(rebuilt).search('カナダ').results.length).toBeGreaterThan(0);
    } finally {
      rebuilt.close();
    }
  });
});
