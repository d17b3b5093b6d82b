// Rule 3 (joining and spacing). The extraction broke lines at the PDF's column edge
// and scattered ASCII spaces through Japanese text (`経 済 産 業 大 臣`, `2022 年 5 月`).
// Lines are joined with no space unless both sides are Latin letters or digits; then
// ASCII spaces — never U+3000 — are removed wherever a CJK character stands on
// either side, and collapsed to one space elsewhere.
//
// Latin next to Japanese (`CHIPS および`, `ワシントン DC で`, `IPEF の`): the space is
// REMOVED (`CHIPSおよび`). Japanese typesetting puts no character between scripts;
// the gap a reader sees in the PDF is inter-script spacing added by the layout
// engine, which the reader reproduces with CSS `text-autospace` (see DESIGN.md: "do
// not fake it with literal spaces"). One rule for every CJK neighbour also keeps
// search simple: `ワシントンDC` is one string in the text. Spaces between two Latin
// words or Latin and digits stay (`Japan-U.S. Partnership on Trade`, `Collision 2022`).
import { isCjk, isLatinOrDigit, trimAsciiSpaces } from './chars';

/** Joins the lines of one block. Blank lines (page breaks) inside a block vanish. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = trimAsciiSpaces(raw);
    if (line.length === 0) continue;
    text = joinTwo(text, line);
  }
  return text;
}

/** Joins two pieces of one text (line ends, or a paragraph rejoined by curation). */
export function joinTwo(left: string, right: string): string {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const last = Array.from(left.slice(-2)).pop() ?? '';
  const first = String.fromCodePoint(right.codePointAt(0) ?? 0);
  if (isLatinOrDigit(last) && isLatinOrDigit(first)) return `${left} ${right}`;
  // An English sentence or abbreviation ends the line and a capitalised word opens the
  // next (`Japan-U.S.` / `Partnership`): a space, as in the source. A lower-case word
  // after a full stop is a URL or a file name broken at its dot (`debian.` / `org`).
  if (/[.,;:!?)]/.test(last) && /[A-Z(]/.test(first) && /[A-Za-z0-9]/.test(left.slice(-2, -1)))
    return `${left} ${right}`;
  return left + right;
}

/**
 * Removes ASCII space runs that touch a CJK character, collapses the others to one
 * space, and trims the ends. U+3000 is never touched.
 */
export function normalizeSpacing(text: string): string {
  const spaced = text.replace(/[ \t]+/g, (run, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    const prev = Array.from(before.slice(-2)).pop();
    const next = whole.codePointAt(offset + run.length);
    if (prev === undefined || next === undefined) return '';
    return isCjk(prev) || isCjk(String.fromCodePoint(next)) ? '' : ' ';
  });
  return trimAsciiSpaces(spaced);
}
