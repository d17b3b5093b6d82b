// Search across the whole document, on the real chapter: the document-wide hit list
// is exactly the concatenation of each section's own hits in reading order (each
// section searched by an index of its own), whatever the order and limit of the
// rows; the totals count everything; the list stops at its bound and says so; and
// every hit's snippet starts and ends at a clean place.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentHit } from '../../common/api/types';
import { makeSnippet } from '../../common/search/snippet';
import { ensureContentDb } from '../content/ensure';
import { openContentStore } from '../content/store';
import type { ContentStore } from '../content/store-types';
import { createSearchIndex } from './index';
import { createSearchService, type SearchService } from './service';

let dir: string;
let store: ContentStore;
let service: SearchService;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hakusho-hits-'));
  const dbPath = path.join(dir, 'content.sqlite');
  ensureContentDb({ dbPath, log: () => {} });
  store = openContentStore(dbPath);
  service = createSearchService(store);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const QUERIES = [
  '半導体',
  '米国',
  '関税',
  'IPEF',
  'カナダ',
  '経済 協力',
  '"Japan-U.S. Partnership"',
  'の',
  '2022年',
  'レモンド',
  'ニューヨーク',
  'サプライチェーン',
];

/** Each section searched alone (an index of that section only), in reading order. */
function perSectionHits(query: string): DocumentHit[] {
  return store.searchDocs().flatMap((doc) =>
    createSearchIndex([doc])
      .search(query)
      .flatMap((section) => section.hits.map((h) => ({ sectionId: doc.id, ...h }))),
  );
}

describe('the document-wide hit list', () => {
  it('半導体: seven hits in four sections, title hits first within a section', () => {
    const r = service.search('半導体', { order: 'document' });
    expect(r.totalHits).toBe(7);
    expect(r.totalSections).toBe(4);
    expect(r.hits).toHaveLength(7);
    expect(r.truncated).toBe(false);
    expect(new Set(r.hits.map((h) => h.sectionId)).size).toBe(4);
    expect(r.hits.map((h) => h.sectionId)).toEqual([
      'us-1',
      'us-1-2022-05',
      'us-1-2022-05',
      'us-1-2022-05',
      'us-1-2022-05',
      'us-3',
      'us-4',
    ]);
    // The May section's title holds 半導体 twice: those come before its paragraph's hits.
    expect(r.hits.slice(1, 5).map((h) => h.paragraphId)).toEqual([
      null,
      null,
      'us-1-2022-05.p1',
      'us-1-2022-05.p1',
    ]);
  });

  it.each(QUERIES)(
    '%s: equals the per-section hits in reading order, for both orders and any limit',
    (query) => {
      const want = perSectionHits(query);
      expect(want.length).toBeGreaterThan(0);
      for (const order of ['relevance', 'document'] as const) {
        for (const limit of [1, 3, 1000]) {
          const r = service.search(query, { order, limit });
          expect(r.hits).toEqual(want);
          expect(r.totalHits).toBe(want.length);
          expect(r.totalSections).toBe(new Set(want.map((h) => h.sectionId)).size);
          expect(r.results.length).toBe(Math.min(limit, r.totalSections));
          expect(r.order).toBe(order);
        }
      }
      // Document order lists the rows in reading order; both orders hold the same rows.
      const byDocument = service.search(query, { order: 'document', limit: 1000 }).results;
      const byRelevance = service.search(query, { order: 'relevance', limit: 1000 }).results;
      const rank = new Map(store.toc().map((e, i) => [e.id, i]));
      const ranks = byDocument.map((r) => rank.get(r.sectionId)!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(byRelevance.map((r) => r.sectionId).sort()).toEqual(
        byDocument.map((r) => r.sectionId).sort(),
      );
      // Each row's ranges are its section's part of the document-wide list.
      for (const row of byDocument)
        expect(row.ranges).toEqual(
          want
            .filter((h) => h.sectionId === row.sectionId)
            .map(({ paragraphId, start, end }) => ({ paragraphId, start, end })),
        );
    },
  );

  it('relevance puts sections with a title hit first', () => {
    const rows = service.search('カナダ', { order: 'relevance' }).results;
    const titleHit = rows.map((r) => r.ranges.some((h) => h.paragraphId === null));
    expect(titleHit[0]).toBe(true);
    expect(titleHit).toEqual([...titleHit].sort((a, b) => Number(b) - Number(a)));
  });

  it('stops at its bound and says so, the totals still counting every hit', () => {
    const all = service.search('の');
    expect(all.totalHits).toBeGreaterThan(100);
    const cut = service.search('の', { maxHits: 100 });
    expect(cut.truncated).toBe(true);
    expect(cut.hits).toEqual(all.hits.slice(0, 100));
    expect(cut.totalHits).toBe(all.totalHits);
    expect(cut.totalSections).toBe(all.totalSections);
  });

  it('reads the query as the terms it searched', () => {
    expect(service.search('米国　関税 "U.S. Partnership"').terms).toEqual([
      '米国',
      '関税',
      'u.s. partnership',
    ]);
    expect(service.search('  ').terms).toEqual([]);
    expect(service.search('  ').results).toEqual([]);
  });
});

describe('snippets of every hit', () => {
  const KATAKANA = /[\u30a1-\u30fa\u30fc\uff66-\uff9f]/;
  const LATIN = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]/;
  const HAN = /[\u4e00-\u9fff\u3005]/;
  const DIGIT = /[0-9０-９]/;
  /** What an independent reader would call a cut inside a word (or a bad start). */
  const badCut = (text: string, at: number): string | null => {
    if (at <= 0 || at >= text.length) return null;
    const a = text[at - 1] as string;
    const b = text[at] as string;
    if (KATAKANA.test(a) && KATAKANA.test(b)) return 'inside katakana';
    if (LATIN.test(a) && LATIN.test(b)) return 'inside a Latin word or number';
    if (HAN.test(a) && HAN.test(b)) return 'inside a kanji run';
    if (DIGIT.test(a) && HAN.test(b)) return 'between a number and its counter';
    if (/[、。，．」』）】〕]/.test(b)) return 'before closing punctuation';
    return null;
  };

  it.each(['半導体', '米国', 'ニューヨーク', '関税', 'IPEF', '投資'])(
    '%s: every snippet starts and ends at a clean place and shows its hit',
    (query) => {
      const { hits } = service.search(query);
      let checked = 0;
      for (const hit of hits) {
        if (hit.paragraphId === null) continue;
        const text = store.paragraph(hit.paragraphId)!.text;
        const s = makeSnippet(text, [[hit.start, hit.end]]);
        expect(badCut(text, s.from), `${hit.paragraphId}@${s.from}: ${s.text}`).toBeNull();
        expect(badCut(text, s.to), `${hit.paragraphId}@${s.to}: ${s.text}`).toBeNull();
        expect(s.from).toBeLessThanOrEqual(hit.start);
        expect(s.text.slice(...s.highlights[0]!)).toBe(text.slice(hit.start, hit.end));
        expect(s.text.replace(/^…|…$/g, '')).toBe(text.slice(s.from, s.to));
        expect(s.to - s.from).toBeLessThanOrEqual(70);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(0);
    },
  );

  it('the May section’s 半導体 no longer starts inside ニューヨーク', () => {
    const row = service
      .search('半導体', { order: 'document' })
      .results.find((r) => r.sectionId === 'us-1-2022-05')!;
    expect(row.snippet).not.toMatch(/^…ュ/);
    expect(row.snippet.startsWith('…ニューヨーク）')).toBe(true);
  });
});
