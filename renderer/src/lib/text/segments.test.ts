import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { normalizeMarks, segmentText, uprightRanges } from './segments';

const joined = (text: string, marks: Parameters<typeof segmentText>[1] = []) =>
  segmentText(text, marks)
    .flatMap((p) => p.parts)
    .map((p) => p.text)
    .join('');

describe('uprightRanges (縦中横)', () => {
  const upright = (text: string) => uprightRanges(text).map(([a, b]) => text.slice(a, b));

  it('sets runs of one or two digits upright, longer numbers and words sideways', () => {
    expect(upright('2022年8月に、第2回会合を9月21日')).toEqual(['8', '2', '9', '21']);
    expect(upright('76.1兆円、408億ドル、IPEF、CHIPS')).toEqual([]);
  });

  it('treats 2＋2 as one upright unit but not inside a longer number', () => {
    expect(upright('経済版「2＋2」')).toEqual(['2＋2']);
    expect(upright('経済版「2+2」')).toEqual(['2+2']);
    // The long number stays sideways; the lone digit after it is a short number.
    expect(upright('123＋4')).toEqual(['4']);
  });

  it('leaves digits glued to Latin letters or decimals sideways', () => {
    expect(upright('G7、G20、3D、1.5倍')).toEqual([]);
  });
});

