import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { displayOffsetOfKey, structureBlocks } from './structure';
import type { ImportBlock } from './types';

const options = { title: '通商白書', name: 'a.pdf', pageLabels: ['i', '1', '2'] };
const body = (lines: string[], pages?: number[]): ImportBlock => ({
  role: 'body',
  level: 0,
  lines,
  ...(pages ? { pages } : {}),
});
const heading = (level: number, text: string): ImportBlock => ({
  role: 'heading',
  level,
  lines: [text],
});

describe('structureBlocks', () => {
  it('applies the bundled cleaning rules to every block: lines joined, spaces closed up, U+FFFD resolved', () => {
    const { paragraphs } = structureBlocks(
      [
        body(['経 済 産 業 大 臣 は 2022 年 5 月、', 'CHIPS および科学法を']),
        body(['U.S.\uFFFDPartnership', 'on Trade']),
      ],
      options,
    );
    expect(paragraphs.map((p) => p.text)).toEqual([
      '経済産業大臣は2022年5月、CHIPSおよび科学法を',
      'U.S. Partnership on Trade',
    ]);
  });

  it('builds the outline from levels: ids by position, gaps in levels closed, text before the first heading in s0', () => {
    const { sections, paragraphs } = structureBlocks(
      [
        body(['表紙の文']),
        heading(1, '第１節　米国'),
        heading(3, '＜232条＞'),
        body(['本文']),
        heading(2, '2．日米'),
        heading(1, '第２節　カナダ'),
        body(['本文2']),
      ],
      options,
    );
    expect(sections.map((s) => [s.id, s.parentId, s.level, s.kind, s.title, s.editorial])).toEqual([
      ['s0', null, 1, 'chapter', '［通商白書］', true],
      ['s1', null, 1, 'chapter', '第１節　米国', false],
      ['s1-1', 's1', 2, 'part', '＜232条＞', false],
      ['s1-2', 's1', 2, 'part', '2．日米', false],
      ['s2', null, 1, 'chapter', '第２節　カナダ', false],
    ]);
    expect(paragraphs.map((p) => p.id)).toEqual(['s0.p1', 's1-1.p1', 's2.p1']);
  });

  it('puts a page marker at offset 0 of every paged paragraph and one at each page break inside it', () => {
    const { pageMarkers } = structureBlocks(
      [body(['気候変動対策への', '投資を目的とする', 'インフレ削減法'], [2, 2, 3])],
      options,
    );
    expect(pageMarkers).toEqual([
      { paragraphId: 's0.p1', offset: 0, pageIndex: 2, label: '1' },
      {
        paragraphId: 's0.p1',
        offset: '気候変動対策への投資を目的とする'.length,
        pageIndex: 3,
        label: '2',
      },
    ]);
  });

  it('maps page breaks through removed spaces exactly', () => {
    const text = 'Japan-U.S. Partnership';
    expect(displayOffsetOfKey(text, 'Japan-U.S.'.length)).toBe('Japan-U.S. '.length);
    expect(displayOffsetOfKey('経済産業', 2)).toBe(2);
  });

  it('records footnotes and captions as roles, in reading order', () => {
    const { roles, paragraphs } = structureBlocks(
      [
        heading(1, '第１節'),
        body(['本文']),
        { role: 'footnote', level: 0, lines: ['注1　脚注'] },
        { role: 'caption', level: 0, lines: ['図表1　推移'] },
      ],
      options,
    );
    expect(paragraphs.map((p) => p.text)).toEqual(['本文', '注1　脚注', '図表1　推移']);
    expect(roles).toEqual([
      { paragraphId: 's1.p2', role: 'footnote' },
      { paragraphId: 's1.p3', role: 'caption' },
    ]);
  });

  it('drops blocks that clean to nothing and never changes a character', () => {
    const { paragraphs } = structureBlocks(
      [body(['  ', '\uFFFD']), body(['①②　強靱と強靭　イノベ―ション'])],
      options,
    );
    expect(paragraphs.map((p) => p.text)).toEqual(['①②　強靱と強靭　イノベ―ション']);
    expect(ImportError).toBeDefined();
  });
});
