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

  // Lines set across a 400-point column (x1 given: to the edge, or short of it).
  const edge = (text: string, x: number, y: number, region = 1, x1 = 462) =>
    at(text, x, y, region, { x1 });

  it('continues a list item under its bullet, and text set under the line before it', () => {
    expect(
      blocks([
        edge('• 最初の項目は長くて行の端まで届いて', 62, 100),
        edge('次の行へ続く。', 72, 117, 1, 200),
        edge('• mypackage_1.0.tar.gz', 62, 140, 1, 200),
        edge('これは、ソースコードのターボール', 72, 160),
        edge('です。（サフィックスはない。）', 72, 177, 1, 300),
        edge('これは、次の段落で同じ字下げの行。', 72, 200),
        edge('それは一行の段落で端まで届いた。', 72, 217),
      ]),
    ).toEqual([
      ['body', '• 最初の項目は長くて行の端まで届いて|次の行へ続く。'],
      ['body', '• mypackage_1.0.tar.gz'],
      ['body', 'これは、ソースコードのターボール|です。（サフィックスはない。）'],
      ['body', 'これは、次の段落で同じ字下げの行。'],
      ['body', 'それは一行の段落で端まで届いた。'],
    ]);
  });

  it('measures a one-line region by the column it stands in: a short item is not run on', () => {
    expect(
      blocks([
        edge('• ネイティブパッケージからバイナリーパッケージをビルドします', 62, 100, 1, 400),
        edge('– package_version_arch.deb', 72, 130, 2, 200),
        edge('例えばファイルを含まないソースファイルがあれば、以下の', 62, 160, 3),
        edge('ように作れます:', 62, 177, 3, 150),
        edge('すると、ディレクトリーとその内容は同じように作成される', 62, 194, 3),
      ]),
    ).toEqual([
      ['body', '• ネイティブパッケージからバイナリーパッケージをビルドします'],
      ['body', '– package_version_arch.deb'],
      ['body', '例えばファイルを含まないソースファイルがあれば、以下の|ように作れます:'],
      ['body', 'すると、ディレクトリーとその内容は同じように作成される'],
    ]);
  });

  it('makes each row of a table one paragraph, its cells apart by U+3000, a wrapped cell joined', () => {
    const cell = (text: string, x: number, y: number, row: number, cellStart = true) => ({
      ...at(text, x, y, 7, { x1: x + 40 }),
      table: { row, cellStart },
    });
    expect(
      blocks([
        cell('plasma-widgets-', 62, 100, 0),
        cell('addons', 62, 112, 0, false),
        cell('V:34, I:82', 170, 100, 0),
        cell('1972', 240, 100, 0),
        cell('ibus', 62, 124, 1),
        cell('V:161, I:204', 170, 124, 1),
        cell('1637', 240, 124, 1),
      ]),
    ).toEqual([
      ['body', 'plasma-widgets-|addons|\u3000V:34, I:82|\u30001972'],
      ['body', 'ibus|\u3000V:161, I:204|\u30001637'],
    ]);
  });

  it('takes out the hyphen a typesetter marks a URL’s break with after a slash', () => {
    expect(
      blocks([
        edge('入門書は Guide for Maintainers (https://www.debian.org/-', 62, 100),
        edge('doc/devel-manuals#debmake-doc) として入手できます。', 62, 117, 1, 300),
        edge('GitLab の https://gitlab.com/group/project/-', 62, 140),
        edge('/issues は別の形。', 62, 157, 1, 200),
      ]),
    ).toEqual([
      [
        'body',
        '入門書は Guide for Maintainers (https://www.debian.org/|doc/devel-manuals#debmake-doc) として入手できます。',
      ],
      ['body', 'GitLab の https://gitlab.com/group/project/-|/issues は別の形。'],
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
