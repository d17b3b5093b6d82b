import { describe, expect, it } from 'vitest';
import { runsToLines } from './lines';
import { run } from './testing';

describe('runsToLines', () => {
  it('joins the runs of a baseline left to right, a space where a space-wide gap is', () => {
    const lines = runsToLines(
      [run('サーバー', 62, 100), run('LTSP', 10, 100), run('の', 105, 100)],
      1,
    );
    // "LTSP" ends at 50, "サーバー" starts at 62: a gap of 1.2 em beside Japanese is U+3000.
    expect(lines.map((l) => l.text)).toEqual(['LTSP\u3000サーバー の']);
  });

  it('keeps a full-width gap between Japanese characters as U+3000 (第１節　米国)', () => {
    expect(runsToLines([run('第１節', 0, 50, 16), run('米国', 64, 50, 16)], 1)[0]?.text).toBe(
      '第１節\u3000米国',
    );
  });

  it('splits a row at a gutter, so two columns never share a line', () => {
    const lines = runsToLines([run('左の段の行', 0, 100), run('右の段の行', 70, 100)], 1);
    expect(lines.map((l) => l.text)).toEqual(['左の段の行', '右の段の行']);
    expect(lines[0]?.row).toBe(lines[1]?.row);
  });

  it('groups vertical glyphs into columns read top to bottom', () => {
    const glyphs = ['縦', '書', 'き'].map((g, i) => ({
      ...run(g, 500, 100 + i * 10),
      vertical: true,
    }));
    const next = ['二', '行'].map((g, i) => ({ ...run(g, 480, 100 + i * 10), vertical: true }));
    expect(runsToLines([...next, ...glyphs], 1).map((l) => l.text)).toEqual(['二行', '縦書き']);
  });

  it('drops runs that are only white space', () => {
    expect(runsToLines([run('   ', 0, 10)], 1)).toEqual([]);
  });
});
