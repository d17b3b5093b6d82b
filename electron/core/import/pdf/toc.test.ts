import { describe, expect, it } from 'vitest';
import type { PageLines } from './furniture';
import { findPrintedToc } from './toc';
import { line } from './testing';

function tocPage(n: number, rows: [number, string, string][], title = true): PageLines {
  const lines = title ? [line('目　次', 62, 70, { size: 16, page: n })] : [];
  rows.forEach(([indent, text, number], i) => {
    const row = 5000 + n * 100 + i;
    lines.push(line(text, 62 + indent, 110 + i * 22, { page: n, row }));
    if (number) lines.push(line(number, 520, 110 + i * 22, { page: n, row }));
  });
  return { page: n, width: 595, height: 842, lines };
}

describe('findPrintedToc', () => {
  it('recognises a 目次 with leaders, takes its entries with levels from their indents, and continues on the next page', () => {
    const pages = [
      tocPage(1, [
        [0, '第１節　米国……………………', '2'],
        [14, '1．概況……………………', '2'],
        [28, '＜232条を巡る動き＞…………', '3'],
      ]),
      tocPage(
        2,
        [
          [14, '2．日米通商分野 . . . . . . . .', '5'],
          [0, '第２節　カナダ', '6'],
          [14, '1．概況 ……', '6'],
        ],
        false,
      ),
      { page: 3, width: 595, height: 842, lines: [line('本文が始まる。', 62, 100, { page: 3 })] },
    ];
    const toc = findPrintedToc(pages);
    expect(toc?.pages).toEqual([1, 2]);
    expect(toc?.entries).toEqual([
      { title: '第１節　米国', page: '2', level: 1 },
      { title: '1．概況', page: '2', level: 2 },
      { title: '＜232条を巡る動き＞', page: '3', level: 3 },
      { title: '2．日米通商分野', page: '5', level: 2 },
      { title: '第２節　カナダ', page: '6', level: 1 },
      { title: '1．概況', page: '6', level: 2 },
    ]);
    expect(toc?.lines.size).toBe(pages[0]!.lines.length + pages[1]!.lines.length);
  });

  it('finds no 目次 in body text that merely ends in numbers', () => {
    const body = tocPage(
      1,
      [
        [0, '輸入は前年比で', '3'],
        [0, '増加し、2022年に', '5'],
      ],
      false,
    );
    expect(findPrintedToc([body])).toBeNull();
  });
});

describe('findPrintedToc, title repeated on every TOC page', () => {
  it('follows pages whose 目次 title was taken out as a running head', () => {
    const rows: [number, string, string][] = [
      [0, '第１章　総論…………', '1'],
      [0, '第２章　各論…………', '5'],
      [0, '第３章　資料…………', '9'],
    ];
    const pages = [tocPage(1, rows, false), tocPage(2, rows, false)];
    expect(findPrintedToc(pages)).toBeNull();
    expect(findPrintedToc(pages, new Set([1, 2]))?.pages).toEqual([1, 2]);
  });
});
