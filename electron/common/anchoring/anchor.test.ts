import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassage, MAX_PATTERN_LENGTH } from './anchor';
import { SEED_PARAGRAPHS } from '../../../tests/fixtures/seed-slices';
import {
  AnchorRangeError,
  CONTEXT_LENGTH,
  describePassage,
  sectionText,
  type AnchorParagraph,
} from './selectors';

const paragraphs: AnchorParagraph[] = SEED_PARAGRAPHS.map((text, i) => ({ id: `p${i + 1}`, text }));
const withText = (edit: (texts: string[]) => string[]): AnchorParagraph[] =>
  edit(paragraphs.map((p) => p.text)).map((text, i) => ({ id: `p${i + 1}`, text }));

/** The text a result now points at. */
function textAt(ps: AnchorParagraph[], start?: number, end?: number): string {
  return sectionText(ps).text.slice(start, end);
}

function rangeOf(pIndex: number, phrase: string, nth = 0) {
  const text = (paragraphs[pIndex] as AnchorParagraph).text;
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`fixture phrase not found: ${phrase}`);
  const id = `p${pIndex + 1}`;
  return {
    startParagraphId: id,
    startOffset: at,
    endParagraphId: id,
    endOffset: at + phrase.length,
  };
}

describe('describePassage', () => {
  it('stores the quote with about 32 characters of context and section offsets', () => {
    const range = rangeOf(0, '「インフレ削減法」');
    const d = describePassage(paragraphs, range);
    expect(d.quote.exact).toBe('「インフレ削減法」');
    expect(d.quote.prefix.length).toBe(CONTEXT_LENGTH);
    expect(d.quote.suffix.length).toBe(CONTEXT_LENGTH);
    expect(d.quote.prefix.endsWith('気候変動対策への投資を目的とする')).toBe(true);
    expect(d.position.end - d.position.start).toBe(d.quote.exact.length);
    expect(d.paragraphIds).toEqual(['p1']);
    expect(d.range).toEqual(range);
  });

  it('spans paragraphs of a section, joined by a line break', () => {
    const first = paragraphs[0] as AnchorParagraph;
    const d = describePassage(paragraphs, {
      startParagraphId: 'p1',
      startOffset: first.text.length - 5,
      endParagraphId: 'p3',
      endOffset: 4,
    });
    expect(d.paragraphIds).toEqual(['p1', 'p2', 'p3']);
    expect(d.quote.exact.split('\n')).toHaveLength(3);
    expect(d.quote.exact.startsWith(first.text.slice(-5))).toBe(true);
  });

  it('refuses ranges that are not a passage of the section', () => {
    const bad = [
      { startParagraphId: 'nope', startOffset: 0, endParagraphId: 'p1', endOffset: 3 },
      { startParagraphId: 'p1', startOffset: 0, endParagraphId: 'p1', endOffset: 10_000 },
      { startParagraphId: 'p1', startOffset: -1, endParagraphId: 'p1', endOffset: 3 },
      { startParagraphId: 'p1', startOffset: 1.5, endParagraphId: 'p1', endOffset: 3 },
      { startParagraphId: 'p1', startOffset: 9, endParagraphId: 'p1', endOffset: 3 },
      { startParagraphId: 'p2', startOffset: 0, endParagraphId: 'p1', endOffset: 3 },
      { startParagraphId: 'p1', startOffset: 3, endParagraphId: 'p1', endOffset: 3 },
    ];
    for (const range of bad)
      expect(() => describePassage(paragraphs, range)).toThrow(AnchorRangeError);
    const astral = [{ id: 'x', text: 'a𠮷b  ' }];
    expect(() =>
      describePassage(astral, {
        startParagraphId: 'x',
        startOffset: 2,
        endParagraphId: 'x',
        endOffset: 4,
      }),
    ).toThrow(/splits a character/);
    expect(() =>
      describePassage(astral, {
        startParagraphId: 'x',
        startOffset: 4,
        endParagraphId: 'x',
        endOffset: 6,
      }),
    ).toThrow(/white space/);
  });
});

