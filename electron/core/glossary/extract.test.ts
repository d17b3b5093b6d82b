import { describe, expect, it } from 'vitest';
import expected from './chapter-glossary.expected.json';
import { chapter } from './chapter.test-helper';
import { definitionsIn, extractDefinitions, isLatinAbbreviation } from './extract';

const longFormsIn = (text: string) => definitionsIn(text).map((d) => [d.longForm, d.abbreviation]);

describe('extractDefinitions on the chapter', () => {
  const { docs } = chapter();

  it('finds exactly the hand-checked definitions, in reading order', () => {
    expect(extractDefinitions(docs)).toEqual(expected.definitions);
  });

  it('gives offsets that point at the long form and the abbreviation in the display text', () => {
    for (const d of extractDefinitions(docs)) {
      const section = docs.find((s) => s.id === d.sectionId);
      const text =
        d.paragraphId === null
          ? section?.title
          : section?.paragraphs.find((p) => p.id === d.paragraphId)?.text;
      expect(text?.slice(d.longFormStart, d.longFormEnd)).toBe(d.longForm);
      expect(text?.slice(d.abbreviationStart, d.abbreviationEnd)).toBe(d.abbreviation);
      expect(text?.[d.longFormEnd]).toBe('（');
    }
  });

  it('read as many parentheses as the hand check says (31 in paragraphs, 3 in headings)', () => {
    const count = (s: string) => [...s].filter((c) => c === '（' || c === '(').length;
    expect(docs.flatMap((s) => s.paragraphs).reduce((n, p) => n + count(p.text), 0)).toBe(31);
    expect(docs.reduce((n, s) => n + count(s.title), 0)).toBe(3);
  });
});

describe('where the long form starts', () => {
  it('drops an event number before the name (第１回)', () => {
    expect(
      longFormsIn('会談では、第１回日米商務・産業パートナーシップ（JUCIP）閣僚級会合'),
    ).toEqual([['日米商務・産業パートナーシップ', 'JUCIP']]);
    expect(longFormsIn('第3次日米協議会（JUC）')).toEqual([['日米協議会', 'JUC']]);
  });

  it('starts after the particle の', () => {
    expect(longFormsIn('、米国シンクタンクの戦略国際問題研究所（CSIS）における講演')).toEqual([
      ['戦略国際問題研究所', 'CSIS'],
    ]);
  });

  it('is not fooled by a number with a comma, with or without the PDF spaces', () => {
    expect(
      longFormsIn('税収強化等に主眼を置いた、歳出規模4,370億ドルのインフレ削減法（IRA）が成立'),
    ).toEqual([['インフレ削減法', 'IRA']]);
    expect(longFormsIn('歳出規模 4,370 億ドルのインフレ削減法（IRA）')).toEqual([
      ['インフレ削減法', 'IRA'],
    ]);
  });

  it('starts after や when two definitions follow each other', () => {
    expect(
      longFormsIn(
        '日米経済政策協議委員会（経済版「2＋2」）やインド太平洋経済枠組み（IPEF）の立ち上げ',
      ),
    ).toEqual([['インド太平洋経済枠組み', 'IPEF']]);
  });

  it('keeps okurigana (枠組み, 可能な) and cuts after longer hiragana runs (における)', () => {
    expect(longFormsIn('持続可能な開発目標（SDGs）')).toEqual([['持続可能な開発目標', 'SDGs']]);
    expect(longFormsIn('国際社会における世界保健機関（WHO）')).toEqual([['世界保健機関', 'WHO']]);
  });

  it('takes a whole quotation when the parenthesis follows it', () => {
    expect(longFormsIn('「インフレ削減法」（IRA）が成立')).toEqual([['インフレ削減法', 'IRA']]);
    expect(longFormsIn('『国家安全保障戦略』(NSS)')).toEqual([['国家安全保障戦略', 'NSS']]);
  });

  it('starts at a heading’s U+3000 and at the start of the text', () => {
    expect(longFormsIn('2022年9月\u3000インド太平洋経済枠組み（IPEF）交渉開始')).toEqual([
      ['インド太平洋経済枠組み', 'IPEF'],
    ]);
    expect(longFormsIn('主要7か国（G7）の')).toEqual([['主要7か国', 'G7']]);
  });

  it('matches an English long form by its initials', () => {
    expect(longFormsIn('joined the World Trade Organization (WTO) in 1995')).toEqual([
      ['World Trade Organization', 'WTO'],
    ]);
    expect(longFormsIn('under the Indo-Pacific Economic Framework (IPEF).')).toEqual([
      ['Indo-Pacific Economic Framework', 'IPEF'],
    ]);
    expect(longFormsIn('a Trade Act (WTO)')).toEqual([]);
  });

  it('known limit: a name with a particle inside is cut after it (curation can correct it)', () => {
    expect(longFormsIn('自由で開かれたインド太平洋（FOIP）')).toEqual([['インド太平洋', 'FOIP']]);
  });
});

describe('what is not a definition', () => {
  it.each([
    '直接投資・証券投資等残高（地域別）',
    '萩生田経済産業大臣（当時）',
    'GATT第21条（b）（iii）項',
    '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞',
    '雇用者数は93.2万人（世界2位）',
    '米国（アルバニー、ワシントンDC、ニューヨーク）',
    '日米経済政策協議委員会（経済版「2＋2」）',
    '（IPEF）から始まる文',
    '枠組みの（IPEF）',
    'インド太平洋経済枠組み（IPEF',
  ])('%s', (text) => {
    expect(definitionsIn(text)).toEqual([]);
  });

  it('recognizes abbreviations by shape', () => {
    for (const yes of ['IPEF', 'G7', 'G20', 'CPTPP', 'SDGs', 'U.S.', 'ＩＰＥＦ', 'R&D'])
      expect(isLatinAbbreviation(yes), yes).toBe(true);
    for (const no of ['b', 'iii', 'Trade', 'G', '2020', 'A B', 'ABCDEFGHIJKLMNOP', '世界2位'])
      expect(isLatinAbbreviation(no), no).toBe(false);
  });
});
