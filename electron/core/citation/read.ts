// The citation data as hosts read it from the content store (copy with citation,
// Markdown and Word exports, Help). A content database without it (a document a
// reader imported, whose file records no place in a book) is cited by its publisher
// and title alone; one whose stored data is damaged or of another version is an
// error that says to rebuild, never a guess.
import { bareCitationSource } from '../../common/citation/cite';
import { citationSourceSchema, type CitationSource } from '../../common/citation/source';
import { readJsonArtifact } from '../content/json-artifact';
import type { ContentStore } from '../content/store-types';
import { CITATION_ARTIFACT, CITATION_VERSION } from './artifact';

export function readCitationSource(store: Pick<ContentStore, 'artifact' | 'path'>): CitationSource {
  return readJsonArtifact(store, CITATION_ARTIFACT, CITATION_VERSION, citationSourceSchema);
}

/** The stored citation data, or the document's publisher and title when there is none. */
export function citationSourceOf(
  store: Pick<ContentStore, 'artifact' | 'path' | 'document'>,
): CitationSource {
  if (store.artifact(CITATION_ARTIFACT)) return readCitationSource(store);
  return bareCitationSource(store.document());
}
