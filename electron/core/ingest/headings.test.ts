import { describe, expect, it } from 'vitest';
import { continuesHeading, headingKind } from './headings';

describe('headingKind (rule 5)', () => {
  it('finds 第N節, also reversed by the extraction', () => {
    expect(headingKind(' 米国第１節')).toBe('chapter');
    expect(headingKind('第２節\u3000カナダ')).toBe('chapter');
    expect(headingKind('について、同法第１節')).toBe(null); // sentence punctuation: body text
  });
  it('finds numbered parts and ＜topics＞', () => {
    expect(headingKind('2．日米通商分野')).toBe('part');
    expect(headingKind('3．日米貿易投資関係の更なる発展に向けた取組')).toBe('part');
    expect(headingKind('4．地域・国際社会の繁栄に資する日米経済協力')).toBe('part');
    expect(headingKind('＜1962 年米国通商拡大法 232 条を巡る動き＞')).toBe('topic');
    expect(headingKind('＜日米通商協力枠組み（Japan-U.S.\uFFFDPartnership\uFFFDon\uFFFD')).toBe(
      'topic',
    );
    expect(headingKind('4 分野における両省間の協力に関するファクトシート')).toBe(null);
  });
  it('finds dated items only when U+3000 follows the month', () => {
    expect(headingKind('2022 年 5月\u3000\uFFFD「半導体協力基本原則」を公表、半導')).toBe('dated');
    expect(headingKind('2023 年 1月\u3000\uFFFD米シンクタンクで「幻想を乗り越えた')).toBe('dated');
    expect(headingKind('2023 年 1 月に米国を訪問し、米国関係閣僚との面談')).toBe(null);
    expect(headingKind('\u30002018 年 3 月 23 日、米国政府は、1962 年通商拡大法')).toBe(null);
    expect(headingKind('2022 年 2')).toBe(null);
  });
  it('treats body lines as body', () => {
    expect(headingKind('候変動対策への投資を目的とする「インフレ削減法」')).toBe(null);
    expect(headingKind('')).toBe(null);
  });
});

describe('continuesHeading (rule 5)', () => {
  it('wraps onto unindented lines', () => {
    expect(continuesHeading('体研究施設の視察を実施')).toBe(true);
    expect(continuesHeading('Trade）の立ち上げ＞')).toBe(true);
  });
  it('stops at an indented line, a blank line or another heading', () => {
    expect(continuesHeading('\u3000西村経済産業大臣は、9 月 7 日から')).toBe(false);
    expect(continuesHeading(' ことを再確認した、半導体、輸出管理、デジタル経済、')).toBe(false);
    expect(continuesHeading('')).toBe(false);
    expect(continuesHeading('4．地域・国際社会の繁栄に資する日米経済協力')).toBe(false);
  });
});
