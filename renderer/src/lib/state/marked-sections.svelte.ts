// The sections that hold the reader's bookmarks or notes, for the marks in the outline:
// the core counts them (`listMarkedSections`), and the list is asked again whenever the
// bookmarks or notes change, so the outline says what is stored. A failed read keeps
// the marks shown before (they are a hint, not the record).
import { SvelteMap } from 'svelte/reactivity';
import { api as defaultApi } from '../api';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { MarkedSection } from '../../../../electron/common/api/types';

export class MarkedSectionsState {
  /** By section id. */
  readonly bySection = new SvelteMap<string, MarkedSection>();
  private readonly api: Pick<ApiClient, 'listMarkedSections'>;
  private seq = 0;

  constructor(api: Pick<ApiClient, 'listMarkedSections'> = defaultApi) {
    this.api = api;
  }

  async load(): Promise<void> {
    const seq = ++this.seq;
    let list: MarkedSection[];
    try {
      list = await this.api.listMarkedSections({});
    } catch {
      return;
    }
    if (seq !== this.seq) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local tally, not state
    const seen = new Set<string>();
    for (const m of list) {
      seen.add(m.sectionId);
      const old = this.bySection.get(m.sectionId);
      if (!old || old.bookmarks !== m.bookmarks || old.notes !== m.notes)
        this.bySection.set(m.sectionId, m);
    }
    for (const id of [...this.bySection.keys()]) if (!seen.has(id)) this.bySection.delete(id);
  }
}

export const markedSections = new MarkedSectionsState();
