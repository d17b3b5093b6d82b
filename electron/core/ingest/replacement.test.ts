import { describe, expect, it } from 'vitest';
import { resolveReplacementCharacters } from './replacement';
import { joinLines } from './spacing';

describe('resolveReplacementCharacters (rule 4)', () => {
  it('turns U+FFFD between Latin text into one space', () => {
    expect(resolveReplacementCharacters('（Japan-U.S.\uFFFDPartnership\uFFFDon')).toBe(
      '（Japan-U.S. Partnership on',
    );
  });
  it('works across a line break once lines are joined', () => {
    const joined = joinLines([
      '＜日米通商協力枠組み（Japan-U.S.\uFFFDPartnership\uFFFDon\uFFFD',
      'Trade）の立ち上げ＞',
    ]);
    expect(resolveReplacementCharacters(joined)).toBe(
      '＜日米通商協力枠組み（Japan-U.S. Partnership on Trade）の立ち上げ＞',
    );
  });
  it('removes U+FFFD elsewhere and keeps the U+3000', () => {
    expect(resolveReplacementCharacters('2022 年 5月\u3000\uFFFD「半導体協力基本原則」')).toBe(
      '2022 年 5月\u3000「半導体協力基本原則」',
    );
    expect(resolveReplacementCharacters('\uFFFDTrade')).toBe('Trade');
    expect(resolveReplacementCharacters('on\uFFFD')).toBe('on');
    expect(resolveReplacementCharacters('A \uFFFD\uFFFD B')).toBe('A B');
  });
  it('leaves text without U+FFFD alone', () => {
    expect(resolveReplacementCharacters('経済版「２＋２」')).toBe('経済版「２＋２」');
  });
});
