// Search hits in a section's heading. The core counts a title hit's offsets in the stored
// title; an editorial title the store gave without its ［］ is shown with them
// (lib/outline.ts displayTitle), so its hits move one character on. Hits of the
// paragraphs are drawn as they are (lib/reading/document-hits.ts).
import type { MarkRange } from '../text/segments';
import { displayTitle } from '../outline';

/** Key of hits in the section's heading (paragraphId null): never a paragraph id. */
export const TITLE_KEY = '#title';

/**
 * The heading's hits as drawn in its displayed title: `marks` itself when they need no
 * shift (no hit, or a title shown as stored), so that unchanged hits draw nothing again.
 */
export function titleMarks(title: string, editorial: boolean, marks: MarkRange[]): MarkRange[] {
  if (marks.length === 0) return marks;
  const shown = displayTitle(title, editorial);
  const at = shown.indexOf(title);
  if (at < 0) return [];
  if (at === 0) return marks;
  return marks.map((m) => ({ ...m, start: m.start + at, end: m.end + at }));
}
