// The other-names table of the chapter (curation + glossary) against its own text:
// what a reader who types another name is offered.
import { describe, expect, it } from 'vitest';
import { alsoSearchFor, otherNamesTable } from '../../common/glossary/other-names';
import { normalizeText } from '../../common/search/normalize';
import { buildGlossary } from './build';
import { chapter } from './chapter.test-helper';

const { prepared, docs } = chapter();
const curation = prepared.source.curation;
const table = otherNamesTable(
  curation.otherNames,
  buildGlossary(docs, curation.glossary, 'curation.json'),
);
const paragraphs = docs.flatMap((d) => d.paragraphs).map((p) => normalizeText(p.text));
/** Paragraphs holding every space-separated term: a stand-in for the search's count. */
const countHits = (query: string) => {
  const terms = query
    .split(/[ \u3000]+/)
    .map(normalizeText)
    .filter(Boolean);
  return paragraphs.filter((p) => terms.every((t) => p.includes(t))).length;
};
const suggest = (query: string) =>
  alsoSearchFor(query, countHits(query), table, { countHits }).map((s) => [s.query, s.hits]);

describe('also search for, on the chapter', () => {
  it('インフレ抑制法 (no hits) → インフレ削減法 and IRA', () => {
    expect(countHits('インフレ抑制法')).toBe(0);
    expect(suggest('インフレ抑制法')).toEqual([
      ['インフレ削減法', 3],
      ['IRA', 2],
    ]);
  });

  it('IRA (2 hits, few) → インフレ削減法; インフレ削減法 (3 hits) → nothing', () => {
    expect(suggest('IRA')).toEqual([['インフレ削減法', 3]]);
    expect(suggest('インフレ削減法')).toEqual([]);
  });

  it('CHIPS法 → CHIPSおよび科学法; 世界貿易機関 → WTO (an editorial pair)', () => {
    expect(suggest('CHIPS法')).toEqual([['CHIPSおよび科学法', 1]]);
    expect(suggest('世界貿易機関')).toEqual([['WTO', 4]]);
  });

  it('経済版2+2 typed without 「」 → the text’s spelling and the long form', () => {
    expect(suggest('経済版2+2')).toEqual([
      ['経済版「2＋2」', 5],
      ['日米経済政策協議委員会', 3],
    ]);
  });
});
