import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import lunr from 'lunr';
import { containsTerm, findOccurrences } from '../../common/search/match';
import { DisplayMapper, normalizeForSearch, normalizeText } from '../../common/search/normalize';
import { parseQuery } from '../../common/search/query';
import { indexGrams } from '../../common/search/tokenizer';
import {
  clauseGrams,
  createSearchIndex,
  loadSearchIndex,
  MAX_QUERY_GRAMS,
  SEARCH_INDEX_VERSION,
  SearchIndexError,
  type SearchIndexDocument,
} from './index';
import { SPREAD, spreadTerm } from './lunr-ja';
import { seedSections } from '../testing/seed-sections';

const docs = seedSections();
const index = createSearchIndex(docs);
const paragraphText = new Map(docs.flatMap((d) => d.paragraphs.map((p) => [p.id, p.text])));
const titleOf = new Map(docs.map((d) => [d.id, d.title]));

/** Ground truth: sections where every term occurs in the title or within one paragraph. */
function expected(query: string, sections: SearchIndexDocument[] = docs): string[] {
  const terms = parseQuery(query);
  if (terms.length === 0) return [];
  return sections
    .filter((s) =>
      terms.every(
        (t) =>
          containsTerm(normalizeText(s.title), t) ||
          s.paragraphs.some((p) => containsTerm(normalizeText(p.text), t)),
      ),
    )
    .map((s) => s.id)
    .sort();
}
const found = (query: string) => index.search(query).map((h) => h.id);
/** Display text under every hit of a query. */
function hitTexts(query: string): string[] {
  return index
    .search(query)
    .flatMap((s) =>
      s.hits.map((h) =>
        (h.paragraphId === null ? titleOf.get(s.id) : paragraphText.get(h.paragraphId))!.slice(
          h.start,
          h.end,
        ),
      ),
    );
}

describe('query classes on the seed (exact against ground truth)', () => {
  const cases: [string, string][] = [
    ['2-char kanji', '米国'],
    ['2-char kanji', '関税'],
    ['1 character', '米'],
    ['longer kanji', '経済産業大臣'],
    ['katakana', 'サプライチェーン'],
    ['kanji+kana', '半導体協力基本原則'],
    ['Latin acronym', 'IPEF'],
    ['Latin prefix', 'Partner'],
    ['mixed', '2022年5月'],
    ['mixed', '232条'],
    ['width variant', 'ＩＰＥＦ'],
    ['width variant', '２０２２年'],
    ['PDF-spaced', '経 済 産 業'],
    ['line-broken', 'サプライチェーン強靱化'],
    ['variant kanji', '強靭'],
    ['long vowel', 'イノベーション'],
    ['multi-term', '米国 半導体'],
    ['multi-term full-width space', '日米\u3000IPEF'],
    ['phrase', '"Japan-U.S. Partnership"'],
  ];
  for (const [kind, q] of cases) {
    it(`${kind}: ${q}`, () => {
      const want = expected(q);
      expect(want.length).toBeGreaterThan(0);
      expect(found(q).sort()).toEqual(want);
    });
  }
  it('highlights the right display characters', () => {
    expect(new Set(hitTexts('経済産業大臣'))).toEqual(
      new Set(['経済産業大臣', '経 済 産 業 大 臣']),
    );
    expect(new Set(hitTexts('イノベーション'))).toContain('イノベ―ション');
    const plus = hitTexts('２＋２');
    expect(plus).toContain('2 ＋ 2');
    expect(plus).toContain('２＋２');
    expect(plus.every((t) => normalizeText(t) === '2+2')).toBe(true);
    expect(new Set(hitTexts('強靭'))).toEqual(new Set(['強靭', '強靱']));
    expect(hitTexts('"Japan-U.S. Partnership"')).toContain('Japan-U.S.\uFFFDPartnership');
  });
  it('never matches inside a Latin word or across paragraphs', () => {
    expect(found('PEF')).toEqual([]);
    // last characters of one paragraph + first of the next in the same section
    const s = docs.find((d) => d.paragraphs.length >= 2)!;
    const a = normalizeText(s.paragraphs[0]!.text);
    const b = normalizeText(s.paragraphs[1]!.text);
    const across = a.slice(-3) + b.slice(0, 3);
    expect(found(across)).toEqual(expected(across));
    expect(found(across)).not.toContain(s.id);
  });
});

