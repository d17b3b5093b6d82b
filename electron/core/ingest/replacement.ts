// Rule 4 (U+FFFD): the extraction turned the PDF's non-breaking spaces into U+FFFD.
// Where Latin text (letters, digits, ASCII punctuation) stands on both sides — also
// across a line break, so this runs on joined text — the run becomes one space
// (`U.S.�Partnership` → `U.S. Partnership`); elsewhere it is removed
// (`5月` U+3000 `�「` → `5月` U+3000 `「`: the U+3000 stays). Runs that mix U+FFFD with ASCII spaces
// are treated as one gap.
import { REPLACEMENT_CHARACTER, isLatinText } from './chars';

export function resolveReplacementCharacters(text: string): string {
  if (!text.includes(REPLACEMENT_CHARACTER)) return text;
  return text.replace(/[ \t\uFFFD]*\uFFFD[ \t\uFFFD]*/g, (run, offset: number, whole: string) => {
    const prev = whole[offset - 1];
    const next = whole[offset + run.length];
    if (prev !== undefined && next !== undefined && isLatinText(prev) && isLatinText(next))
      return ' ';
    return run.replace(/\uFFFD/g, '');
  });
}
