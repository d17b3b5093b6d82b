// Paged reading lays out the document a run of sections at a time, each run its own
// sequence of pages: a run starts on a new page, as a new chapter (節) does in a book, and
// only the run being read is laid out, so turning a page costs nothing more in a long
// document. A run is a top-level section with everything under it; a long one is cut
// into runs of at most MAX_RUN_SECTIONS, preferably where a part (level 2) begins.
// Pure, unit-tested.

/** Most sections in one run. */
export const MAX_RUN_SECTIONS = 24;

export interface RunEntry {
  id: string;
  level: number;
}

/** The runs of a document, as lists of section ids in reading order. */
export function pageRuns(entries: readonly RunEntry[], max = MAX_RUN_SECTIONS): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const entry of entries) {
    const full = current.length >= max;
    const partBreak = entry.level <= 2 && current.length >= Math.ceil(max / 2);
    if (current.length > 0 && (entry.level <= 1 || full || partBreak)) {
      runs.push(current);
      current = [];
    }
    current.push(entry.id);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** The run each section belongs to, by id. */
export function runOf(runs: readonly (readonly string[])[]): Map<string, number> {
  const out = new Map<string, number>();
  runs.forEach((run, i) => {
    for (const id of run) out.set(id, i);
  });
  return out;
}
