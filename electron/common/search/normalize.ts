// Search normalization: the search copy of a text, separate from the display text,
// plus the edits that map offsets in the search copy back to display offsets (so a
// hit found in the search copy highlights the right display characters, across
// removed spaces, U+FFFD and folded characters).
//
// Rules, applied per character (a base character with its attached marks):
// - NFKC, then lower case: full-/half-width folding (ＩＰＥＦ → ipef, ｶﾅﾀﾞ → カナダ,
//   ２０２２ → 2022), compatibility characters (① → 1, ㍿ → 株式会社);
// - the fold tables of ./folds (long-vowel look-alikes after katakana, 異体字, 〜);
// - zero-width characters and variation selectors are ignored; U+FFFD (a lost
//   non-breaking space in this source) is never matched and counts as a space;
// - whitespace (ASCII, U+3000, line breaks) next to a CJK character, at the start or
//   at the end is removed (the PDF's spacing artifacts and line breaks do not exist
//   for search); between two non-CJK characters a run becomes one ASCII space, which
//   separates Latin words.
import {
  isCjk,
  isIgnored,
  isKatakanaOrProlonged,
  isAttachedMark,
  isSearchSpace,
  isVariationSelector,
} from './chars';
import {
  LONG_VOWEL_LOOKALIKES,
  PROLONGED_SOUND_MARK,
  PUNCTUATION_FOLDS,
  VARIANT_KANJI,
} from './folds';

export interface NormalizedText {
  /** The search copy. */
  text: string;
  /**
   * Flattened triples `[displayStart, displayEnd, normalizedLength, …]`, sorted, for every
   * display stretch that is not copied one UTF-16 unit for one unit (removed spaces and
   * ignored characters have length 0). Everything between edits maps one to one.
   */
  edits: number[];
}

const VARIATION_SELECTORS = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 65_536;

/** Folds one character (with its attached marks) into its search form; may be empty. */
export function foldCharacter(segment: string): string {
  if (segment.length === 1) {
    const c = segment.charCodeAt(0);
    if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : segment;
  }
  const cached = foldCache.get(segment);
  if (cached !== undefined) return cached;
  const nfkc = segment.replace(VARIATION_SELECTORS, '').normalize('NFKC').toLowerCase();
  let result = '';
  for (const ch of nfkc) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isSearchSpace(cp) || isIgnored(cp)) continue;
    result += VARIANT_KANJI.get(ch) ?? PUNCTUATION_FOLDS.get(ch) ?? ch;
  }
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(segment, result);
  return result;
}

/** 0 unknown, 1 plain, 2 not: memo of isPlain per BMP code unit. */
const PLAIN_MEMO = new Uint8Array(0x10000);

/**
 * A BMP character that normalization copies as is: not a space, ignored, mark,
 * selector, surrogate or long-vowel look-alike, and its own fold.
 */
function isPlain(cp: number): boolean {
  if (cp > 0xffff) return false;
  let known = PLAIN_MEMO[cp] as number;
  if (known === 0) {
    const plain =
      !(cp >= 0xd800 && cp <= 0xdfff) &&
      !isSearchSpace(cp) &&
      !isIgnored(cp) &&
      !isMarkOrSelector(cp) &&
      !LONG_VOWEL_LOOKALIKES.has(cp) &&
      foldCharacter(String.fromCharCode(cp)) === String.fromCharCode(cp);
    known = plain ? 1 : 2;
    PLAIN_MEMO[cp] = known;
  }
  return known === 1;
}

function isMarkOrSelector(cp: number): boolean {
  return isAttachedMark(cp) || isVariationSelector(cp);
}

/** The search copy of a display text and the edits mapping it back. */
export function normalizeForSearch(display: string): NormalizedText {
  return normalize(display, true);
}

/** The same without the fast path for plain runs: the reference the tests compare with. */
export function normalizeForSearchReference(display: string): NormalizedText {
  return normalize(display, false);
}

