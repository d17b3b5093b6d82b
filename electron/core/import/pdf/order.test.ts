import { describe, expect, it } from 'vitest';
import { readingOrder } from './order';
import { line } from './testing';

const texts = (lines: ReturnType<typeof line>[]) => readingOrder(lines).map((o) => o.line.text);

describe('readingOrder', () => {
  it('reads two columns column by column, a title across both first and a footnote across both last', () => {
    const lines = [
      line('表題は段をまたぐ長い見出しの行です', 62, 60, { size: 16 }),
      ...[0, 1, 2, 3].map((i) => line(`左${i}の行の本文です`, 62, 100 + i * 17)),
      ...[0, 1, 2, 3].map((i) => line(`右${i}の行の本文です`, 320, 100 + i * 17)),
      line(
        '注1　脚注は段をまたいで下に置かれる長い一行の注記です。二つの段の幅いっぱいに続く。',
        62,
        700,
        { size: 8 },
      ),
    ];
    expect(texts(lines)).toEqual([
      '表題は段をまたぐ長い見出しの行です',
      '左0の行の本文です',
      '左1の行の本文です',
      '左2の行の本文です',
      '左3の行の本文です',
      '右0の行の本文です',
      '右1の行の本文です',
      '右2の行の本文です',
      '右3の行の本文です',
      '注1　脚注は段をまたいで下に置かれる長い一行の注記です。二つの段の幅いっぱいに続く。',
    ]);
  });

  it('finds the gutter although a heading overhangs into it', () => {
    const lines = [
      ...[0, 1, 2].map((i) => line(`左${i}の本文です。`, 62, 100 + i * 17)),
      line('左の段の見出しが少しはみ出す行', 62, 151),
      ...[0, 1, 2, 3].map((i) => line(`右${i}の本文です。`, 230, 100 + i * 17)),
    ];
    expect(texts(lines).slice(0, 4)).toEqual([
      '左0の本文です。',
      '左1の本文です。',
      '左2の本文です。',
      '左の段の見出しが少しはみ出す行',
    ]);
  });

  it('reads vertical columns right to left', () => {
    const col = (x: number, t: string) => ({
      ...line(t, x, 80),
      x1: x + 10,
      y1: 80 + t.length * 10,
      vertical: true,
    });
    expect(texts([col(400, '三行目'), col(500, '一行目'), col(450, '二行目')])).toEqual([
      '一行目',
      '二行目',
      '三行目',
    ]);
  });

  it('reads a table of three or more columns row by row, as one region', () => {
    const rows = [
      ['パッケージ', 'ポプコン', 'サイズ', '説明'],
      ['ibus', 'V:161', '1637', 'インプットメソッド'],
      ['ibus-mozc', 'V:2', '935', '日本語'],
    ];
    const lines = rows.flatMap((cells, r) =>
      cells.map((c, k) => line(c, 62 + k * 110, 100 + r * 12)),
    );
    const order = readingOrder(lines);
    expect(order.map((o) => o.line.text)).toEqual(rows.flat());
    expect(new Set(order.map((o) => o.region)).size).toBe(1);
    expect(order.map((o) => o.table?.row)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('reads three columns of text column by column, not as a table', () => {
    const lines = [0, 1, 2].flatMap((c) =>
      [0, 1, 2, 3].map((r) =>
        line(`段${c}の行${r}です`, 62 + c * 170, 100 + r * 17, { x1: 212 + c * 170 }),
      ),
    );
    const order = readingOrder(lines);
    expect(order.map((o) => o.line.text).slice(0, 5)).toEqual([
      '段0の行0です',
      '段0の行1です',
      '段0の行2です',
      '段0の行3です',
      '段1の行0です',
    ]);
    expect(order.some((o) => o.table)).toBe(false);
  });

  it('keeps a table cell wrapped onto two lines, and a header set higher, with its row', () => {
    const cell = (text: string, x: number, y: number) =>
      line(text, x, y, { x1: x + Math.min(80, 7 * Array.from(text).length) });
    const lines = [
      cell('パッケージ', 62, 100),
      cell('ポプコン', 172, 100),
      cell('サイ', 282, 94),
      cell('ズ', 282, 106),
      cell('plasma-widgets-', 62, 118),
      cell('V:34', 172, 118),
      cell('1972', 282, 118),
      cell('addons', 62, 130),
      cell('ibus', 62, 142),
      cell('V:161', 172, 142),
      cell('1637', 282, 142),
    ];
    const order = readingOrder(lines);
    expect(order.map((o) => [o.line.text, o.table?.row, o.table?.cellStart])).toEqual([
      ['パッケージ', 0, true],
      ['ポプコン', 0, true],
      ['サイ', 0, true],
      ['ズ', 0, false],
      ['plasma-widgets-', 1, true],
      ['addons', 1, false],
      ['V:34', 1, true],
      ['1972', 1, true],
      ['ibus', 2, true],
      ['V:161', 2, true],
      ['1637', 2, true],
    ]);
  });
});
