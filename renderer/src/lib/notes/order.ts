// The order of the メモ panel: the document's (what the core returns: section by
// section, passages in reading order, orphans of a vanished section last) or by date,
// the most recently changed first. The contract carries createdAt and updatedAt on
// every annotation, so sorting by date needs no call: it is done here, stable, ties
// broken by creation and then by document order.
import type { Annotation } from '../../../../electron/common/api/types';

export const NOTE_ORDERS = ['document', 'date'] as const;
export type NoteOrder = (typeof NOTE_ORDERS)[number];

/** `list` (in document order, as listed by the core) in `order`; a new array. */
export function sortNotes(list: readonly Annotation[], order: NoteOrder): Annotation[] {
  if (order === 'document') return [...list];
  return list
    .map((a, index) => ({ a, index }))
    .sort(
      (x, y) =>
        y.a.updatedAt.localeCompare(x.a.updatedAt) ||
        y.a.createdAt.localeCompare(x.a.createdAt) ||
        x.index - y.index,
    )
    .map(({ a }) => a);
}
