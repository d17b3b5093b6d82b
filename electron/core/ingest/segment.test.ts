import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths';
import { decodeSource } from './decode';
import { ContentBuildError } from './errors';
import { segmentSource } from './segment';

const seed = fs.readFileSync(
  path.join(repoRoot(), 'data', 'sources', 'meti-white-paper-2023-us-canada.txt'),
  'utf8',
);

describe('segmentSource (rules 2 and 5 on the seed)', () => {
  const blocks = segmentSource(seed, 'seed.txt');
  const headings = blocks.filter((b) => b.type === 'heading');
  const paragraphs = blocks.filter((b) => b.type === 'paragraph');

  it('finds the ten headings of the source, in source order', () => {
    expect(headings.map((h) => [h.kind, h.text, h.firstLine])).toEqual([
      ['chapter', '米国第１節', 1],
      ['dated', '2022年5月\u3000「半導体協力基本原則」を公表、半導体研究施設の視察を実施', 23],
      [
        'dated',
        '2022年7月\u3000日米経済政策協議委員会（経済版「２＋２」）の発足と共同声明・行動計画の発出',
        38,
      ],
      ['dated', '2022年9月\u3000インド太平洋経済枠組み（IPEF）交渉開始', 49],
      [
        'dated',
        '2023年1月\u3000米シンクタンクで「幻想を乗り越えた先の新しい世界秩序」をテーマに講演',
        60,
      ],
      ['topic', '＜1962年米国通商拡大法232条を巡る動き＞', 75],
      ['topic', '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞', 132],
      ['part', '2．日米通商分野', 153],
      ['part', '3．日米貿易投資関係の更なる発展に向けた取組', 234],
      ['part', '4．地域・国際社会の繁栄に資する日米経済協力', 236],
    ]);
  });

  it('finds 30 paragraphs, one of them the fragment cut off by 3．/4．', () => {
    expect(paragraphs).toHaveLength(31); // 30 + the fragment that curation rejoins
    const fragments = paragraphs.filter((p) => p.fragment);
    expect(fragments.map((f) => [f.firstLine, f.lastLine])).toEqual([[237, 240]]);
    expect(fragments[0]?.text.startsWith('ことを再確認した、半導体、輸出管理')).toBe(true);
  });

  it('joins paragraphs across page breaks and removes the layout indent', () => {
    const ces = paragraphs.find((p) => p.text.includes('見本市である'));
    expect(ces?.text).toContain(
      'エレクトロニクス見本市であるCESを視察し、スタートアップ関係者等との意見交換を行った。',
    );
    expect(ces?.text.startsWith('西村経済産業大臣は、1月5日から1月9日にかけ、')).toBe(true);
    expect(paragraphs.every((p) => !p.text.startsWith('\u3000'))).toBe(true);
    const third = paragraphs[2];
    expect(
      third?.text.startsWith('経済産業大臣は2022年5月、7月、9月、及び2023年1月に米国を訪問し'),
    ).toBe(true);
    expect(paragraphs.find((p) => p.firstLine === 26)?.lastLine).toBe(36); // across the blank line 35
  });

  it('keeps every character of the source but spaces, line breaks and U+FFFD', () => {
    const strip = (s: string) => s.replace(/[ \n\uFFFD\u3000]/g, '');
    const rebuilt = blocks.map((b) => b.text).join('');
    expect(strip(rebuilt)).toBe(strip(seed));
    expect(rebuilt).toContain('強靱');
    expect(rebuilt).toContain('強靭');
    expect(rebuilt).toContain('イノベ―ション');
    expect(rebuilt).not.toContain('\uFFFD');
  });
});

describe('segmentSource on other encodings and arbitrary input', () => {
  const fixture = (name: string) =>
    new Uint8Array(fs.readFileSync(path.join(repoRoot(), 'tests', 'fixtures', 'ingest', name)));

  it('gives the same blocks for the Shift_JIS and UTF-16 fixtures as for UTF-8', () => {
    const reference = segmentSource(decodeSource(fixture('slice-utf8.txt'), 'a').text, 'a');
    expect(reference.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    for (const name of ['slice-shift-jis.txt', 'slice-utf16be-bom.txt', 'slice-utf8-crlf.txt'])
      expect(segmentSource(decodeSource(fixture(name), name).text, 'a'), name).toEqual(reference);
  });

  it('never loses or changes a character (or refuses with one line)', () => {
    const piece = fc.constantFrom(
      '\u3000',
      ' ',
      '\n',
      '\n\n',
      '経済',
      'の',
      '2022 年 5月\u3000',
      '＜',
      '＞',
      '2．',
      '第１節',
      'U.S.',
      '\uFFFD',
      'Trade',
      '、',
      '。',
      '①',
      '強靱',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 30 }).map((a) => a.join('')),
        (text) => {
          let blocks;
          try {
            blocks = segmentSource(text, 'gen.txt');
          } catch (err) {
            expect(err).toBeInstanceOf(ContentBuildError);
            expect((err as Error).message).toMatch(/^gen\.txt:\d+: empty (paragraph|heading)$/);
            return;
          }
          const strip = (s: string) => s.replace(/[ \n\uFFFD\u3000]/g, '');
          expect(strip(blocks.map((b) => b.text).join(''))).toBe(strip(text));
        },
      ),
    );
  });
});
