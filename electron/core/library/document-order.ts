// Annotations are listed and exported in reading order: by the section's place in
// the outline (sections a newer edition dropped go last), then by where the
// passage starts, then by when it was made. (Bookmarks: ./bookmark-place.ts.)
import type { AnnotationRecord } from '../../common/annotations/records';
import type { Outline } from '../content/outline';

const byTime = (a: { createdAt: string }, b: { createdAt: string }): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

export function annotationsInDocumentOrder(outline: Outline) {
  return (a: AnnotationRecord, b: AnnotationRecord): number =>
    outline.rank(a.sectionId) - outline.rank(b.sectionId) ||
    (a.target?.position.start ?? -1) - (b.target?.position.start ?? -1) ||
    byTime(a, b);
}
