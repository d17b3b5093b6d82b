import { describe, expect, it } from 'vitest';
import { findFurniture, furnitureKey, pageNumberOf, type PageLines } from './furniture';
import { line } from './testing';

describe('page numbers', () => {
  it('reads the forms page numbers are printed in', () => {
    expect(
      ['12', '- 12 -', '－ 12 －', '— iv —', 'p. 12', '2 / 95', '１２', 'ページ 3'].map(
        pageNumberOf,
      ),
    ).toEqual(['12', '12', '12', 'iv', '12', '2', '12', '3']);
    expect(pageNumberOf('2022年')).toBeNull();
    expect(pageNumberOf('図表12')).toBeNull();
  });
  it('compares running heads with their numbers ignored', () => {
    expect(furnitureKey('第Ⅱ部\u3000第３章\u3000米国')).toBe(
      furnitureKey('第Ⅱ部\u3000第４章\u3000米国'),
    );
  });
});

function page(n: number, head: string, foot: string, body: string[]): PageLines {
  return {
    page: n,
    width: 595,
    height: 842,
    lines: [
      line(head, 62, 40, { page: n, size: 8 }),
      ...body.map((t, i) => line(t, 62, 100 + i * 17, { page: n })),
      line(foot, 290, 800, { page: n, size: 9 }),
    ],
  };
}

describe('findFurniture', () => {
  const pages = [1, 2, 3, 4].map((n) =>
    page(n, n % 2 ? '第Ⅱ部\u3000第３章\u3000米国・カナダ' : '通商白書2023', `－ ${n + 10} －`, [
      '本文の行。',
      `別の行${n}。`,
    ]),
  );

  it('takes out running heads that repeat and the page numbers, and keeps the numbers as labels', () => {
    const { removed, printed } = findFurniture(pages);
    for (const p of pages) {
      const gone = [...(removed.get(p.page) ?? [])].map((l) => l.text);
      expect(gone).toContain(`－ ${p.page + 10} －`);
      expect(
        gone.some((t) => t === '第Ⅱ部\u3000第３章\u3000米国・カナダ' || t === '通商白書2023'),
      ).toBe(true);
      expect(gone.some((t) => t.includes('本文'))).toBe(false);
    }
    expect([...printed.values()]).toEqual(['11', '12', '13', '14']);
  });

  it('leaves a footnote that happens to sit low on the page alone when it does not repeat', () => {
    const withNote = pages.map((p, i) => ({
      ...p,
      lines: [
        ...p.lines,
        line(`注${i}\u3000別々の注記${'あいうえ'[i]}`, 62, 770, { page: p.page, size: 8 }),
      ],
    }));
    const { removed } = findFurniture(withNote);
    for (const p of withNote)
      expect([...(removed.get(p.page) ?? [])].some((l) => l.text.startsWith('注'))).toBe(false);
  });
});

describe('findFurniture, body text that repeats', () => {
  it('keeps body lines that open several pages with the same words (set at the body’s line spacing)', () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      page: n,
      width: 595,
      height: 842,
      lines: [
        line('同じ言葉で始まる本文の行。', 62, 60, { page: n }),
        line(`続く本文の行${n}。`, 62, 77, { page: n }),
      ],
    }));
    const { removed } = findFurniture(pages);
    expect([...removed.values()].flatMap((set) => [...set])).toEqual([]);
  });
});
