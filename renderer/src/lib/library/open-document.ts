// Reading another document of the library: at a section of it, or where the reader
// left it (its saved position, else its first section). The position in the document
// being left is saved first; then the page starts again for the other document.
import { library } from './library.svelte';
import { navigateToDocument } from './current-document';
import { positionSaver } from '../state/position';
import { ui } from '../state/ui.svelte';
import { messageOf } from '../errors';

export async function openDocument(documentId: string, sectionId?: string): Promise<void> {
  try {
    const target = sectionId ?? (await library.startOf(documentId));
    if (!target) return;
    const doc = library.documents.find((d) => d.id === documentId);
    navigateToDocument(doc?.bundled ? null : documentId, target, () => positionSaver.flush());
  } catch (err) {
    ui.notify(messageOf(err));
  }
}
