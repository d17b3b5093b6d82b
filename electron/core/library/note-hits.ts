// Hits in the reader's own notes and tags, shaped like text search results
// (`kind: 'note'`, with the annotation id) so that one results list shows both:
// the section's title path, the note snippet with its marks, and the annotated
// passage as ranges for highlighting in the reading pane. The members of a
// highlight across sections share one note: it is listed once, at its first member.
import type { HitRange, SearchResultItem } from '../../common/api/types';
import type { NoteHit } from '../../common/annotations/note-search';
import type { AnnotationRecord } from '../../common/annotations/records';
import type { Outline } from '../content/outline';
import type { ContentStore } from '../content/store-types';
import type { SqliteLibrary } from './library';

export function noteSearchResults(
  library: SqliteLibrary,
  outline: Outline,
  content: ContentStore,
  query: string,
  limit: number,
): SearchResultItem[] {
  const out: SearchResultItem[] = [];
  const found: { hit: NoteHit; annotation: AnnotationRecord }[] = [];
  for (const hit of library.searchNotes(query, limit)) {
    try {
      found.push({ hit, annotation: library.annotations.get(hit.id) });
    } catch {
      continue;
    }
  }
  // A group's row: the member that comes first in reading order.
  const firstOfGroup = new Map<string, AnnotationRecord>();
  for (const { annotation } of found) {
    if (annotation.groupId === null) continue;
    const first = firstOfGroup.get(annotation.groupId);
    if (!first || outline.rank(annotation.sectionId) < outline.rank(first.sectionId))
      firstOfGroup.set(annotation.groupId, annotation);
  }
  for (const { hit, annotation } of found) {
    if (annotation.groupId !== null && firstOfGroup.get(annotation.groupId) !== annotation)
      continue;
    const path = outline.path(hit.sectionId);
    const target = annotation.anchor === 'anchored' ? annotation.target : null;
    out.push({
      kind: 'note',
      sectionId: hit.sectionId,
      title: path[path.length - 1] ?? hit.sectionId,
      path,
      paragraphId: target ? target.startParagraphId : null,
      snippet: hit.snippet,
      highlights: hit.highlights,
      hits: hit.hits,
      score: hit.score,
      ranges: target ? passageRanges(content, target) : [],
      annotationId: hit.id,
    });
  }
  return out;
}

/** The passage of a highlight as one range per paragraph. */
function passageRanges(
  content: ContentStore,
  target: NonNullable<AnnotationRecord['target']>,
): HitRange[] {
  return target.paragraphIds.map((pid) => {
    const length = content.paragraph(pid)?.text.length ?? 0;
    const start = pid === target.startParagraphId ? target.startOffset : 0;
    const end = pid === target.endParagraphId ? target.endOffset : length;
    return { paragraphId: pid, start, end };
  });
}
