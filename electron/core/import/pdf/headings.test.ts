import { describe, expect, it } from 'vitest';
import { applyOutline, detectHeadings, matchKey, type FlowLine, type Typography } from './headings';
import { line } from './testing';

const flowOf = (lines: ReturnType<typeof line>[]): FlowLine[] =>
  lines.map((l) => ({ line: l, region: 1, role: 'body', level: 0 }));
const type: Typography = {
  bodySize: 10,
  bodyFont: 'body',
  bodyFonts: new Set(['body', 'latin']),
  pitch: 17,
  fonts: new Map([['bold', { name: 'X+Gothic-Bold', bold: true, family: 'sans-serif' }]]),
};

describe('applyOutline', () => {
  it('matches entries to lines in order, near the page they name, numbering aside', () => {
    const flow = flowOf([
      line('3.1 ネットワーク構成', 62, 100, { page: 4 }),
      line('本文の中でネットワーク構成に触れる。', 62, 120, { page: 4 }),
      line('3.1.1 デフォルトの', 62, 300, { page: 5 }),
      line('ネットワーク設定', 62, 317, { page: 5 }),
    ]);
    const matched = applyOutline(
      flow,
      [
        { title: 'ネットワーク構成', level: 2, pageIndex: 4, pageLabel: null },
        { title: '3.1.1　デフォルトのネットワーク設定', level: 3, pageIndex: null, pageLabel: '2' },
      ],
      (p) => String(p - 3),
    );
    expect(matched).toBe(2);
    expect(flow.map((f) => [f.role, f.level, f.headingStart])).toEqual([
      ['heading', 2, true],
      ['body', 0, undefined],
      ['heading', 3, true],
      ['heading', 3, false],
    ]);
  });

  it('compares titles width-folded and without spaces or leaders', () => {
    expect(matchKey('第１節　米国 ……')).toBe(matchKey('第1節米国'));
  });
});

describe('detectHeadings', () => {
  it('finds headings by size, by a bold or other font on a line of its own, and by numbering; levels by size then rank', () => {
    const flow = flowOf([
      line('米国経済の動向', 62, 60, { size: 16, font: 'bold' }),
      line('2年目を迎えた政権は、気候変動対策を進めた。', 62, 100),
      line('その結果、投資が増えた。', 62, 117),
      line('1．概況', 62, 150, { font: 'bold' }),
      line('緊密な日米関係を反映し、', 62, 180),
      line('首脳は相互に訪問した。', 62, 197),
      line('（1）雇用', 62, 230),
      line('失業率は低下した。', 62, 260),
      line('LTSP サーバー', 62, 290, { font: 'latin' }),
    ]);
    detectHeadings(flow, type, 0);
    expect(flow.filter((f) => f.role === 'heading').map((f) => [f.line.text, f.level])).toEqual([
      ['米国経済の動向', 1],
      ['1．概況', 2],
      ['（1）雇用', 3],
    ]);
  });

  it('joins a chapter label above an outline heading to it, not a section of its own', () => {
    const flow = flowOf([
      line('1.4 相談するには', 62, 60, { size: 14 }),
      line('本文の行です。', 62, 100),
      line('Chapter 2', 62, 200, { size: 20, font: 'bold' }),
      line('はじめの一歩', 62, 240, { size: 25, font: 'bold' }),
      line('本文の行です。', 62, 300),
    ]);
    applyOutline(
      flow,
      [
        { title: '1.4 相談するには', level: 2, pageIndex: null, pageLabel: null },
        { title: 'はじめの一歩', level: 1, pageIndex: null, pageLabel: null },
      ],
      String,
    );
    detectHeadings(flow, type, 2);
    expect(flow.map((f) => [f.role, f.level, f.headingStart ?? null])).toEqual([
      ['heading', 2, true],
      ['body', 0, null],
      ['heading', 1, true],
      ['heading', 1, false],
      ['body', 0, null],
    ]);
  });

  it('does not take a list item for a heading, however it is set', () => {
    const flow = flowOf([
      line('• dpkg-buildpackage = パッケージビルドツールの核', 62, 60, { font: 'bold' }),
      line('– The Common Debian Build System', 62, 100, { size: 16, font: 'bold' }),
      line('■ 米国経済', 62, 140, { font: 'bold' }),
    ]);
    detectHeadings(flow, type, 0);
    expect(flow.filter((f) => f.role === 'heading').map((f) => f.line.text)).toEqual([
      '■ 米国経済',
    ]);
  });

  it('does not take a sentence for a heading, however it is set', () => {
    const flow = flowOf([
      line('本文です。', 62, 60, { size: 16, font: 'bold' }),
      line('1．同措置について、我が国は懸念を伝えた。', 62, 100, { font: 'bold' }),
    ]);
    detectHeadings(flow, type, 0);
    expect(flow.every((f) => f.role === 'body')).toBe(true);
  });
});
