// Registers the search index as a content artifact: built with the content and
// stored in the content database under SEARCH_ARTIFACT with SEARCH_INDEX_VERSION,
// so that a content build made by another tokenizer version is rebuilt. The body is
// the binary index (a BLOB), which loads without parsing.
import type { ArtifactBuilder } from '../content/artifacts';
import { createSearchIndex, SEARCH_INDEX_VERSION } from './index';

export const SEARCH_ARTIFACT = 'search-index';

export const searchIndexArtifact: ArtifactBuilder = {
  name: SEARCH_ARTIFACT,
  version: SEARCH_INDEX_VERSION,
  build(docs) {
    return {
      name: SEARCH_ARTIFACT,
      version: SEARCH_INDEX_VERSION,
      body: createSearchIndex(docs).serialize(),
    };
  },
};
