import { describe, expect, it } from 'vitest';
import type { FlowLine, Typography } from './headings';
import { assembleBlocks } from './paragraphs';
import { line } from './testing';

const type: Typography = {
  bodySize: 10,
  bodyFont: 'body',
  bodyFonts: new Set(['body']),
  pitch: 17,
  fonts: new Map(),
};
const at = (text: string, x: number, y: number, region = 1, extra = {}): FlowLine => ({
  line: { ...line(text, x, y), ...extra },
  region,
  role: 'body',
  level: 0,
});
const blocks = (flow: FlowLine[]) =>
  assembleBlocks(flow, type).map((b) => [b.role, b.lines.join('|')]);

describe('assembleBlocks', () => {
  it('starts a paragraph at an indented line and after a line that ends short', () => {
    expect(
      blocks([
        at('２年目を迎えたバイデン政', 72, 100),
        at('権は、法を成立させた。', 62, 117),
        at('緊密な日米関係を反映し、首', 72, 134),
        at('脳は訪問した。', 62, 151),
        at('次の段落が字下げなしで始まる', 62, 168),
      ]),
    ).toEqual([
      ['body', '２年目を迎えたバイデン政|権は、法を成立させた。'],
      ['body', '緊密な日米関係を反映し、首|脳は訪問した。'],
      ['body', '次の段落が字下げなしで始まる'],
    ]);
  });

  it('continues a paragraph into the next column or page when the line ran to the edge', () => {
    const flow = [
      at('段落の最初の行で端まで届く', 62, 100, 1),
      at('段落が次の段へ続いていく行', 62, 117, 1, { page: 1 }),
      at('続きの行です。', 62, 80, 2, { page: 2 }),
      at('新しい段落は字下げで始まる', 72, 97, 2, { page: 2 }),
    ];
    const out = assembleBlocks(flow, type);
    expect(out.map((b) => b.lines.join('|'))).toEqual([
      '段落の最初の行で端まで届く|段落が次の段へ続いていく行|続きの行です。',
      '新しい段落は字下げで始まる',
    ]);
    expect(out[0]?.pages).toEqual([1, 1, 2]);
  });

  it('puts a footnote met inside a paragraph after that paragraph', () => {
    const note: FlowLine = { ...at('注1　脚注。', 62, 700), role: 'footnote' };
    expect(
      blocks([
        at('ページの終わりまで続く段落の行', 62, 680),
        note,
        at('次のページで終わる。', 62, 80, 2, { page: 2 }),
      ]),
    ).toEqual([
      ['body', 'ページの終わりまで続く段落の行|次のページで終わる。'],
      ['footnote', '注1　脚注。'],
    ]);
  });

  it('joins the lines of one heading and strips a paragraph’s opening U+3000', () => {
    const h1: FlowLine = {
      ...at('2022年7月　日米経済政策協議委員会の発', 62, 100),
      role: 'heading',
      level: 2,
      headingStart: true,
    };
    const h2: FlowLine = { ...at('足', 62, 117), role: 'heading', level: 2, headingStart: false };
    expect(
      assembleBlocks([h1, h2, at('\u3000本文。', 62, 140)], type).map((b) => [
        b.role,
        b.level,
        b.lines,
      ]),
    ).toEqual([
      ['heading', 2, ['2022年7月　日米経済政策協議委員会の発', '足']],
      ['body', 0, ['本文。']],
    ]);
  });
});
