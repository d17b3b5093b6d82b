// The citation data as hosts read it from the content store (copy with citation,
// Markdown and Word exports).
import { citationSourceSchema, type CitationSource } from '../../common/citation/source';
import { readJsonArtifact } from '../content/json-artifact';
import type { ContentStore } from '../content/store-types';
import { CITATION_ARTIFACT, CITATION_VERSION } from './artifact';

export function readCitationSource(store: Pick<ContentStore, 'artifact' | 'path'>): CitationSource {
  return readJsonArtifact(store, CITATION_ARTIFACT, CITATION_VERSION, citationSourceSchema);
}
