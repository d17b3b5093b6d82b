// A search across the library: the same query as the field's, asked of every document
// (or the one the reader narrowed it to), the answer grouped by document. The latest
// query wins (an answer to an older one is dropped). A result in another document opens
// that document (the page starts again for it) with the query carried over, so its
// hits are marked there as a search in the document would mark them.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { LibrarySearchResponse } from '../../../../electron/common/api/types';

/** Where the query travels to the next page (this tab only). */
const CARRIED_QUERY_KEY = 'hakusho.libraryQuery';

export class LibrarySearchState {
  /** Search the document being read, or the whole library. */
  scope = $state<'document' | 'library'>('document');
  /** The one document the library search is narrowed to (null: all of them). */
  narrowedTo = $state<string | null>(null);
  response = $state.raw<LibrarySearchResponse | null>(null);
  error = $state<string | null>(null);
  inFlight = $state(false);

  private readonly api: Pick<ApiClient, 'searchLibrary'>;
  private seq = 0;

  constructor(api: Pick<ApiClient, 'searchLibrary'> = defaultApi) {
    this.api = api;
  }

  /** Asks the library for `query` (empty: clears); only the latest answer is kept. */
  async run(query: string): Promise<void> {
    const q = query.trim();
    const seq = ++this.seq;
    if (q === '') {
      this.response = null;
      this.error = null;
      return;
    }
    this.inFlight = true;
    try {
      const response = await this.api.searchLibrary({
        query: q,
        ...(this.narrowedTo ? { documentIds: [this.narrowedTo] } : {}),
      });
      if (seq !== this.seq) return;
      this.response = response;
      this.error = null;
    } catch (err) {
      if (seq !== this.seq) return;
      this.response = null;
      this.error = messageOf(err);
    } finally {
      if (seq === this.seq) this.inFlight = false;
    }
  }

  /** Narrows the search to one document (null: the whole library again). */
  narrow(documentId: string | null, query: string): Promise<void> {
    this.narrowedTo = documentId;
    return this.run(query);
  }
}

/** Keeps `query` for the page that opens next (a result in another document). */
export function carryQuery(query: string): void {
  try {
    sessionStorage.setItem(CARRIED_QUERY_KEY, query);
  } catch {
    // Storage refused: the other document opens without its hits marked.
  }
}

/** The query a result in another document carried here, once. */
export function takeCarriedQuery(): string | null {
  try {
    const query = sessionStorage.getItem(CARRIED_QUERY_KEY);
    sessionStorage.removeItem(CARRIED_QUERY_KEY);
    return query;
  } catch {
    return null;
  }
}

export const librarySearch = new LibrarySearchState();
