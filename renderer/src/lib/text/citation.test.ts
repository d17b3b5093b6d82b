import { describe, expect, it } from 'vitest';
import { citationLine, withCitation } from './citation';

const doc = { title: '米国・カナダ', edition: '通商白書2023', publisher: '経済産業省' };

describe('citation', () => {
  it('names the document, publisher and the section path', () => {
    expect(citationLine(doc, ['第１節　米国', '3．日米貿易投資関係の更なる発展に向けた取組'])).toBe(
      '出典：「通商白書2023」（経済産業省）第１節　米国 ＞ 3．日米貿易投資関係の更なる発展に向けた取組',
    );
  });

  it('does not quote a title twice and works without a path', () => {
    expect(citationLine({ ...doc, edition: '「通商白書2023」' }, [])).toBe(
      '出典：「通商白書2023」（経済産業省）',
    );
  });

  it('falls back to the title when there is no edition', () => {
    expect(citationLine({ ...doc, edition: '' }, ['第１節'])).toBe(
      '出典：「米国・カナダ」（経済産業省）第１節',
    );
  });

  it('appends the source after a blank line, trimming trailing space of the passage', () => {
    expect(withCitation('半導体製造等を支援する。\n', '出典：X')).toBe(
      '半導体製造等を支援する。\n\n出典：X',
    );
  });
});
