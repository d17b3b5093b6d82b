// The document's glossary, as the core gives it (getGlossary): the abbreviations the
// text defines — with where it first does — and those it uses without defining them,
// expanded by the editors. Read once at start (the content does not change while the
// app runs); the reading pane marks the terms in the text, the 用語 tab lists them, and
// the pop-up of a term shows its entry.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { GlossaryEntry } from '../../../../electron/common/api/types';

export class GlossaryState {
  entries = $state.raw<GlossaryEntry[]>([]);
  error = $state<string | null>(null);
  loaded = $state(false);

  /** The abbreviations to find in the text. */
  terms = $derived(this.entries.map((e) => e.abbreviation));

  private readonly api: Pick<ApiClient, 'getGlossary'>;

  /** `api`: the contract client (a fake one in tests). */
  constructor(api: Pick<ApiClient, 'getGlossary'> = defaultApi) {
    this.api = api;
  }

  /** Reads the glossary (`early`: a read already under way, the start's). */
  async load(early?: Promise<GlossaryEntry[]>): Promise<void> {
    try {
      this.entries = await (early ?? this.api.getGlossary({}));
      this.error = null;
    } catch (err) {
      this.error = messageOf(err);
    } finally {
      this.loaded = true;
    }
  }

  /** The entry of an abbreviation as the text writes it. */
  entry(term: string): GlossaryEntry | undefined {
    return this.entries.find((e) => e.abbreviation === term);
  }
}

export const glossary = new GlossaryState();
