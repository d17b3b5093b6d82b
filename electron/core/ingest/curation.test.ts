import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths';
import { applyCuration, parseCuration, type Curation } from './curation';
import { segmentSource } from './segment';

const root = repoRoot();
const seed = fs.readFileSync(
  path.join(root, 'data/sources/meti-white-paper-2023-us-canada.txt'),
  'utf8',
);
const curationText = fs.readFileSync(
  path.join(root, 'data/curation/meti-white-paper-2023-us-canada.json'),
  'utf8',
);
const names = { source: 'seed.txt', curation: 'curation.json' };
const blocks = segmentSource(seed, names.source);
const curation = parseCuration(curationText, names.curation);
const curate = (c: Curation) => applyCuration(blocks, c, names);

describe('applyCuration on the seed (rule 6)', () => {
  const content = curate(curation);

  it('produces exactly the curated outline', () => {
    const count = (id: string) => content.paragraphs.filter((p) => p.sectionId === id).length;
    expect(
      content.sections.map((s) => [s.id, s.level, s.parentId, s.title, s.editorial, count(s.id)]),
    ).toEqual([
      ['us', 1, null, '第１節\u3000米国', false, 0],
      ['us-1', 2, 'us', '［1．日米経済関係\u3000最近の動き］', true, 3],
      [
        'us-1-2022-05',
        3,
        'us-1',
        '2022年5月\u3000「半導体協力基本原則」を公表、半導体研究施設の視察を実施',
        false,
        1,
      ],
      [
        'us-1-2022-07',
        3,
        'us-1',
        '2022年7月\u3000日米経済政策協議委員会（経済版「２＋２」）の発足と共同声明・行動計画の発出',
        false,
        1,
      ],
      [
        'us-1-2022-09',
        3,
        'us-1',
        '2022年9月\u3000インド太平洋経済枠組み（IPEF）交渉開始',
        false,
        1,
      ],
      [
        'us-1-2023-01',
        3,
        'us-1',
        '2023年1月\u3000米シンクタンクで「幻想を乗り越えた先の新しい世界秩序」をテーマに講演',
        false,
        1,
      ],
      ['us-2', 2, 'us', '2．日米通商分野', false, 0],
      ['us-2-232', 3, 'us-2', '＜1962年米国通商拡大法232条を巡る動き＞', false, 5],
      [
        'us-2-partnership',
        3,
        'us-2',
        '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞',
        false,
        2,
      ],
      ['us-3', 2, 'us', '3．日米貿易投資関係の更なる発展に向けた取組', false, 7],
      ['us-4', 2, 'us', '4．地域・国際社会の繁栄に資する日米経済協力', false, 4],
      ['canada', 1, null, '［第２節\u3000カナダ］', true, 5],
    ]);
    expect(content.paragraphs).toHaveLength(30);
    expect(content.warnings).toEqual([]);
  });

  it('makes each editorial heading a peer of its neighbours: same kind and level', () => {
    const byId = new Map(content.sections.map((s) => [s.id, s]));
    const peer = (id: string) => {
      const s = byId.get(id)!;
      return [s.kind, s.level, s.parentId];
    };
    // ［第２節 カナダ］ beside 第１節 米国; ［1．…］ beside 2．, 3．, 4．.
    expect(peer('canada')).toEqual(peer('us'));
    expect(peer('canada')).toEqual(['chapter', 1, null]);
    for (const id of ['us-2', 'us-3', 'us-4']) expect(peer('us-1')).toEqual(peer(id));
    expect(content.sections.filter((s) => s.editorial).map((s) => s.id)).toEqual([
      'us-1',
      'canada',
    ]);
  });

  it("takes section 1's heading from METI's HTML edition and records where it comes from", () => {
    const entry = curation.editorialSections.find((e) => e.id === 'us-1')!;
    expect(entry.title).toBe('1．日米経済関係\u3000最近の動き');
    expect(entry.source).toBe('https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html');
    expect(curation.editorialSections.find((e) => e.id === 'canada')!.source).toBeUndefined();
    const bad = structuredClone(JSON.parse(curationText));
    bad.editorialSections[0].source = 'javascript:alert(1)';
    expect(() => parseCuration(JSON.stringify(bad), 'c.json')).toThrowError(
      /^c\.json: editorialSections\.0\.source/,
    );
  });

  it('rejoins the paragraph split by the misplaced 3．/4．', () => {
    const joined = content.paragraphs.find((p) => p.id === 'us-4.p2');
    expect(joined?.text).toContain(
      '商務・産業分野でのより深い協力が不可欠であることを再確認した、半導体、輸出管理',
    );
    expect(joined?.text.endsWith('ファクトシートを発出した。')).toBe(true);
    expect([joined?.firstLine, joined?.lastLine]).toEqual([229, 240]);
  });

  it('starts 3． and 4． at the paragraphs the curation names, with readable ids', () => {
    expect(
      content.paragraphs.find((p) => p.id === 'us-3.p1')?.text.startsWith('過去半世紀にわたり'),
    ).toBe(true);
    expect(
      content.paragraphs.find((p) => p.id === 'us-4.p1')?.text.startsWith('国際経済秩序が'),
    ).toBe(true);
    expect(
      content.paragraphs.find((p) => p.id === 'canada.p1')?.text.startsWith('カナダでは、'),
    ).toBe(true);
    expect(content.paragraphs.find((p) => p.id === 'us-1.p3')?.text).toContain(
      '経済産業大臣は2022年5月、7月、9月、及び2023年1月に米国を訪問し',
    );
  });
});

