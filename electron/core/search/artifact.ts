// Registers the search index as content artifacts, built with the content and
// stored in the content database with SEARCH_INDEX_VERSION (a content database
// built by another version is rebuilt): SEARCH_ARTIFACT is Lunr's own JSON
// (lunr.Index#toJSON), SEARCH_COPY_ARTIFACT the search copy its candidates are
// checked against. Both are text.
import type { ArtifactBuilder } from '../content/artifacts';
import { buildSearchCopy, serializeSearchCopy } from './copy';
import { createSearchIndex, SEARCH_INDEX_VERSION } from './index';

export const SEARCH_ARTIFACT = 'search-index';
export const SEARCH_COPY_ARTIFACT = 'search-copy';

export const searchIndexArtifact: ArtifactBuilder = {
  name: SEARCH_ARTIFACT,
  version: SEARCH_INDEX_VERSION,
  build(docs) {
    return {
      name: SEARCH_ARTIFACT,
      version: SEARCH_INDEX_VERSION,
      body: JSON.stringify(createSearchIndex(docs).lunr),
    };
  },
};

export const searchCopyArtifact: ArtifactBuilder = {
  name: SEARCH_COPY_ARTIFACT,
  version: SEARCH_INDEX_VERSION,
  build(docs) {
    return {
      name: SEARCH_COPY_ARTIFACT,
      version: SEARCH_INDEX_VERSION,
      body: serializeSearchCopy(buildSearchCopy(docs), SEARCH_INDEX_VERSION),
    };
  },
};
