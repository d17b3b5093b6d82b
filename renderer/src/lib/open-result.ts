// Opening a search result: the section at its first hit, with every hit of the query in
// the document marked (F3 goes on from there, across sections), or, for a hit in a note,
// the passage the note is on. Shared by the field (Enter) and the results list.
import { tick } from 'svelte';
import { reader } from './state/reader.svelte';
import { search } from './state/search.svelte';
import { ui } from './state/ui.svelte';
import type { SearchResultItem } from '../../../electron/common/api/types';

export async function openResult(result: SearchResultItem): Promise<void> {
  let opened: boolean;
  if (result.kind === 'note') {
    opened = await reader.open(result.sectionId, {
      scroll: result.annotationId
        ? { kind: 'annotation', id: result.annotationId }
        : { kind: 'top' },
    });
  } else {
    reader.showSearchHits(search.response);
    const first = reader.firstHitIn(result.sectionId);
    opened = first >= 0 ? await reader.showHit(first) : await reader.open(result.sectionId);
  }
  if (opened && ui.narrow) ui.panelOpen = false;
}

/** Moves keyboard focus to the result at `index` in the results list. */
export function focusResult(index: number): void {
  search.active = index;
  void tick().then(() => {
    document.querySelector<HTMLElement>(`#search-results [data-result-index="${index}"]`)?.focus();
  });
}
