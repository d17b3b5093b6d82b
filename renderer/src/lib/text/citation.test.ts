import { describe, expect, it } from 'vitest';
import { citationLine, copyWithCitation, withCitation } from './citation';

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

describe('copy with the source line', () => {
  function copyEvent(writable = true) {
    const data: Record<string, string> = {};
    let prevented = false;
    return {
      data,
      prevented: () => prevented,
      event: {
        clipboardData: writable ? { setData: (type: string, v: string) => (data[type] = v) } : null,
        preventDefault: () => (prevented = true),
      },
    };
  }

  it('replaces the browser’s copy with the passage and its source', () => {
    const copy = copyEvent();
    expect(copyWithCitation(copy.event, '米国経済は堅調に推移した。 ', doc, ['第１節　米国'])).toBe(
      true,
    );
    expect(copy.prevented()).toBe(true);
    expect(copy.data['text/plain']).toBe(
      '米国経済は堅調に推移した。\n\n出典：「通商白書2023」（経済産業省）第１節　米国',
    );
  });

  it('leaves a blank selection or an unwritable clipboard to the browser', () => {
    const blank = copyEvent();
    expect(copyWithCitation(blank.event, ' \n', doc, [])).toBe(false);
    expect(blank.prevented()).toBe(false);
    const locked = copyEvent(false);
    expect(copyWithCitation(locked.event, '米国', doc, [])).toBe(false);
    expect(locked.prevented()).toBe(false);
  });
});
