// The glossary and the other-names table, built with the content and stored in the
// content database as artifacts (JSON), so that every host reads them from the one
// read-only file the app ships — the curation files are not shipped. Bump a version
// when the shape or the rule changes: a database built by another version is rebuilt
// (ensureContentDb) or refused (./read.ts).
import type { ArtifactBuilder, ArtifactSource } from '../content/artifacts';
import { buildGlossary } from './build';
import { checkOtherNames } from './curation';

export const GLOSSARY_ARTIFACT = 'glossary';
export const GLOSSARY_VERSION = 'glossary-1';
export const OTHER_NAMES_ARTIFACT = 'other-names';
export const OTHER_NAMES_VERSION = 'other-names-1';

function needSource(source: ArtifactSource | undefined): ArtifactSource {
  if (!source) throw new Error('needs the curation, which only the content build has');
  return source;
}

export const glossaryArtifact: ArtifactBuilder = {
  name: GLOSSARY_ARTIFACT,
  version: GLOSSARY_VERSION,
  build(docs, source) {
    const { curation, files } = needSource(source);
    return {
      name: GLOSSARY_ARTIFACT,
      version: GLOSSARY_VERSION,
      body: JSON.stringify(buildGlossary(docs, curation.glossary, files.curation)),
    };
  },
};

export const otherNamesArtifact: ArtifactBuilder = {
  name: OTHER_NAMES_ARTIFACT,
  version: OTHER_NAMES_VERSION,
  build(docs, source) {
    const { curation, files } = needSource(source);
    checkOtherNames(curation.otherNames, docs, files.curation);
    const groups = curation.otherNames.map((g) => ({
      names: g.names,
      ...(g.note !== undefined ? { note: g.note } : {}),
    }));
    return {
      name: OTHER_NAMES_ARTIFACT,
      version: OTHER_NAMES_VERSION,
      body: JSON.stringify(groups),
    };
  },
};
