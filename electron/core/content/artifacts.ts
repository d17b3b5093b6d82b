// Extra artifacts computed from the content at build time and stored in the
// content database beside it (the search index and its search copy, the glossary…). The content build calls
// every registered builder; each result is stored under its name with its version,
// and ContentStore.artifact(name) reads it back at run time.
import type { SearchDoc } from './store-types';
import { searchCopyArtifact, searchIndexArtifact } from '../search/artifact';
import { citationArtifact } from '../citation/artifact';
import { glossaryArtifact, otherNamesArtifact } from '../glossary/artifacts';
import type { Curation } from '../ingest/curation';
import type { SourceMetadata } from '../ingest/metadata';

/** The reviewed data the build read besides the text, for builders that need it. */
export interface ArtifactSource {
  metadata: SourceMetadata;
  curation: Curation;
  /** File names as errors should show them. */
  files: { metadata: string; curation: string };
}

export interface ContentArtifact {
  name: string;
  /** Version of the code that produced it; a mismatch at run time is refused. */
  version: string;
  /** Text (JSON, e.g. the Lunr index) or bytes (stored as a BLOB). */
  body: string | Uint8Array;
}

export interface ArtifactBuilder {
  name: string;
  /**
   * The version build() will stamp on its artifact. Optional, but declare it: then
   * ensureContentDb can tell a stale artifact without building it (without it, it
   * builds the artifact from the stored content to compare versions).
   */
  version?: string;
  /** `source` is given by the content build (not when a stored database is re-checked). */
  build(docs: SearchDoc[], source?: ArtifactSource): ContentArtifact;
}

export const artifactBuilders: ArtifactBuilder[] = [
  searchIndexArtifact,
  searchCopyArtifact,
  glossaryArtifact,
  otherNamesArtifact,
  citationArtifact,
];
