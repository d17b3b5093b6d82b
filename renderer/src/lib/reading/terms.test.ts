import { describe, expect, it } from 'vitest';
import type { DefinitionSite } from '../../../../electron/common/api/types';
import { sectionView, tocEntry } from '../testing/fixtures';
import { TITLE_KEY } from './hits';
import { definitionRequest, placeOf, termsByParagraph, throughClosingBracket } from './terms';

const site: DefinitionSite = {
  sectionId: 'us-1',
  paragraphId: 'us-1.p2',
  longFormStart: 95,
  longFormEnd: 106,
  abbreviationStart: 107,
  abbreviationEnd: 111,
};

describe('termsByParagraph', () => {
  const section = sectionView({
    title: '2022 年 9月　インド太平洋経済枠組み（IPEF）交渉開始',
    paragraphs: [
      { id: 'p1', text: 'IPEF閣僚会合に出席し、IRA法上の扱いを確認した。IRAN は別。' },
      { id: 'p2', text: '用語のない段落。' },
    ],
  });

  it('finds the glossary’s terms per paragraph and in the heading, as the glossary matches them', () => {
    expect(termsByParagraph(section, ['IPEF', 'IRA'])).toEqual({
      [TITLE_KEY]: [{ start: 22, end: 26, term: 'IPEF' }],
      p1: [
        { start: 0, end: 4, term: 'IPEF' },
        { start: 13, end: 16, term: 'IRA' },
      ],
    });
  });

  it('marks nothing in an editorial heading, and nothing without a glossary', () => {
    expect(termsByParagraph({ ...section, editorial: true }, ['IPEF'])[TITLE_KEY]).toBeUndefined();
    expect(termsByParagraph(section, [])).toEqual({});
  });
});

describe('a definition', () => {
  it('is opened with its long form and abbreviation as the passage', () => {
    expect(definitionRequest(site)).toEqual({
      kind: 'passage',
      paragraphId: 'us-1.p2',
      start: 95,
      end: 111,
    });
  });

  it('takes in the closing bracket when the text has one there', () => {
    expect(throughClosingBracket('枠組み（IPEF）の', 8)).toBe(9);
    expect(throughClosingBracket('World Trade (WTO) x', 16)).toBe(17);
    expect(throughClosingBracket('IPEF', 4)).toBe(4);
  });

  it('is placed by its section’s titles as the reader sees them', () => {
    const toc = [
      tocEntry({ id: 'us', title: '第１節\u3000米国', level: 1 }),
      tocEntry({ id: 'us-1', title: '1．概況', parent: 'us', editorial: true }),
    ];
    expect(placeOf(site, toc)).toBe('第１節\u3000米国 ＞ ［1．概況］');
    expect(placeOf({ ...site, sectionId: 'gone' }, toc)).toBe('gone');
  });
});