describe('curation errors name the entry', () => {
  const edit = (change: (c: Curation) => void): Curation => {
    const copy = structuredClone(curation);
    change(copy);
    return copy;
  };

  it('fails when a quote matches nothing', () => {
    expect(() => curate(edit((c) => void (c.moves[1]!.before = '存在しない文言')))).toThrowError(
      'curation.json: moves[1].before: quote "存在しない文言" matches nothing in seed.txt',
    );
  });

  it('fails when a quote matches more than once', () => {
    expect(() => curate(edit((c) => void (c.joins[0]!.onto = '萩生田経済産業大臣')))).toThrowError(
      /^curation\.json: joins\[0\]\.onto: quote "萩生田経済産業大臣" matches \d+ times in seed\.txt \(lines [\d, ]+\)$/,
    );
  });

  it('fails when a heading of the source has no id', () => {
    expect(() => curate(edit((c) => void c.sections.splice(5, 1)))).toThrowError(
      'curation.json: heading "2．日米通商分野" (seed.txt:153) has no section id: add it to "sections"',
    );
  });

  it('fails when a heading quote points at a paragraph', () => {
    expect(() => curate(edit((c) => void (c.sections[0]!.quote = '2年目を迎えた')))).toThrowError(
      'curation.json: sections[0] (us): quote "2年目を迎えた" is in a paragraph, expected a heading',
    );
  });

  it('keeps an unclaimed fragment as a paragraph and warns', () => {
    const content = curate(edit((c) => void (c.joins = [])));
    expect(content.paragraphs).toHaveLength(31);
    expect(content.warnings).toEqual([
      'seed.txt:237: paragraph does not open with U+3000 and no join claims it; kept as its own paragraph',
    ]);
  });

  it('validates the file itself', () => {
    expect(() => parseCuration('{', 'c.json')).toThrowError(/^c\.json: not valid JSON/);
    expect(() =>
      parseCuration(
        JSON.stringify({ document: 'd', sections: [{ id: 'Bad Id', quote: '米国' }] }),
        'c.json',
      ),
    ).toThrowError('c.json: sections.0.id: section ids are lower-case words joined by "-"');
    expect(() =>
      parseCuration(
        JSON.stringify({
          document: 'd',
          sections: [
            { id: 'a', quote: '米国' },
            { id: 'a', quote: 'カナ' },
          ],
        }),
        'c.json',
      ),
    ).toThrowError('c.json: section id "a" is used twice');
  });
});
