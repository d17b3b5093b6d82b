// A result row's snippet as runs of text inside or outside the query's hits (<mark>).
// A snippet is a short line drawn once per row, never selected against offsets, read
// vertically or marked with notes: it needs none of what the reading pane's splitter
// (./segments) works out (縦中横, terms, highlights, pages). The list redraws up to a
// hundred snippets per keystroke, so this does the least: one pass over the hits.
// Concatenating the runs gives back the snippet, whatever the ranges.

export interface SnippetRun {
  text: string;
  hit: boolean;
}

/** `highlights`: [start, end) ranges into `text`, in order; overlaps and strays are clamped. */
export function snippetRuns(text: string, highlights: readonly [number, number][]): SnippetRun[] {
  const runs: SnippetRun[] = [];
  let at = 0;
  for (const [from, to] of highlights) {
    const start = Math.max(at, Math.min(from, text.length));
    const end = Math.max(start, Math.min(to, text.length));
    if (end === start) continue;
    if (start > at) runs.push({ text: text.slice(at, start), hit: false });
    runs.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), hit: false });
  return runs;
}