describe('literal user text', () => {
  it('never throws and treats Lunr syntax literally', () => {
    for (const q of [
      '経済版「2+2」',
      'U.S.',
      '232条:',
      '*',
      '~1',
      '^',
      '-',
      'title:米国',
      '+米国 -関税',
      '\\',
      '"',
      '米国^10',
    ]) {
      expect(() => index.search(q)).not.toThrow();
      expect(found(q).sort()).toEqual(expected(q));
    }
    expect(found('経済版「2+2」').length).toBeGreaterThan(0);
    expect(found('U.S.').length).toBeGreaterThan(0);
  });
  it('returns nothing for an empty query and bounded work for 10,000 characters', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    const long = docs
      .map((d) => d.paragraphs.map((p) => p.text).join(''))
      .join('')
      .slice(0, 10_000);
    expect(index.search(long)).toEqual([]);
    const para = docs[6]!.paragraphs[1]!.text;
    expect(found(para)).toContain(docs[6]!.id);
    expect(() => index.search('米 '.repeat(5_000))).not.toThrow();
  });
});

describe('ranking', () => {
  it('puts title hits first, then Lunr score', () => {
    const hits = index.search('半導体');
    const firstNonTitle = hits.findIndex((h) => !h.titleHit);
    expect(hits[0]!.titleHit).toBe(true);
    expect(hits.slice(firstNonTitle).every((h) => !h.titleHit)).toBe(true);
    const rest = hits.slice(firstNonTitle);
    for (let i = 1; i < rest.length; i++)
      expect(rest[i - 1]!.score).toBeGreaterThanOrEqual(rest[i]!.score);
  });
  it("scores are Lunr's: a plain lunr.Builder index of the same grams gives the same scores", () => {
    const builder = new lunr.Builder();
    builder.pipeline.reset();
    builder.searchPipeline.reset();
    builder.ref('ref');
    builder.field('title');
    builder.field('body');
    builder.tokenizer = ((texts: string[]) => {
      const grams: string[] = [];
      for (const t of texts) indexGrams(t, grams);
      return grams;
    }) as unknown as typeof lunr.tokenizer;
    docs.forEach((d) =>
      builder.add({
        ref: d.id,
        title: [normalizeText(d.title)],
        body: d.paragraphs.map((p) => normalizeText(p.text)),
      }),
    );
    const reference = builder.build();
    const queries = ['米国', '経済産業大臣', 'IPEF 交渉', '半導体', '米', '米国 米', '"on Trade"'];
    const paragraphs = docs.flatMap((d) => d.paragraphs.map((p) => p.text));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paragraphs.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 8 }),
        (p, offset, length) => {
          const text = paragraphs[p]!;
          queries.push(text.slice(offset % text.length, (offset % text.length) + length));
        },
      ),
      { numRuns: 60 },
    );
    let compared = 0;
    for (const q of queries) {
      const grams = clauseGrams(parseQuery(q));
      const theirs = new Map(
        reference
          .query((query) => {
            for (const g of grams)
              query.term(g, {
                usePipeline: false,
                wildcard: lunr.Query.wildcard.NONE,
                presence: lunr.Query.presence.REQUIRED,
              });
          })
          .map((r) => [r.ref, r.score]),
      );
      for (const hit of index.search(q)) {
        expect(hit.score).toBe(theirs.get(hit.id));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
  it('orders sections without a title hit by Lunr score, ties in reading order', () => {
    const order = new Map(docs.map((d, k) => [d.id, k]));
    for (const q of ['米国', '米', '関税', 'の', '協力']) {
      const rest = index.search(q).filter((h) => !h.titleHit);
      for (let i = 1; i < rest.length; i++) {
        const [a, b] = [rest[i - 1]!, rest[i]!];
        expect(
          a.score > b.score || (a.score === b.score && order.get(a.id)! < order.get(b.id)!),
        ).toBe(true);
      }
    }
  });
  it('honours the limit', () => {
    expect(index.search('米', { limit: 2 })).toHaveLength(2);
    expect(index.search('米', { limit: 2 })).toEqual(index.search('米').slice(0, 2));
    expect(index.search('米', { limit: 0 })).toEqual([]);
  });
});