function normalize(display: string, fast: boolean): NormalizedText {
  const parts: string[] = [];
  const edits: number[] = [];
  const n = display.length;
  let hasOutput = false;
  let prevCjk = false;
  let prevOut = -1; // last emitted code point
  let spaceStart = -1; // pending whitespace run [spaceStart, spaceEnd)
  let spaceEnd = -1;
  let i = 0;
  while (i < n) {
    const cp = display.codePointAt(i) ?? 0;
    // Fast path: a run of characters that are their own search form is copied whole
    // (exactly what the general path below does for each of them).
    if (fast && spaceStart < 0 && isPlain(cp)) {
      let k = i + 1;
      while (k < n && isPlain(display.charCodeAt(k))) k++;
      if (k < n && isMarkOrSelector(display.codePointAt(k) ?? 0)) k--; // it takes its marks
      if (k > i) {
        parts.push(display.slice(i, k));
        prevOut = display.charCodeAt(k - 1);
        prevCjk = isCjk(prevOut);
        hasOutput = true;
        i = k;
        continue;
      }
    }
    let j = i + (cp > 0xffff ? 2 : 1);
    if (isSearchSpace(cp)) {
      if (spaceStart < 0) spaceStart = i;
      spaceEnd = j;
      i = j;
      continue;
    }
    if (isIgnored(cp) || isVariationSelector(cp) || (isAttachedMark(cp) && !hasOutput)) {
      if (spaceStart >= 0) spaceEnd = j;
      else edits.push(i, j, 0);
      i = j;
      continue;
    }
    while (j < n) {
      const mark = display.codePointAt(j) ?? 0;
      if (!isAttachedMark(mark) && !isVariationSelector(mark)) break;
      j += mark > 0xffff ? 2 : 1;
    }
    const cjk = isCjk(cp);
    if (spaceStart >= 0) {
      if (hasOutput && !prevCjk && !cjk) {
        parts.push(' ');
        prevOut = 0x20;
        if (spaceEnd - spaceStart !== 1) edits.push(spaceStart, spaceEnd, 1);
      } else {
        edits.push(spaceStart, spaceEnd, 0);
      }
      spaceStart = -1;
    }
    const segment = display.slice(i, j);
    const folded =
      LONG_VOWEL_LOOKALIKES.has(cp) && j - i === 1 && isKatakanaOrProlonged(prevOut)
        ? PROLONGED_SOUND_MARK
        : foldCharacter(segment);
    if (folded.length === 0) {
      edits.push(i, j, 0);
    } else {
      if (folded.length !== j - i || (j - i > 1 && folded !== segment)) {
        edits.push(i, j, folded.length);
      }
      parts.push(folded);
      prevOut = folded.codePointAt(folded.length - 1) ?? -1;
      if (prevOut >= 0xdc00 && prevOut <= 0xdfff)
        prevOut = folded.codePointAt(folded.length - 2) ?? -1;
      prevCjk = cjk;
      hasOutput = true;
    }
    i = j;
  }
  if (spaceStart >= 0) edits.push(spaceStart, spaceEnd, 0);
  return { text: parts.join(''), edits };
}

/** The search copy only (queries, ground truth). */
export function normalizeText(display: string): string {
  return normalizeForSearch(display).text;
}

/**
 * Where the normalized character at `at` comes from: unchanged display text (its
 * display offset), or an edit (the display span the edit replaced).
 */
function locate(
  edits: readonly number[],
  at: number,
): { display: number } | { from: number; to: number } {
  let norm = 0;
  let disp = 0;
  for (let k = 0; k < edits.length; k += 3) {
    const ds = edits[k] as number;
    const de = edits[k + 1] as number;
    const len = edits[k + 2] as number;
    const plain = ds - disp;
    if (at < norm + plain) return { display: disp + (at - norm) };
    norm += plain;
    if (len > 0 && at < norm + len) return { from: ds, to: de };
    norm += len;
    disp = de;
  }
  return { display: disp + (at - norm) };
}

/** Display offset where the normalized character at `start` begins. */
export function toDisplayStart(edits: readonly number[], start: number): number {
  const where = locate(edits, start);
  return 'display' in where ? where.display : where.from;
}

/** Display offset where the normalized character before `end` ends (end > 0). */
export function toDisplayEnd(edits: readonly number[], end: number): number {
  if (end <= 0) return toDisplayStart(edits, 0);
  const where = locate(edits, end - 1);
  return 'display' in where ? where.display + 1 : where.to;
}

/** Maps a [start, end) range of the search copy to the display text. */
export function toDisplayRange(
  edits: readonly number[],
  start: number,
  end: number,
): [number, number] {
  const s = toDisplayStart(edits, start);
  return [s, Math.max(s, toDisplayEnd(edits, end))];
}

/**
 * Maps many ranges of one text in a single sweep over its edits (ranges sorted by
 * start map in linear time; going backwards restarts the sweep, still correct).
 */
export class DisplayMapper {
  private k = 0;
  private norm = 0;
  private disp = 0;

  constructor(private edits: ArrayLike<number>) {}

  /** Maps another text's edits with the same object (no allocation per text). */
  reset(edits: ArrayLike<number>): this {
    this.edits = edits;
    this.k = 0;
    this.norm = 0;
    this.disp = 0;
    return this;
  }

  /** Display offset of the first unit at or after normalized `x` (start semantics). */
  start(x: number): number {
    return this.locate(x, false);
  }

  /** Display offset just after normalized unit `y - 1` (end semantics). */
  end(y: number): number {
    return y <= 0 ? this.start(0) : this.locate(y - 1, true);
  }

  private locate(x: number, after: boolean): number {
    const edits = this.edits;
    if (edits.length === 0) return after ? x + 1 : x;
    if (x < this.norm) {
      this.k = 0;
      this.norm = 0;
      this.disp = 0;
    }
    while (this.k < edits.length) {
      const ds = edits[this.k] as number;
      const de = edits[this.k + 1] as number;
      const len = edits[this.k + 2] as number;
      const plain = ds - this.disp;
      if (x < this.norm + plain) return this.disp + (x - this.norm) + (after ? 1 : 0);
      if (len > 0 && x < this.norm + plain + len) return after ? de : ds;
      this.norm += plain + len;
      this.disp = de;
      this.k += 3;
    }
    return this.disp + (x - this.norm) + (after ? 1 : 0);
  }
}
