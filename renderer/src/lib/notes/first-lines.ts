// The first lines of a note, for where a whole note would not fit: its pop-up beside
// the highlight, its row in the メモ panel, the name of its marker. Lines are the
// reader's own (blank ones skipped, spaces at their ends trimmed); a long line is cut
// at a character budget, never inside a surrogate pair, and an ellipsis says that
// more follows.

export interface FirstLines {
  /** The lines kept, in order. */
  lines: string[];
  /** Whether anything of the note was left out. */
  truncated: boolean;
}

export const ELLIPSIS = '…';

/** At most `maxLines` non-blank lines and `maxChars` characters (code points) of `note`. */
export function firstLines(note: string, maxLines = 3, maxChars = 140): FirstLines {
  const all = note
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const lines: string[] = [];
  let budget = maxChars;
  let truncated = all.length > maxLines;
  for (const line of all.slice(0, maxLines)) {
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const chars = [...line];
    if (chars.length > budget) {
      lines.push(chars.slice(0, budget).join('') + ELLIPSIS);
      truncated = true;
      break;
    }
    lines.push(line);
    budget -= chars.length;
  }
  if (truncated && lines.length > 0 && !lines[lines.length - 1]!.endsWith(ELLIPSIS)) {
    lines[lines.length - 1] += ELLIPSIS;
  }
  return { lines, truncated };
}

/** The first line alone (for a name read out by a screen reader), at most `maxChars`. */
export function firstLine(note: string, maxChars = 40): string {
  return firstLines(note, 1, maxChars).lines[0] ?? '';
}
