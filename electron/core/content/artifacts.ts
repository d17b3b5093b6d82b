// Extra artifacts computed from the content at build time and stored in the
// content database beside it (the search index and its search copy). The content
// build calls every registered builder; each result is stored under its name with
// its version, and ContentStore.artifact(name) reads it back at run time.
import type { SearchDoc } from './store-types';
import { searchCopyArtifact, searchIndexArtifact } from '../search/artifact';

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
  build(docs: SearchDoc[]): ContentArtifact;
}

export const artifactBuilders: ArtifactBuilder[] = [searchIndexArtifact, searchCopyArtifact];
