// Character classes that search normalization and matching depend on. Decided on
// the display character (before folding), so that a full-width ＋ still counts as
// Japanese typography although NFKC turns it into an ASCII +.

/** Han, kana, the prolonged sound mark, CJK punctuation, full-/half-width forms. */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK symbols and punctuation, hiragana, katakana
    (cp >= 0x3100 && cp <= 0x31ff) || // bopomofo, kanbun, katakana phonetic extensions
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK letters, CJK compatibility (㍿, ㌔)
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // full-width ASCII, half-width katakana, full-width symbols
    (cp >= 0x2460 && cp <= 0x24ff) || // enclosed alphanumerics ①②③ used in Japanese text
    (cp >= 0x20000 && cp <= 0x3ffff) // CJK extensions B and later
  );
}

/** Katakana letters and ー: the context in which dash look-alikes read as ー. */
export function isKatakanaOrProlonged(cp: number): boolean {
  return (cp >= 0x30a1 && cp <= 0x30fa) || cp === 0x30fc;
}

/** Whitespace for search: ASCII and Unicode spaces, line breaks, the ideographic space. */
export function isSearchSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfffd // U+FFFD: a non-breaking space lost in extraction (see below)
  );
}

/**
 * Characters search ignores entirely: zero-width marks, BOM, soft hyphen. (U+FFFD is
 * never matched either; it counts as a space, because in this source it stands for
 * a lost non-breaking space: `U.S.�Partnership` is two words, `5月 U+3000 �「` none.)
 */
export function isIgnored(cp: number): boolean {
  return (
    cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad
  );
}

/** Variation selectors (incl. the ideographic variation selectors of 異体字 sequences). */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/**
 * Marks that belong to the preceding character: combining marks and the half-width
 * (semi-)voiced sound marks ﾞ ﾟ that NFKC composes with the kana before them (ｶﾞ → ガ).
 */
export function isAttachedMark(cp: number): boolean {
  if (cp === 0xff9e || cp === 0xff9f) return true;
  if (cp < 0x300) return false;
  if (cp > 0xffff) return COMBINING.test(String.fromCodePoint(cp));
  // Memoized per BMP code point: the Unicode property test is slow on every kanji.
  let known = MARK_MEMO[cp] as number;
  if (known === 0) {
    known = COMBINING.test(String.fromCharCode(cp)) ? 2 : 1;
    MARK_MEMO[cp] = known;
  }
  return known === 2;
}
const COMBINING = /^\p{M}$/u;
/** 0 unknown, 1 not a mark, 2 a mark. */
const MARK_MEMO = new Uint8Array(0x10000);

/** ASCII letters and digits: a term that starts with one must start at a word boundary. */
export function isLatinWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a)
  );
}
