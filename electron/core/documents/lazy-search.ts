// An imported document's search index, loaded at its first search rather than when the
// document opens: a library of many documents starts without reading any index, and the
// library drops the least recently used ones (unload) to bound the memory they hold.
import type { SearchProvider } from '../api';
import type { ContentStore } from '../content/store-types';
import { createSearchService, type SearchService } from '../search/service';

/** A search index loaded at its first search (and droppable to bound memory). */
export class LazySearch implements SearchProvider {
  private service: SearchService | null = null;

  constructor(
    private readonly store: ContentStore,
    private readonly used: (search: LazySearch) => void,
  ) {}

  get loaded(): boolean {
    return this.service !== null;
  }

  search(query: string, options: Parameters<SearchProvider['search']>[1]) {
    this.service ??= createSearchService(this.store);
    this.used(this);
    return this.service.search(query, options);
  }

  unload(): void {
    this.service = null;
  }
}
