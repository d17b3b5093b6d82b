// The display text of one block (paragraph or heading): rules 3 and 4 composed in
// the one order that works — join the lines, resolve U+FFFD on the joined text (so
// `on�` / `Trade` sees Latin on both sides), then normalise ASCII spacing.
import { resolveReplacementCharacters } from './replacement';
import { joinLines, normalizeSpacing } from './spacing';

export function displayText(lines: readonly string[]): string {
  return normalizeSpacing(resolveReplacementCharacters(joinLines(lines)));
}