describe('Lunr queries', () => {
  it("asks Lunr for each term's bigrams (or its one character), at most MAX_QUERY_GRAMS", () => {
    expect(clauseGrams(parseQuery('米国人 米'))).toEqual(['米国', '米', '国人']);
    const many = parseQuery(Array.from({ length: 200 }, (_, k) => `語${k}`).join(' '));
    const grams = clauseGrams(many);
    expect(grams).toHaveLength(MAX_QUERY_GRAMS);
    // every term is still checked exactly
    expect(
      index.search(Array.from({ length: 100 }, () => '米').join('') + ' 存在しない語'),
    ).toEqual([]);
  });
  it('keeps `*` literal: Lunr sees a private-use character, never a wildcard', () => {
    const small = createSearchIndex([
      { id: 'star', title: '', paragraphs: [{ id: 's1', text: '注*印' }] },
      { id: 'plain', title: '', paragraphs: [{ id: 'p1', text: '注意 注目 印刷' }] },
    ]);
    expect(small.search('注*').map((h) => h.id)).toEqual(['star']);
    expect(small.search('*').map((h) => h.id)).toEqual(['star']);
    // Lunr itself: a clause "*" matches the one indexed term U+E02A, not every term
    const candidates = small.lunr.query((q) =>
      q.term('*', { presence: lunr.Query.presence.REQUIRED, usePipeline: true }),
    );
    expect(candidates.map((r) => r.ref)).toEqual(['0']);
    const stored = JSON.parse(small.serialize().lunr) as { invertedIndex: [string, unknown][] };
    expect(stored.invertedIndex.some(([term]) => term.includes('*'))).toBe(false);
    expect(stored.invertedIndex.some(([term]) => term === spreadTerm('\uE02A'))).toBe(true);
  });
  it('spreads the token set: the root has at most SPREAD edges, the terms and postings are kept', () => {
    const tokenSet = (index.lunr as unknown as { tokenSet: { edges: Record<string, unknown> } })
      .tokenSet;
    expect(Object.keys(tokenSet.edges).length).toBeLessThanOrEqual(SPREAD);
    const stored = JSON.parse(index.serialize().lunr) as { invertedIndex: [string, unknown][] };
    const terms = stored.invertedIndex.map(([term]) => term);
    expect(terms).toContain(spreadTerm('米国'));
    expect(terms.every((t) => t.charCodeAt(0) >= 0xe100 && t.charCodeAt(0) < 0xe100 + SPREAD)).toBe(
      true,
    );
  });
});

