// What the reader is told after a change to their notes, worded by what the thing is:
// a highlight (a coloured passage, no text of the reader's), a highlight with a note,
// or a note on a whole section. "メモを削除しました" after deleting a bare highlight
// would say something that did not happen.
import type { Annotation } from '../../../../electron/common/api/types';
import type { MessageKey } from '../../../../electron/common/i18n/messages';

type Kind = Pick<Annotation, 'kind' | 'note'>;

function hasNote(a: Kind): boolean {
  return a.note.trim() !== '';
}

/** The message after `a` was deleted. */
export function deletedMessage(a: Kind): MessageKey {
  if (a.kind === 'section-note') return 'noteDeleted';
  return hasNote(a) ? 'highlightNoteDeleted' : 'highlightDeleted';
}

/** The message after `a` was saved (created or changed). */
export function savedMessage(a: Kind): MessageKey {
  if (a.kind === 'section-note') return 'noteSaved';
  return hasNote(a) ? 'highlightNoteSaved' : 'highlightSaved';
}

/** The editor's title: what is being made or changed. */
export function editorTitle(target: 'new' | 'section' | Kind): MessageKey {
  if (target === 'new') return 'editorNew';
  if (target === 'section' || target.kind === 'section-note') return 'editorSection';
  return hasNote(target) ? 'editorEditNote' : 'editorEditHighlight';
}
