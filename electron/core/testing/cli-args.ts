// Test support: the command line that adds a highlight with its note, which the CLI's
// own tests and the other hosts' tests (seeding a profile through the CLI) all type.
// One place for it keeps every test on the options the CLI really takes.

/** A highlight over `start`–`end` (UTF-16) of a paragraph's text, with a note. */
export interface HighlightArgs {
  paragraph: string;
  start: number;
  end: number;
  note: string;
}

/** `annotations add --paragraph … --start … --end … --note …`, then `extra` (tags, colour, --doc, --json). */
export function addHighlightArgs(
  { paragraph, start, end, note }: HighlightArgs,
  ...extra: string[]
): string[] {
  return [
    'annotations',
    'add',
    '--paragraph',
    paragraph,
    '--start',
    String(start),
    '--end',
    String(end),
    '--note',
    note,
    ...extra,
  ];
}
