// Reading another document of the library in the same page, with no reload: at a section
// of it, or where the reader left it (its saved position, else its first section). The
// position in the document being left is saved first; then every state that belongs to
// one document — its text and outline, its notes and bookmarks (the outline's marks follow
// them), its glossary and citation, the search's results and suggestions — is dropped and loaded
// again for the other. The query the reader typed is asked of the new document (its hits
// marked in its text); a library-wide search keeps its results and its scope, as the
// reader chose them. The window's history gets an entry for the other document (or
// follows Back/Forward into one), so Back returns to the document before, at its place.
import { api } from '../api';
import { messageOf } from '../errors';
import type { HistoryMode } from '../route-history';
import { annotations } from '../state/annotations.svelte';
import { bookmarks } from '../state/bookmarks.svelte';
import { citation } from '../state/citation.svelte';
import { glossary } from '../state/glossary.svelte';
import { t } from '../state/i18n.svelte';
import { positionSaver } from '../state/position';
import { reader, type Placement } from '../state/reader.svelte';
import { search } from '../state/search.svelte';
import { suggestions } from '../state/suggestions.svelte';
import { ui } from '../state/ui.svelte';
import { library } from './library.svelte';

/** Where in the other document: a section (else the saved place) and a place in it. */
export interface DocumentTarget {
  sectionId?: string;
  scroll?: Placement;
}

/** Counts the switches: a switch overtaken by a later one stops where it is. */
let switches = 0;

/**
 * Reads document `documentId` (null: the bundled chapter) in this page. `history`: a new
 * entry (`push`, the reader opened it), `replace` (the same document again, e.g. after a
 * newer edition replaced its text), or `none` (Back/Forward brought the window there).
 * True when a section of it is shown.
 */
export async function switchDocument(
  documentId: string | null,
  target: DocumentTarget = {},
  history: HistoryMode = 'push',
): Promise<boolean> {
  const seq = ++switches;
  positionSaver.leave();
  annotations.editing = null;
  library.read(documentId);
  reader.reset();
  suggestions.clear();
  const started = reader.start({
    document: api.getDocument({}),
    toc: api.getToc({}),
    position: api.getPosition({}),
  });
  void annotations.load();
  void bookmarks.load();
  void glossary.load();
  void citation.load();
  search.refresh();
  let saved;
  try {
    saved = await started;
  } catch (err) {
    if (seq === switches) reader.fail(messageOf(err));
    return false;
  }
  if (seq !== switches) return false;
  const first = reader.toc[0]?.id;
  const sectionId = target.sectionId ?? saved?.sectionId ?? first;
  if (!sectionId) {
    reader.fail(t('loadFailed', { message: 'empty outline' }));
    return false;
  }
  const scroll: Placement =
    target.scroll ??
    (saved && saved.sectionId === sectionId
      ? { kind: 'fraction', value: saved.scroll }
      : { kind: 'top' });
  let opened = await reader.open(sectionId, { scroll, history });
  // A place the document no longer has (a newer edition's outline): its first section.
  if (!opened && seq === switches && first && first !== sectionId)
    opened = await reader.open(first, { history });
  if (!opened && seq === switches && !reader.currentId)
    reader.fail(reader.error ?? t('loadFailed', { message: sectionId }));
  return opened;
}

/** Opens a document the reader chose (the outline, a search result, the import's result). */
export async function openDocument(documentId: string, sectionId?: string): Promise<void> {
  try {
    const doc = library.documents.find((d) => d.id === documentId);
    await switchDocument(doc?.bundled ? null : documentId, sectionId ? { sectionId } : {}, 'push');
  } catch (err) {
    ui.notify(messageOf(err));
  }
}