describe('anchorPassage', () => {
  const target = describePassage(paragraphs, rangeOf(5, '「半導体協力基本原則」'));

  it('keeps the exact position when nothing changed', () => {
    const r = anchorPassage(paragraphs, target);
    expect(r.status).toBe('exact');
    expect(r.range).toEqual(target.range);
    expect(r.work).toBe(0);
  });

  it('does not trust the old offset when only the quote, not its context, is there by chance', () => {
    const before = [{ id: 'a', text: 'あいうえお' }];
    const d = describePassage(before, {
      startParagraphId: 'a',
      startOffset: 2,
      endParagraphId: 'a',
      endOffset: 3,
    });
    // An edit before the passage puts another う at the stored offset 2.
    const after = [{ id: 'a', text: 'xyうあいうえお' }];
    const r = anchorPassage(after, d);
    expect(r.status).toBe('moved');
    expect(r.start).toBe(5);
  });

  it('edits outside the quote keep the anchor (text before it moves the position)', () => {
    const edited = withText((t) => [
      '新しく挿入された段落。',
      ...t.map((x, k) => (k === 2 ? `${x}追記` : x)),
    ]);
    const r = anchorPassage(edited, target);
    expect(r.status).toBe('moved');
    expect(textAt(edited, r.start, r.end)).toBe(target.quote.exact);
    expect(r.range?.startParagraphId).toBe('p7'); // the paragraph moved down by one
    const after = withText((t) => t.map((s, i) => (i === 8 ? `${s}（改訂）` : s)));
    expect(anchorPassage(after, target).status).toBe('exact');
  });

  it('small edits inside the quote re-anchor approximately to the edited passage', () => {
    const longTarget = describePassage(
      paragraphs,
      rangeOf(4, '米国（アルバニー、ワシントン DC、ニューヨーク）を訪'),
    );
    const edited = withText((t) =>
      t.map((s, i) => (i === 4 ? s.replace('ワシントン DC', 'ワシントンD.C.') : s)),
    );
    const r = anchorPassage(edited, longTarget);
    expect(r.status).toBe('approximate');
    expect(textAt(edited, r.start, r.end)).toContain('ワシントンD.C.、ニューヨーク');
    expect(r.errors).toBeGreaterThan(0);
    expect(r.errors).toBeLessThanOrEqual(4);
    expect(r.quote?.exact).toBe(textAt(edited, r.start, r.end));
  });

  it('heavy edits give an orphan, never a wrong place', () => {
    const longTarget = describePassage(
      paragraphs,
      rangeOf(4, '米国（アルバニー、ワシントン DC、ニューヨーク）を訪'),
    );
    const edited = withText((t) =>
      t.map((s, i) =>
        i === 4
          ? s.replace('米国（アルバニー、ワシントン DC、ニューヨーク）を訪', '北米の三都市を歴訪')
          : s,
      ),
    );
    const r = anchorPassage(edited, longTarget);
    expect(r.status).toBe('orphan');
    expect(r.start).toBeUndefined();
    const gone = withText((t) => t.filter((_, i) => i !== 4 && i !== 5));
    expect(anchorPassage(gone, target).status).toBe('orphan');
  });

  it('a repeated phrase re-anchors to the right occurrence by its context', () => {
    // 経済産業大臣 occurs in several paragraphs; annotate the one of the September visit.
    const phrase = '経済産業大臣';
    const sept = describePassage(paragraphs, rangeOf(9, phrase));
    expect(sept.quote.prefix.endsWith('西村')).toBe(true);
    // Reorder the paragraphs and add text so the stored position points at another occurrence.
    const reordered = withText((t) =>
      [t[9] as string, ...t.slice(0, 9), ...t.slice(10)].map((s) => s),
    );
    const moved = reordered.map((p, i) => (i === 0 ? p : { ...p, text: p.text }));
    const r = anchorPassage(moved, sept);
    expect(r.status).toBe('moved');
    expect(textAt(moved, r.start, r.end)).toBe(phrase);
    expect(sectionText(moved).text.slice(r.end as number, (r.end as number) + 12)).toBe(
      sept.quote.suffix.slice(0, 12),
    );
    // With a small edit inside the quote, both occurrences match with one error: context decides.
    const short = describePassage(paragraphs, rangeOf(9, '西村経済産業大臣は、'));
    const fuzzy = reordered.reverse().map((p) => ({
      ...p,
      text: p.text.replaceAll('西村経済産業大臣は', '西村経済産業大臣殿は'),
    }));
    const f = anchorPassage(fuzzy, short);
    expect(f.status).toBe('approximate');
    expect(textAt(fuzzy, f.start, (f.end as number) + 5)).toBe('西村経済産業大臣殿は、9 月 7');
  });

  it('a repeated phrase whose context is gone becomes an orphan rather than a guess', () => {
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: '経済産業大臣',
      prefix: 'まったく別の文脈の前置き',
      suffix: '無関係な後続の文章です',
    };
    const r = anchorPassage(paragraphs, {
      quote,
      position: { type: 'TextPositionSelector', start: 5, end: 11 },
    });
    expect(r.status).toBe('orphan');
  });

  it("bounds the matcher's work on a large section", () => {
    const big: AnchorParagraph[] = [];
    for (let i = 0; big.length < 600; i += 1)
      big.push({
        id: `b${big.length}`,
        text: (SEED_PARAGRAPHS[i % SEED_PARAGRAPHS.length] as string) + `（${i}）`,
      });
    const section = sectionText(big);
    expect(section.text.length).toBeGreaterThan(60_000);
    const longQuote = (SEED_PARAGRAPHS[4] as string) + '\n' + (SEED_PARAGRAPHS[5] as string);
    const cases = [
      { exact: longQuote.replace(/経済/g, 'けいざい'), prefix: 'x', suffix: 'y' },
      { exact: '存在しない文章が二十文字ほどここにある', prefix: '', suffix: '' },
      { exact: '経済産業大臣は、', prefix: '', suffix: '' },
    ];
    for (const c of cases) {
      const r = anchorPassage(big, { quote: { type: 'TextQuoteSelector', ...c }, position: null });
      // Linear in the section: a few passes of at most MAX_PATTERN_LENGTH/32 words each,
      // plus the small context checks of at most 200 candidates.
      expect(r.work).toBeLessThanOrEqual(
        6 * section.text.length * (MAX_PATTERN_LENGTH / 32) + 200 * 4_000,
      );
    }
  });

  it('property: any passage re-anchors exactly in unchanged text and to the same words after an unrelated insertion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: paragraphs.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 80 }),
        (pi, rawStart, len) => {
          const p = paragraphs[pi] as AnchorParagraph;
          const start = rawStart % p.text.length;
          const end = Math.min(p.text.length, start + len);
          const range = {
            startParagraphId: p.id,
            startOffset: start,
            endParagraphId: p.id,
            endOffset: end,
          };
          let d;
          try {
            d = describePassage(paragraphs, range);
          } catch (err) {
            expect(err).toBeInstanceOf(AnchorRangeError);
            return;
          }
          const same = anchorPassage(paragraphs, d);
          expect(same.status).toBe('exact');
          expect(same.range).toEqual(range);
          const shifted = [{ id: 'new', text: '追加された段落です。' }, ...paragraphs];
          const r = anchorPassage(shifted, d);
          expect(r.status === 'moved' || r.status === 'orphan').toBe(true);
          if (r.status === 'moved') {
            expect(textAt(shifted, r.start, r.end)).toBe(d.quote.exact);
          }
          // A unique or context-supported quote must be found; only ambiguous short quotes may orphan.
          if (r.status === 'orphan') expect(d.quote.exact.length).toBeLessThan(6);
        },
      ),
      { numRuns: 200 },
    );
  });
});
