import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinLines, joinTwo, normalizeSpacing } from './spacing';

describe('joinLines (rule 3)', () => {
  it('joins Japanese lines with no space', () => {
    expect(
      joinLines(['2 年目を迎えたバイデン政権は、2022 年 8 月に、気', '候変動対策への投資']),
    ).toBe('2 年目を迎えたバイデン政権は、2022 年 8 月に、気候変動対策への投資');
  });
  it('joins across blank lines (page breaks) and drops stray edge spaces', () => {
    expect(
      joinLines(['ベガスでは世界最大級のエレクトロニクス見本市であ', '', 'る CES を視察し']),
    ).toBe('ベガスでは世界最大級のエレクトロニクス見本市である CES を視察し');
    expect(joinLines(['（CSIS）における講演、', ' 連邦議員や経済団体'])).toBe(
      '（CSIS）における講演、連邦議員や経済団体',
    );
    expect(joinLines(['カナダが今後 ', '10 年間で'])).toBe('カナダが今後10 年間で');
  });
  it('puts one space between Latin or digits on both sides', () => {
    expect(joinLines(['米国を訪問した。2023 年 1 月 27', '日、'])).toBe(
      '米国を訪問した。2023 年 1 月 27日、',
    );
    expect(joinLines(['Japan', 'Partnership'])).toBe('Japan Partnership');
    expect(joinLines(['2022 年 2', '月'])).toBe('2022 年 2月');
    expect(joinLines(['のWTO', '2022'])).toBe('のWTO 2022');
  });
  it('puts a space after an English sentence or abbreviation when a capitalised word follows', () => {
    expect(joinLines(['（Japan-U.S.', 'Partnership on Trade）'])).toBe(
      '（Japan-U.S. Partnership on Trade）',
    );
    expect(joinLines(['the report, see', 'Chapter 2.', 'The'])).toBe(
      'the report, see Chapter 2. The',
    );
    // A URL or file name broken at a dot: no space.
    expect(joinLines(['https://www.debian.', 'org/doc'])).toBe('https://www.debian.org/doc');
    expect(joinLines(['U.S.', '、日本'])).toBe('U.S.、日本');
  });
  it('joinTwo keeps U+3000 at the seam', () => {
    expect(joinTwo('不可欠である', 'ことを再確認した')).toBe('不可欠であることを再確認した');
    expect(joinTwo('5月\u3000', '「半導体')).toBe('5月\u3000「半導体');
  });
});

describe('normalizeSpacing (rule 3)', () => {
  it.each([
    [
      '経 済 産 業 大 臣 は 2022 年 5 月、7 月、9 月、 及 び',
      '経済産業大臣は2022年5月、7月、9月、及び',
    ],
    ['産業パートナーシップ （JUCIP）」と', '産業パートナーシップ（JUCIP）」と'],
    ['10% の追加関税', '10%の追加関税'],
    ['対して 25%、アルミ', '対して25%、アルミ'],
    ['経済版「2 ＋ 2」', '経済版「2＋2」'],
    ['高全体の 33% に相当する 76.1 兆円に達した', '高全体の33%に相当する76.1兆円に達した'],
    ['「CHIPS および科学法」', '「CHIPSおよび科学法」'],
    ['ワシントン D.C. で開催され', 'ワシントンD.C.で開催され'],
    ['GATT 第 21 条（b）（iii）項', 'GATT第21条（b）（iii）項'],
    ['歳出規模 4,370 億ドルのインフレ削減法（IRA）', '歳出規模4,370億ドルのインフレ削減法（IRA）'],
  ])('%s → %s', (input, output) => {
    expect(normalizeSpacing(input)).toBe(output);
  });

  it('keeps spaces between Latin words and between Latin and digits', () => {
    expect(normalizeSpacing('（Japan-U.S. Partnership on Trade）')).toBe(
      '（Japan-U.S. Partnership on Trade）',
    );
    expect(normalizeSpacing('「Collision 2022」')).toBe('「Collision 2022」');
    expect(normalizeSpacing('on  Trade')).toBe('on Trade');
  });

  it('never removes U+3000', () => {
    expect(normalizeSpacing('2022 年 5月\u3000「半導体')).toBe('2022年5月\u3000「半導体');
    expect(normalizeSpacing('第１節 \u3000 米国')).toBe('第１節\u3000米国');
  });

  it('is idempotent and only ever removes ASCII spaces', () => {
    const alphabet = fc.constantFrom(
      '経',
      'は',
      'ー',
      '、',
      '（',
      '＋',
      '\u3000',
      'A',
      'z',
      '2',
      '%',
      '.',
      ' ',
      ' ',
      '①',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          const once = normalizeSpacing(text);
          expect(normalizeSpacing(once)).toBe(once);
          expect(once.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        },
      ),
    );
  });
});
