// Snippets start and end where a reader expects a cut (boundaries.ts): after
// punctuation, at an opening bracket, where a new run of another script begins —
// never inside a word, a number with its counter, or a surrogate pair.
import { describe, expect, it } from 'vitest';
import { boundaryRank } from './boundaries';
import { makeSnippet } from './snippet';

const hitOf = (text: string, word: string, nth = 0): [number, number] => {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(word, at + 1);
  return [at, at + word.length];
};

describe('boundaries', () => {
  it('ranks the places a snippet may start', () => {
    const text = '米国（アルバニー、ニューヨーク）を訪問した。2022年のIPEFでは';
    const at = (s: string) => boundaryRank(text, text.indexOf(s));
    expect(boundaryRank(text, 0)).toBe(3);
    expect(boundaryRank(text, text.length)).toBe(3);
    expect(at('ニューヨーク')).toBe(2); // after 、
    expect(at('（')).toBe(2); // at an opening bracket
    expect(at('アルバニー')).toBe(0); // just after an opening bracket
    expect(at('ューヨーク')).toBe(0); // inside katakana
    expect(at('）')).toBe(0); // before closing punctuation
    expect(at('を訪問')).toBe(0); // a hiragana ending
    expect(at('訪問')).toBe(1); // kanji after hiragana
    expect(at('022年')).toBe(0); // inside a number
    expect(at('年のIPEF')).toBe(0); // a number and its counter
    expect(at('IPEF')).toBe(1); // Latin after hiragana
    expect(at('PEF')).toBe(0); // inside a Latin word
  });

  it('never cuts a surrogate pair', () => {
    const text = 'あ𠮷野家';
    expect(boundaryRank(text, 2)).toBe(-1);
    expect(boundaryRank(text, 1)).toBe(1);
  });
});

describe('snippets', () => {
  it('start after punctuation instead of inside a katakana word', () => {
    const text =
      '萩生田経済産業大臣は、5 月 2 日から 5 月 6 日にかけて、米国（アルバニー、ワシントン DC、ニューヨーク）を訪問した。アルバニーでは、半導体研究施設の視察や関係企業との意見交換を行い、ワシントン DCでは関係閣僚（レモンド商務長官、タイ通商代表）との会談を実施した。';
    const s = makeSnippet(text, [hitOf(text, '半導体')]);
    expect(s.text).not.toMatch(/^…ューヨーク/);
    expect(s.text.startsWith('…ニューヨーク）を訪問した。')).toBe(true);
    expect(s.text.slice(...s.highlights[0]!)).toBe('半導体');
    // The end is clean too: after 、 rather than inside 商務長官.
    expect(s.text.endsWith('、…')).toBe(true);
    expect(s.text.slice(1, -1)).toBe(text.slice(s.from, s.to));
  });

  it('start at a script change when there is no punctuation near, nearest the context wanted', () => {
    const text = `${'これはとてもながいひらがなのぶんしょうでしたがそのあとでまたつづいて'}米国政府が半導体の輸出管理を強化したのであるがそのりゆうはここにはかかれていないのでわからないのだ`;
    const s = makeSnippet(text, [hitOf(text, '半導体')]);
    expect(text[s.from - 1]).toBe('て');
    expect(text.slice(s.from, s.from + 4)).toBe('米国政府');
  });

  it('start at the hit itself when no clean place is near, and keep short texts whole', () => {
    const text = `${'経済産業'.repeat(20)}半導体`;
    const s = makeSnippet(text, [hitOf(text, '半導体')]);
    expect(s.from).toBe(text.indexOf('半導体'));
    expect(s.text).toBe('…半導体');
    expect(makeSnippet('米国の関税', [[3, 5]])).toEqual({
      text: '米国の関税',
      highlights: [[3, 5]],
      from: 0,
      to: 5,
    });
  });

  it('near the end of a long text, take more context before from a clean place', () => {
    const text = `${'前の文です。'.repeat(20)}最後に米国の関税。`;
    const s = makeSnippet(text, [hitOf(text, '関税')]);
    expect(s.to).toBe(text.length);
    expect(s.text.endsWith('関税。')).toBe(true);
    expect(s.to - s.from).toBeLessThanOrEqual(70);
    expect(s.to - s.from).toBeGreaterThan(60);
    expect(boundaryRank(text, s.from)).toBeGreaterThan(0);
  });

  it('highlights every hit inside the cut, merged when they touch', () => {
    const text = `${'あ'.repeat(100)}米国${'い'.repeat(10)}米国米国${'う'.repeat(100)}米国`;
    const first = hitOf(text, '米国');
    const s = makeSnippet(text, [
      first,
      hitOf(text, '米国', 1),
      [hitOf(text, '米国', 1)[1], hitOf(text, '米国', 1)[1] + 2],
      hitOf(text, '米国', 3),
    ]);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['米国', '米国米国']);
  });
});
