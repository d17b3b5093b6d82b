// Rule 7 (fidelity): the display text keeps the author's characters. The only
// differences allowed between a block's source lines and its display text are ASCII
// spaces, line breaks, U+FFFD and the paragraph's layout indent (already removed from
// `lines`). No NFKC, no width folding: ①②③④, full-width ＋, both 強靱 and 強靭 and
// the ― in イノベ―ション stay as written. The build checks every block with this, so
// a future rule that changes a character fails the build instead of the text.
export function fidelityKey(text: string): string {
  return text.replace(/[ \t\n\uFFFD]/g, '');
}

/** Null when `display` is faithful to `lines`; else a short description of the first difference. */
export function fidelityViolation(lines: readonly string[], display: string): string | null {
  const expected = fidelityKey(lines.join('\n'));
  const actual = fidelityKey(display);
  if (expected === actual) return null;
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return `display text differs from the source at character ${i}: source "${expected.slice(i, i + 10)}", display "${actual.slice(i, i + 10)}"`;
}
