import { describe, expect, it } from 'vitest';
import { displayText } from './display';
import { fidelityViolation } from './fidelity';

describe('fidelity (rule 7)', () => {
  it.each([
    [['ン強靱化へ重点を置く政策を展開した。'], 'ン強靱化へ重点を置く政策を展開した。'],
    [
      ['進と保護、サプライチェーンの強靭性の強化という四'],
      '進と保護、サプライチェーンの強靭性の強化という四',
    ],
    [
      ['支援や、オープンイノベ―ション促進を目的としてカ'],
      '支援や、オープンイノベ―ション促進を目的としてカ',
    ],
    [['JETRO を通じて、①「ロードショウ」'], 'JETROを通じて、①「ロードショウ」'],
    [
      ['2022 年 7月\u3000\uFFFD日米経済政策協議委員会（経済版「２＋', '２」）の発足'],
      '2022年7月\u3000日米経済政策協議委員会（経済版「２＋２」）の発足',
    ],
  ])('keeps the author\u2019s characters: %j', (lines, expected) => {
    const display = displayText(lines);
    expect(display).toBe(expected);
    expect(fidelityViolation(lines, display)).toBeNull();
  });

  it('a display rule that folded characters (as NFKC does) would be caught', () => {
    const lines = ['JETRO を通じて、①「ロードショウ」（経済版「２＋２」）'];
    const folded = displayText(lines).normalize('NFKC');
    expect(fidelityViolation(lines, folded)).toMatch(
      /^display text differs from the source at character \d+/,
    );
  });

  it('reports any changed character', () => {
    expect(fidelityViolation(['強靱化'], '強靭化')).toBe(
      'display text differs from the source at character 1: source "靱化", display "靭化"',
    );
    expect(fidelityViolation(['２＋２'], '2+2')).not.toBeNull();
    expect(fidelityViolation(['経 済'], '経済')).toBeNull();
  });
});
