// The character classes the ingest rules are written in. Kept in one place so that
// every rule agrees on what "CJK", "Latin" and "space" mean — and so that nothing
// relies on JavaScript's `\s` or `trim()`, which also match U+3000 (the ideographic
// space that opens paragraphs and separates a dated heading from its title).

/** U+3000: opens a paragraph (layout) or separates heading parts (text). Never an "ASCII space". */
export const IDEOGRAPHIC_SPACE = '\u3000';
/** U+FFFD: what the PDF extraction left where a non-breaking space was lost. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

/** ASCII space or tab: the only characters the spacing rules ever remove. */
export function isAsciiSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/** ASCII letters and digits (the "Latin or digits" of the line-joining rule). */
export function isLatinOrDigit(ch: string): boolean {
  return /^[A-Za-z0-9]$/.test(ch);
}

/** Printable ASCII other than space: letters, digits and ASCII punctuation ("Latin text"). */
export function isLatinText(ch: string): boolean {
  if (ch.length !== 1) return false;
  const c = ch.charCodeAt(0);
  return c > 0x20 && c < 0x7f;
}

/**
 * CJK in the sense of the ingest rules: Han, Hiragana, Katakana (with ・ and the
 * prolonged sound mark ー), CJK symbols and punctuation (、。「」 and U+3000), and the
 * full-width forms (（）＋％…). A few symbols that are set full-width in Japanese text
 * are included too: ― (U+2015, as in イノベ―ション), ‥ …, ※, geometric shapes (■◆○)
 * and enclosed numbers (①②③④), so that no ASCII space survives next to them either.
 * Takes one code point (a string of one or two UTF-16 units).
 */
export function isCjk(ch: string): boolean {
  const c = ch.codePointAt(0);
  if (c === undefined) return false;
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0x3040 && c <= 0x30ff) || // Hiragana, Katakana (incl. ・ ー)
    (c >= 0x31f0 && c <= 0x31ff) || // Katakana phonetic extensions
    (c >= 0x3400 && c <= 0x4dbf) || // CJK extension A
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) || // half-width and full-width forms
    (c >= 0x20000 && c <= 0x3ffff) || // CJK extensions B and later
    c === 0x2015 ||
    c === 0x2025 ||
    c === 0x2026 ||
    c === 0x203b ||
    (c >= 0x2460 && c <= 0x24ff) || // enclosed alphanumerics ①
    (c >= 0x25a0 && c <= 0x25ff) // geometric shapes ■◆○
  );
}

/** Removes ASCII spaces/tabs at both ends; U+3000 is kept (unlike String.prototype.trim). */
export function trimAsciiSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** True for a line with nothing but ASCII spaces, tabs and U+3000 (a page or column break). */
export function isBlankLine(line: string): boolean {
  return /^[ \t\u3000]*$/.test(line);
}
