// The citation data of the document (getCitationSource): the book, the document's place
// in it and the page URLs of its sections, as stored with the content. A copy from the
// text and Help cite from it; until it has come (or when the core cannot give it), the
// document is cited by its publisher and book alone — never with a made-up place.
import { api as defaultApi } from '../api';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { CitationSource, DocumentInfo } from '../../../../electron/common/api/types';
import { bareCitationSource } from '../../../../electron/common/citation/cite';

export class CitationState {
  /** The stored data, once read. */
  stored = $state.raw<CitationSource | null>(null);

  private readonly api: Pick<ApiClient, 'getCitationSource'>;

  /** `api`: the contract client (a fake one in tests). */
  constructor(api: Pick<ApiClient, 'getCitationSource'> = defaultApi) {
    this.api = api;
  }

  async load(): Promise<void> {
    try {
      this.stored = await this.api.getCitationSource({});
    } catch {
      // Cited by the document's publisher and book instead (see sourceFor).
    }
  }

  /** What to cite `doc` from: the stored data, else its publisher and book. */
  sourceFor(doc: Pick<DocumentInfo, 'publisher' | 'edition' | 'title'>): CitationSource {
    return this.stored ?? bareCitationSource(doc);
  }
}

export const citation = new CitationState();
