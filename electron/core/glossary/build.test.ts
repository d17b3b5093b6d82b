import { describe, expect, it } from 'vitest';
import { glossarySchema } from '../../common/glossary/types';
import { ContentBuildError } from '../ingest/errors';
import { buildGlossary } from './build';
import expected from './chapter-glossary.expected.json';
import { chapter } from './chapter.test-helper';
import { checkOtherNames, type GlossaryCuration } from './curation';

const { prepared, docs } = chapter();
const curation = prepared.source.curation;
const FILE = 'curation.json';
const withGlossary = (change: (g: GlossaryCuration) => void): GlossaryCuration => {
  const copy = structuredClone(curation.glossary);
  change(copy);
  return copy;
};
const fails = (g: GlossaryCuration, message: string) => {
  expect(() => buildGlossary(docs, g, FILE)).toThrowError(ContentBuildError);
  expect(() => buildGlossary(docs, g, FILE)).toThrowError(message);
};

describe('buildGlossary on the chapter', () => {
  it('is the committed list: one entry per abbreviation at its first definition, then the editorial ones', () => {
    expect(buildGlossary(docs, curation.glossary, FILE)).toEqual(expected.glossary);
  });

  it('stores a valid shape, with the editorial entries marked and placeless', () => {
    const glossary = glossarySchema.parse(buildGlossary(docs, curation.glossary, FILE));
    const editorial = glossary.filter((e) => e.origin === 'editorial').map((e) => e.abbreviation);
    expect(editorial).toEqual([
      'WTO',
      'GATT',
      'JETRO',
      'EV',
      'FTA',
      'G7',
      'G20',
      'CPTPP',
      'AI',
      'LNG',
    ]);
    expect(
      glossary.filter((e) => e.origin === 'editorial').every((e) => e.definedAt === null),
    ).toBe(true);
  });

  it('places the curated 経済版「2＋2」 at its first definition in us-1.p2, before IPEF', () => {
    const glossary = buildGlossary(docs, curation.glossary, FILE);
    expect(
      glossary.slice(0, 2).map((e) => [e.abbreviation, e.via, e.definedAt?.paragraphId]),
    ).toEqual([
      ['経済版「2＋2」', 'curation', 'us-1.p2'],
      ['IPEF', 'rule', 'us-1.p2'],
    ]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildGlossary(docs, curation.glossary, FILE))).toBe(
      JSON.stringify(buildGlossary(chapter().docs, curation.glossary, FILE)),
    );
  });
});

describe('curated definitions', () => {
  it('can correct the rule’s long form (the text must write it before the abbreviation)', () => {
    const glossary = buildGlossary(
      docs,
      withGlossary((g) =>
        g.definitions.push({
          abbreviation: 'CSIS',
          longForm: '米国シンクタンクの戦略国際問題研究所',
        }),
      ),
      FILE,
    );
    const csis = glossary.find((e) => e.abbreviation === 'CSIS');
    expect(csis).toMatchObject({
      longForm: '米国シンクタンクの戦略国際問題研究所',
      via: 'curation',
      definedAt: { paragraphId: 'us-1-2023-01.p1', longFormStart: 114, abbreviationStart: 133 },
    });
  });

  it('fail when the text never writes them', () =>
    fails(
      withGlossary((g) => void (g.definitions[0]!.longForm = '日米経済政策委員会')),
      'curation.json: glossary.definitions[0] (経済版「2＋2」): the text never writes "日米経済政策委員会（経済版「2＋2」）"',
    ));

  it('fail when the rule already finds them', () =>
    fails(
      withGlossary((g) =>
        g.definitions.push({ abbreviation: 'IPEF', longForm: 'インド太平洋経済枠組み' }),
      ),
      'glossary.definitions[1] (IPEF): the extractor already finds this definition (us-1.p2); remove the entry',
    ));
});

describe('editorial entries', () => {
  it('fail when the text defines the abbreviation', () =>
    fails(
      withGlossary((g) => g.editorial.push({ abbreviation: 'IRA', longForm: 'インフレ削減法' })),
      'glossary.editorial[10] (IRA): the text defines it (us-3.p6); remove the entry',
    ));

  it('fail when the text does not use the abbreviation (not even inside a longer word)', () => {
    fails(
      withGlossary((g) => g.editorial.push({ abbreviation: 'OECD', longForm: '経済協力開発機構' })),
      'glossary.editorial[10] (OECD): "OECD" does not occur in the text',
    );
    fails(
      withGlossary((g) => g.editorial.push({ abbreviation: 'CE', longForm: 'x' })),
      'glossary.editorial[10] (CE): "CE" does not occur in the text',
    );
  });

  it('fail when listed twice (also across definitions and editorial, also in full width)', () => {
    fails(
      withGlossary((g) => g.editorial.push({ abbreviation: 'ＷＴＯ', longForm: '世界貿易機関' })),
      'glossary.editorial[10] (ＷＴＯ): "ＷＴＯ" is listed twice',
    );
    fails(
      withGlossary((g) =>
        g.editorial.push({ abbreviation: '経済版「2＋2」', longForm: '日米経済政策協議委員会' }),
      ),
      'glossary.editorial[10] (経済版「2＋2」): "経済版「2＋2」" is listed twice',
    );
  });
});

describe('an abbreviation the text defines twice with different long forms', () => {
  it('keeps the first and lists the other as a variant', () => {
    const sections = [
      {
        id: 'a',
        title: '見出し',
        paragraphs: [{ id: 'a.p1', text: '、インフレ削減法（IRA）が成立。' }],
      },
      {
        id: 'b',
        title: '見出し',
        paragraphs: [{ id: 'b.p1', text: '、インフレ抑制法（IRA）の規則。' }],
      },
    ];
    expect(buildGlossary(sections, { definitions: [], editorial: [] }, FILE)).toEqual([
      expect.objectContaining({
        abbreviation: 'IRA',
        longForm: 'インフレ削減法',
        variants: ['インフレ抑制法'],
        definedAt: expect.objectContaining({ paragraphId: 'a.p1' }),
      }),
    ]);
  });
});

describe('checkOtherNames', () => {
  const groups = curation.otherNames;
  it('accepts the chapter’s table', () => {
    expect(() => checkOtherNames(groups, docs, FILE)).not.toThrow();
  });
  it('fails on a name listed twice, also written otherwise (as search compares)', () => {
    expect(() =>
      checkOtherNames([...groups, { names: ['ｉｒａ', 'Inflation Reduction Act'] }], docs, FILE),
    ).toThrowError(
      `curation.json: otherNames[${groups.length}] (ｉｒａ): "ｉｒａ" is already listed (otherNames[0] (インフレ削減法))`,
    );
  });
  it('fails on a group none of whose names the text uses', () => {
    expect(() =>
      checkOtherNames([...groups, { names: ['OECD', '経済協力開発機構'] }], docs, FILE),
    ).toThrowError(
      `curation.json: otherNames[${groups.length}] (OECD): none of its names occurs in the text, so it cannot help a search of it`,
    );
  });
});
