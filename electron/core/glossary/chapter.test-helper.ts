// Test support: the chapter's sections as the content build sees them (display text
// after every ingest rule and the curation), read from data/ without writing anything.
import { defaultContentInputs } from '../content/inputs';
import type { SearchDoc } from '../content/store-types';
import { prepareContent, searchDocsOf, type PreparedContent } from '../ingest/build';

let cached: { prepared: PreparedContent; docs: SearchDoc[] } | undefined;

export function chapter(): { prepared: PreparedContent; docs: SearchDoc[] } {
  if (!cached) {
    const prepared = prepareContent(defaultContentInputs());
    cached = { prepared, docs: searchDocsOf(prepared.curated) };
  }
  return structuredClone(cached);
}
