// Rule 2 (paragraphs): in this PDF extraction a paragraph opens on a line whose first
// character after any ASCII spaces is U+3000. That U+3000 is layout (the reader
// indents by style), so it is not part of the display text. Every other line
// continues what came before — also across blank lines, which are page and column
// breaks here (`…見本市であ` / blank / `る CES を視察し…` is one sentence). How lines
// are grouped into paragraphs and headings is done by ./segment.ts.
import { IDEOGRAPHIC_SPACE } from './chars';

/** A line that opens a paragraph: optional ASCII spaces, then U+3000. */
export function isParagraphStart(line: string): boolean {
  return /^[ \t]*\u3000/.test(line);
}

/** The opening line without its layout indent: leading ASCII spaces and exactly one U+3000. */
export function stripParagraphIndent(line: string): string {
  const match = /^[ \t]*\u3000/.exec(line);
  return match ? line.slice(match[0].length) : line;
}

/**
 * True when a line begins with any space (ASCII or U+3000): an "indented" line in the
 * sense of the heading-wrap rule (rule 5). Line 237 of the seed (` ことを再確認した…`)
 * is such a line: it does not open a paragraph, but it is not part of the heading
 * above it either.
 */
export function isIndentedLine(line: string): boolean {
  return line.startsWith(' ') || line.startsWith('\t') || line.startsWith(IDEOGRAPHIC_SPACE);
}