describe('serialization (Lunr round trip)', () => {
  const queries = [
    '米国',
    '米',
    'IPEF',
    '経済版「2+2」',
    '強靱',
    '米国 半導体',
    '"on Trade"',
    'なし',
    '*',
    '__proto__',
  ];
  it('a reloaded index answers exactly as the built one, also serialized twice', () => {
    const once = loadSearchIndex(index.serialize());
    const twice = loadSearchIndex(JSON.stringify(once));
    for (const reloaded of [once, twice]) {
      for (const q of queries) expect(reloaded.search(q)).toEqual(index.search(q));
      expect(JSON.stringify(reloaded.lunr)).toBe(JSON.stringify(index.lunr));
    }
    // Lunr's own answers too (its serialization test): the same refs, scores and match data
    const grams = ['米国', '関税', '米'];
    const ask = (idx: lunr.Index) =>
      idx.query((q) => {
        for (const g of grams) q.term(g, { usePipeline: true });
      });
    expect(ask(once.lunr)).toEqual(ask(index.lunr));
  });
  it("stores Lunr's own JSON, which lunr.Index.load reads", () => {
    const stored = index.serialize();
    const json = JSON.parse(stored.lunr) as {
      version: string;
      fields: string[];
      pipeline: string[];
    };
    expect(json.version).toBe(lunr.version);
    expect(json.fields).toEqual(['title', 'body']);
    expect(json.pipeline).toEqual(['hakusho-literal', 'hakusho-spread']);
    expect(lunr.Index.load(json)).toBeInstanceOf(lunr.Index);
  });
  it('is deterministic', () => {
    expect(createSearchIndex(docs).serialize()).toEqual(index.serialize());
  });
  it('survives words that are Object properties (__proto__, constructor)', () => {
    const tricky = createSearchIndex([
      { id: 'js', title: 'constructor', paragraphs: [{ id: 'j1', text: 'a __proto__ property' }] },
      { id: 'other', title: 'toString', paragraphs: [{ id: 'o1', text: 'hasOwnProperty' }] },
    ]);
    const again = loadSearchIndex(JSON.stringify(loadSearchIndex(tricky.serialize())));
    for (const q of ['__proto__', 'constructor', 'toString', 'proto', 'property']) {
      expect(again.search(q)).toEqual(tricky.search(q));
    }
    expect(again.search('__proto__').map((h) => h.id)).toEqual(['js']);
    expect(again.search('property').map((h) => h.id)).toEqual(['js']);
  });
  it('refuses indexes of another version, and damaged ones, with a clear message', () => {
    const stored = index.serialize();
    const other = { ...stored, version: 'hakusho-search-0/ja-ngram-0' };
    expect(() => loadSearchIndex(other)).toThrow(SearchIndexError);
    expect(() => loadSearchIndex(other)).toThrow(/built by hakusho-search-0.*needs .*rebuild/);
    expect(() => loadSearchIndex('{')).toThrow(SearchIndexError);
    expect(() => loadSearchIndex({ ...stored, lunr: stored.lunr.slice(0, -100) })).toThrow(
      /damaged .*build:content/,
    );
    const middle = stored.lunr.length >> 1;
    expect(() =>
      loadSearchIndex({
        ...stored,
        lunr: stored.lunr.slice(0, middle) + '\u0000' + stored.lunr.slice(middle + 1),
      }),
    ).toThrow(SearchIndexError);
    expect(() => loadSearchIndex({ ...stored, copy: stored.copy.slice(0, -10) })).toThrow(
      /search copy is damaged/,
    );
    expect(() =>
      loadSearchIndex({ ...stored, copy: stored.copy.replace(SEARCH_INDEX_VERSION, 'old') }),
    ).toThrow(/built by old/);
    const fewer = createSearchIndex(docs.slice(0, 2)).serialize();
    expect(() => loadSearchIndex({ ...stored, copy: fewer.copy })).toThrow(
      /not in the search copy/,
    );
    expect(() => loadSearchIndex({ ...stored, lunr: '{"version":"2.3.9"}' })).toThrow(
      SearchIndexError,
    );
    expect(() => loadSearchIndex({ ...stored, lunr: '[]' })).toThrow(SearchIndexError);
    // a section the copy has and Lunr lacks could never be found
    const more = createSearchIndex([...docs, { id: 'extra', title: '追加', paragraphs: [] }]);
    expect(() => loadSearchIndex({ ...stored, copy: more.serialize().copy })).toThrow(
      /not indexed/,
    );
    // a posting for a document Lunr has no vector for: the query says so instead of crashing
    const lunrJson = JSON.parse(stored.lunr) as {
      invertedIndex: [string, { body: Record<string, object> }][];
    };
    for (const [, posting] of lunrJson.invertedIndex) posting.body['999'] = {};
    const broken = loadSearchIndex({ ...stored, lunr: JSON.stringify(lunrJson) });
    expect(() => broken.search('米国')).toThrow(/damaged.*build:content/);
    expect(SEARCH_INDEX_VERSION).toMatch(/lunr-2\.3\.9\/ja-ngram/);
  });
  it('indexes any documents, including none', () => {
    const empty = createSearchIndex([]);
    expect(empty.search('米国')).toEqual([]);
    expect(loadSearchIndex(JSON.stringify(empty)).search('米国')).toEqual([]);
  });
});

