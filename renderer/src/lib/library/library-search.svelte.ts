// A search across the library: the same query as the field's, asked of every document
// (or the one the reader narrowed it to), the answer grouped by document. The latest
// query wins (an answer to an older one is dropped). A result in another document opens
// that document in the same page (./open-document.ts): these results stay, and the
// query is asked of that document too, so its hits are marked in its text.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { LibrarySearchResponse } from '../../../../electron/common/api/types';

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

export const librarySearch = new LibrarySearchState();
