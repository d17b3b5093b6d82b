import { describe, expect, it } from 'vitest';
import { FEW_HITS, alsoSearchFor, otherNamesTable } from './other-names';

const curated = [
  { names: ['インフレ削減法', 'インフレ抑制法', 'IRA'] },
  { names: ['CHIPSおよび科学法', 'CHIPS法'] },
];
const glossary = [
  { abbreviation: 'IRA', longForm: 'インフレ削減法', variants: [] },
  { abbreviation: 'IPEF', longForm: 'インド太平洋経済枠組み', variants: [] },
  { abbreviation: 'ＷＴＯ', longForm: '世界貿易機関', variants: [] },
  { abbreviation: 'WTO', longForm: 'World Trade Organization', variants: [] },
];
const table = otherNamesTable(curated, glossary);

describe('otherNamesTable', () => {
  it('merges groups that share a name (as search compares names), first spelling kept', () => {
    expect(table).toEqual([
      ['インフレ削減法', 'インフレ抑制法', 'IRA'],
      ['CHIPSおよび科学法', 'CHIPS法'],
      ['インド太平洋経済枠組み', 'IPEF'],
      ['世界貿易機関', 'ＷＴＯ', 'World Trade Organization'],
    ]);
  });
});

describe('alsoSearchFor', () => {
  it('offers the other names of a query with no hits', () => {
    expect(alsoSearchFor('インフレ抑制法', 0, table)).toEqual([
      { query: 'インフレ削減法', replaced: 'インフレ抑制法', by: 'インフレ削減法' },
      { query: 'IRA', replaced: 'インフレ抑制法', by: 'IRA' },
    ]);
  });

  it('offers nothing once a query has FEW_HITS results or more', () => {
    expect(FEW_HITS).toBe(3);
    expect(alsoSearchFor('IRA', 2, table)).toHaveLength(2);
    expect(alsoSearchFor('IRA', 3, table)).toEqual([]);
    expect(alsoSearchFor('IRA', 10, table, { few: 20 })).toHaveLength(2);
  });

  it('keeps the rest of the query and replaces only the name', () => {
    expect(alsoSearchFor('インフレ抑制法　税額控除', 0, table).map((s) => s.query)).toEqual([
      'インフレ削減法　税額控除',
      'IRA　税額控除',
    ]);
    expect(alsoSearchFor('EVとインフレ抑制法の関係', 0, table)[0]?.query).toBe(
      'EVとインフレ削減法の関係',
    );
  });

  it('finds the name however it was typed (width, case) and replaces what was typed', () => {
    expect(alsoSearchFor('ｉｒａ', 0, table)).toEqual([
      { query: 'インフレ削減法', replaced: 'ｉｒａ', by: 'インフレ削減法' },
      { query: 'インフレ抑制法', replaced: 'ｉｒａ', by: 'インフレ抑制法' },
    ]);
  });

  it('does not see a Latin name inside a longer word', () => {
    expect(alsoSearchFor('IRAN', 0, table)).toEqual([]);
    expect(alsoSearchFor('CHIPS法案', 0, table).map((s) => s.query)).toEqual([
      'CHIPSおよび科学法案',
    ]);
  });

  it('drops suggestions without results and ranks the rest by results, when it can count', () => {
    const hits: Record<string, number> = { インフレ削減法: 3, IRA: 2 };
    expect(alsoSearchFor('インフレ抑制法', 0, table, { countHits: (q) => hits[q] ?? 0 })).toEqual([
      { query: 'インフレ削減法', replaced: 'インフレ抑制法', by: 'インフレ削減法', hits: 3 },
      { query: 'IRA', replaced: 'インフレ抑制法', by: 'IRA', hits: 2 },
    ]);
    expect(alsoSearchFor('CHIPS法', 0, table, { countHits: () => 0 })).toEqual([]);
  });

  it('offers nothing for a query that names nothing in the table, and caps the list', () => {
    expect(alsoSearchFor('半導体', 0, table)).toEqual([]);
    expect(alsoSearchFor('', 0, table)).toEqual([]);
    expect(alsoSearchFor('IRA IPEF', 0, table, { max: 1 })).toHaveLength(1);
  });
});
