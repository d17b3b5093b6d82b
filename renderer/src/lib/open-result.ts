// Opening a search result: the section, with every hit of the query marked and the
// first one in view. Shared by the field (Enter) and the results list (Enter/click).
import { tick } from 'svelte';
import { reader } from './state/reader.svelte';
import { search } from './state/search.svelte';
import { ui } from './state/ui.svelte';
import type { SearchResultItem } from '../../../electron/common/api/types';

export async function openResult(result: SearchResultItem): Promise<void> {
  if (result.kind === 'note') {
    // A hit in a note: go to the passage the note is on.
    const opened = await reader.open(result.sectionId, {
      scroll: result.annotationId
        ? { kind: 'annotation', id: result.annotationId }
        : { kind: 'top' },
    });
    if (opened && ui.narrow) ui.panelOpen = false;
    return;
  }
  const hits = { query: search.resultsFor, sectionId: result.sectionId, ranges: result.ranges };
  const opened = await reader.open(result.sectionId, {
    hits,
    scroll: result.ranges.length > 0 ? { kind: 'hit', index: 0 } : { kind: 'top' },
  });
  if (opened && ui.narrow) ui.panelOpen = false;
}

/** Moves keyboard focus to the result at `index` in the results list. */
export function focusResult(index: number): void {
  search.active = index;
  void tick().then(() => {
    document.querySelector<HTMLElement>(`#search-results [data-result-index="${index}"]`)?.focus();
  });
}
