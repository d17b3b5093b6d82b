import { describe, expect, it } from 'vitest';
import { format, messages, translate } from './i18n';

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.ja).sort());
    for (const lang of ['ja', 'en'] as const) {
      for (const [key, value] of Object.entries(messages[lang])) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.ja) as (keyof typeof messages.ja)[]) {
      expect(names(messages.en[key]), key).toEqual(names(messages.ja[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ja', 'noResults', { query: '半導体' })).toBe(
      '「半導体」は見つかりませんでした。',
    );
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