describe('segmentText', () => {
  it('marks hits and keeps the text intact', () => {
    const text = '米国は半導体製造等を支援し、半導体研究施設を視察した。';
    const pieces = segmentText(text, [
      { start: 3, end: 6, index: 0 },
      { start: 14, end: 17, index: 1 },
    ]);
    expect(pieces.filter((p) => p.hit !== null).map((p) => p.parts[0]!.text)).toEqual([
      '半導体',
      '半導体',
    ]);
    expect(pieces.map((p) => p.hit)).toEqual([null, 0, null, 1, null]);
    expect(joined(text)).toBe(text);
  });

  it('drops empty and overlapping hits, clamps out-of-range ones', () => {
    expect(
      normalizeMarks(10, [
        { start: 2, end: 5, index: 0 },
        { start: 4, end: 6, index: 1 },
        { start: 7, end: 7, index: 2 },
        { start: 8, end: 99, index: 3 },
      ]),
    ).toEqual([
      { start: 2, end: 5, index: 0 },
      { start: 8, end: 10, index: 3 },
    ]);
  });

  it('keeps a number cut by a hit boundary sideways', () => {
    const text = '2022年12月';
    const pieces = segmentText(text, [{ start: 6, end: 7, index: 0 }]);
    expect(pieces.flatMap((p) => p.parts).some((p) => p.tcy)).toBe(false);
    expect(joined(text, [{ start: 6, end: 7, index: 0 }])).toBe(text);
  });

  it('renders an empty text as one empty piece', () => {
    expect(segmentText('')).toEqual([
      { hit: null, highlight: null, term: null, markers: [], pages: [], parts: [] },
    ]);
  });

  it('starts a piece where each printed page begins, adding no text', () => {
    const text = '米国経済は回復した。輸出は増えた。';
    const pages = [
      { offset: 0, label: '11' },
      { offset: 10, label: '12' },
      { offset: text.length, label: '13' },
    ];
    const pieces = segmentText(text, [{ start: 8, end: 12, index: 0 }], [], [], pages);
    expect(pieces.map((p) => p.pages)).toEqual([['11'], [], ['12'], [], ['13']]);
    expect(pieces.flatMap((p) => p.parts.map((x) => x.text)).join('')).toBe(text);
    // The hit across the page's start stays one hit, in two pieces.
    expect(pieces.filter((p) => p.hit === 0)).toHaveLength(2);
    // Out-of-range offsets are clamped to the text; an empty text keeps its marker.
    expect(segmentText('', [], [], [], [{ offset: 5, label: '3' }])[0]?.pages).toEqual(['3']);
  });

  it('makes each glossary term one piece of its own, inside hits and highlights', () => {
    const text = 'IPEFとIRA、IRA';
    const terms = [
      { start: 0, end: 4, term: 'IPEF' },
      { start: 5, end: 8, term: 'IRA' },
      { start: 9, end: 12, term: 'IRA' },
    ];
    const pieces = segmentText(
      text,
      [{ start: 0, end: 4, index: 0 }],
      [{ start: 0, end: 12, id: 'a', color: 'blue' }],
      terms,
    );
    expect(
      pieces.map((p) => [p.parts.map((x) => x.text).join(''), p.term, p.hit, p.highlight?.id]),
    ).toEqual([
      ['IPEF', 'IPEF', 0, 'a'],
      ['と', null, null, 'a'],
      ['IRA', 'IRA', null, 'a'],
      ['、', null, null, 'a'],
      ['IRA', 'IRA', null, 'a'],
    ]);
  });

  it('leaves a term unmarked while a hit or highlight cuts it, and drops overlaps', () => {
    const text = 'IPEFの交渉';
    const term = { start: 0, end: 4, term: 'IPEF' };
    const cutByHit = segmentText(text, [{ start: 2, end: 6, index: 0 }], [], [term]);
    expect(cutByHit.every((p) => p.term === null)).toBe(true);
    const cutByHighlight = segmentText(
      text,
      [],
      [{ start: 1, end: 3, id: 'h', color: 'pink' }],
      [term],
    );
    expect(cutByHighlight.every((p) => p.term === null)).toBe(true);
    const overlapping = segmentText(text, [], [], [term, { start: 2, end: 5, term: 'EFの' }]);
    expect(overlapping.filter((p) => p.term !== null).map((p) => p.term)).toEqual(['IPEF']);
    expect(segmentText(text, [], [], [{ start: 3, end: 40, term: 'X' }])[0]?.term).toBeNull();
  });

  it('layers highlights and hits, the innermost highlight winning', () => {
    const text = '日米経済政策協議委員会を開催';
    const pieces = segmentText(
      text,
      [{ start: 2, end: 4, index: 0 }],
      [
        { start: 0, end: 11, id: 'a', color: 'yellow' },
        { start: 6, end: 8, id: 'b', color: 'blue' },
      ],
    );
    expect(
      pieces.map((p) => [p.parts.map((x) => x.text).join(''), p.hit, p.highlight?.id]),
    ).toEqual([
      ['日米', null, 'a'],
      ['経済', 0, 'a'],
      ['政策', null, 'a'],
      ['協議', null, 'b'],
      ['委員会', null, 'a'],
      ['を開催', null, undefined],
    ]);
  });

  it('puts a note marker where its passage begins, even under a highlight starting there too', () => {
    const text = '日米経済政策協議委員会を開催';
    const pieces = segmentText(
      text,
      [{ start: 2, end: 4, index: 0 }],
      [
        { start: 2, end: 11, id: 'a', color: 'yellow', note: '要点', marker: true },
        { start: 2, end: 4, id: 'b', color: 'blue' },
        { start: 6, end: 8, id: 'c', color: 'pink', note: '続き' },
      ],
    );
    expect(
      pieces.map((p) => [
        p.parts.map((x) => x.text).join(''),
        p.highlight?.id,
        p.highlight?.noted,
        p.markers.map((m) => m.id),
      ]),
    ).toEqual([
      ['日米', undefined, undefined, []],
      ['経済', 'b', false, ['a']],
      ['政策', 'a', true, []],
      ['協議', 'c', true, []],
      ['委員会', 'a', true, []],
      ['を開催', undefined, undefined, []],
    ]);
  });

  test.prop([
    fc.string({
      unit: fc.constantFrom('米', '国', '2', '0', '＋', 'A', '.', '「', '　'),
      maxLength: 40,
    }),
    fc.array(
      fc.record({ start: fc.integer({ min: -3, max: 45 }), end: fc.integer({ min: -3, max: 45 }) }),
      {
        maxLength: 6,
      },
    ),
  ])('never changes the characters, whatever the hits, highlights and terms', (text, ranges) => {
    const marks = ranges.map((r, index) => ({ ...r, index }));
    const highlights = ranges.map((r, i) => ({
      start: r.end - 2,
      end: r.start + 3,
      id: `h${i}`,
      color: 'green',
    }));
    const terms = ranges.map((r, i) => ({ start: r.start, end: r.end + 1, term: `t${i}` }));
    const pages = ranges.map((r, i) => ({ offset: r.start, label: String(i) }));
    const pieces = segmentText(text, marks, highlights, terms, pages);
    expect(pieces.flatMap((p) => p.pages)).toHaveLength(pages.length);
    expect(
      pieces
        .flatMap((p) => p.parts)
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
  });
});
