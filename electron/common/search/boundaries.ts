// Where a snippet of Japanese (or mixed) text may start or end without cutting a
// word: after punctuation or a space, at an opening bracket, or where the script
// changes into a new run — a kanji, katakana or Latin run after hiragana (…の|米国),
// katakana after kanji (米国|ニューヨーク), and the like. Never inside a run of one
// script (ニュー|ヨーク, IP|EF, 20|22), never between a number and its counter
// (2022|年), never before closing punctuation or a hiragana ending (米国|では, ）|を),
// and never between the halves of a surrogate pair. Pure, so the renderer can use it too.

type Script =
  'space' | 'open' | 'close' | 'punct' | 'hira' | 'kata' | 'han' | 'latin' | 'digit' | 'other';

const OPEN = new Set([...'「『（［【〈《｛〔“‘([{<＜']);
const CLOSE = new Set([...'」』）］】〉》｝〕”’)]}>＞']);
const PUNCT = new Set([...'、。，．・：；！？…‥,.;:!?／/']);

function scriptOf(cp: number): Script {
  if (cp === 0x20 || cp === 0x3000 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0) return 'space';
  const ch = String.fromCodePoint(cp);
  if (OPEN.has(ch)) return 'open';
  if (CLOSE.has(ch)) return 'close';
  if (PUNCT.has(ch)) return 'punct';
  if (cp >= 0x3041 && cp <= 0x309f) return 'hira';
  // Katakana with ー and the small ヵヶ; half-width katakana.
  if ((cp >= 0x30a0 && cp <= 0x30ff) || (cp >= 0xff66 && cp <= 0xff9f)) return 'kata';
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    cp === 0x3005 || // 々
    cp === 0x3006 || // 〆
    cp === 0x3007 // 〇
  )
    return 'han';
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19)) return 'digit';
  if (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xff21 && cp <= 0xff3a) ||
    (cp >= 0xff41 && cp <= 0xff5a) ||
    (cp >= 0xc0 && cp <= 0x24f)
  )
    return 'latin';
  return 'other';
}

function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (i >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Runs that a word may start with after another script. */
const WORD_START: ReadonlySet<Script> = new Set(['han', 'kata', 'latin', 'digit']);

/**
 * How good a place offset `i` of `text` is to start a snippet (or to end one: the
 * same places): 3 the text's own start or end, 2 after punctuation or a space or at
 * an opening bracket, 1 where a new run of another script begins, 0 inside a word
 * (never cut there), -1 between the halves of a surrogate pair.
 */
export function boundaryRank(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return 3;
  const code = text.charCodeAt(i);
  if (code >= 0xdc00 && code <= 0xdfff) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return -1;
  }
  const before = scriptOf(codePointBefore(text, i));
  const after = scriptOf(text.codePointAt(i) ?? 0);
  if (after === 'close' || after === 'punct') return 0;
  if (after === 'open') return 2;
  // After a closing bracket, hiragana goes on with the sentence (…）を訪問, 」と述べた).
  if (before === 'close' && after === 'hira') return 0;
  if (before === 'space' || before === 'punct' || before === 'close')
    return after === 'space' ? 0 : 2;
  if (before === 'open' || after === 'space' || before === after) return 0;
  if (!WORD_START.has(after)) return 0;
  // A number and its counter or unit (2022年, 10月, 93.2万人) are one word.
  if (before === 'digit' && after === 'han') return 0;
  return 1;
}
