import { describe, expect, it } from 'vitest';
import { spacedSides } from './autospace';

const sides = (text: string, term: string) => {
  const start = text.indexOf(term);
  return spacedSides(text, start, start + term.length);
};

describe('spacedSides', () => {
  it('spaces a Latin abbreviation from the kana or kanji beside it', () => {
    expect(sides('脱炭素化、LNGや重要鉱物', 'LNG')).toEqual({ before: false, after: true });
    expect(sides('経産省は、JETROを通じて', 'JETRO')).toEqual({ before: false, after: true });
    expect(sides('担当大臣とCPTPPや', 'CPTPP')).toEqual({ before: true, after: true });
    expect(sides('セールスマンシップG7の', 'G7')).toEqual({ before: true, after: true });
  });

  it('adds none beside punctuation, Latin text or the ends of the text', () => {
    expect(sides('G7、G20、WTO等', 'G20')).toEqual({ before: false, after: false });
    expect(sides('（IRA）', 'IRA')).toEqual({ before: false, after: false });
    expect(sides('IRA', 'IRA')).toEqual({ before: false, after: false });
    expect(sides('the IRA act', 'IRA')).toEqual({ before: false, after: false });
  });

  it('adds none for an element that ends in an ideograph or full-width form', () => {
    expect(sides('経済版「2＋2」に', '経済版「2＋2」')).toEqual({ before: false, after: false });
    expect(sides('米国ＵＳＴＲは', 'ＵＳＴＲ')).toEqual({ before: false, after: false });
  });

  it('counts the prolonged sound mark as kana and an empty range as nothing', () => {
    expect(sides('データーAIの', 'AI')).toEqual({ before: true, after: true });
    expect(spacedSides('やAIや', 1, 1)).toEqual({ before: false, after: false });
  });
});