describe('positional matching on small documents', () => {
  const small = createSearchIndex([
    {
      id: 'a',
      title: 'ああ見出し',
      paragraphs: [
        { id: 'a1', text: 'あああ ああ' },
        { id: 'a2', text: 'on trade, on\ntrade; ontrade 𠮷野家 𠮷' },
      ],
    },
    {
      id: 'b',
      title: '',
      paragraphs: [
        { id: 'b1', text: 'on' },
        { id: 'b2', text: 'trade' },
      ],
    },
    { id: 'c', title: 'IPEF', paragraphs: [{ id: 'c1', text: 'xipef ipefs (IPEF)' }] },
  ]);
  const hits = (q: string) =>
    small.search(q).map((s) => [s.id, s.hits.map((h) => [h.paragraphId, h.start, h.end])]);
  it('counts non-overlapping occurrences, title first, like indexOf', () => {
    expect(hits('ああ')).toEqual([
      [
        'a',
        [
          [null, 0, 2],
          ['a1', 0, 2],
          ['a1', 2, 5], // across the space the normalization removed (あああああ)
        ],
      ],
    ]);
  });
  it('matches phrases across spaces and line breaks, never across paragraphs', () => {
    expect(hits('"on trade"')).toEqual([
      [
        'a',
        [
          ['a2', 0, 8],
          ['a2', 10, 18],
        ],
      ],
    ]);
  });
  it('checks Latin word starts on the stored text', () => {
    expect(hits('ipef')).toEqual([
      [
        'c',
        [
          [null, 0, 4],
          ['c1', 6, 10],
          ['c1', 13, 17],
        ],
      ],
    ]);
  });
  it('maps merged hits whose ends go back across removed spaces', () => {
    const spaced = createSearchIndex([
      { id: 's', title: '', paragraphs: [{ id: 'p', text: '経 済 産 業 と 産 業' }] },
    ]);
    const got = spaced.search('経済産業 済 業').map((h) => h.hits);
    expect(got).toEqual([
      [
        { paragraphId: 'p', start: 0, end: 7 },
        { paragraphId: 'p', start: 2, end: 3 },
        { paragraphId: 'p', start: 6, end: 7 },
        { paragraphId: 'p', start: 12, end: 13 },
      ],
    ]);
  });
  it('handles characters outside the BMP and merges terms by position', () => {
    expect(hits('𠮷')).toEqual([
      [
        'a',
        [
          ['a2', 28, 30],
          ['a2', 33, 35],
        ],
      ],
    ]);
    expect(hits('野家 𠮷野')).toEqual([
      [
        'a',
        [
          ['a2', 28, 31],
          ['a2', 30, 32],
        ],
      ],
    ]);
  });
});

describe('property: random substrings of the seed', () => {
  const paragraphs = docs.flatMap((d) => d.paragraphs.map((p) => p.text));
  it('finds exactly the sections whose normalized paragraphs contain them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paragraphs.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        (p, offset, length) => {
          const text = paragraphs[p]!;
          const start = offset % text.length;
          const q = text.slice(start, start + length);
          expect(found(q).sort()).toEqual(expected(q));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('maps every hit to the display offsets DisplayMapper gives, in reading order', () => {
    // Reference: each unit normalized on its own, each term found with indexOf, hits
    // merged by normalized position (ties: term order), mapped by DisplayMapper.
    const reference = (section: SearchIndexDocument, q: string) => {
      const terms = parseQuery(q);
      const units: [string | null, string][] = [
        [null, section.title],
        ...section.paragraphs.map((p): [string, string] => [p.id, p.text]),
      ];
      return units.flatMap(([id, display]) => {
        const { text, edits } = normalizeForSearch(display);
        const mapper = new DisplayMapper(edits);
        const found = terms.flatMap((term, t) => {
          const pairs = findOccurrences(text, term);
          return pairs.flatMap((at, i) => (i % 2 === 0 ? [[at, t, pairs[i + 1]!]] : []));
        });
        found.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
        return found.map(([at, , end]) => {
          const start = mapper.start(at!);
          return { paragraphId: id, start, end: Math.max(start, mapper.end(end!)) };
        });
      });
    };
    const byId = new Map(docs.map((d) => [d.id, d]));
    const piece = fc
      .tuple(
        fc.integer({ min: 0, max: paragraphs.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
      )
      .map(([p, offset, length]) => {
        const text = paragraphs[p]!;
        const start = offset % text.length;
        return text.slice(start, start + length).replace(/["“”]/g, '');
      });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 3 }), (pieces) => {
        const q = pieces.join(' ');
        for (const hit of index.search(q)) {
          expect(hit.hits).toEqual(reference(byId.get(hit.id)!, q));
        }
      }),
      { numRuns: 200 },
    );
  });
});
