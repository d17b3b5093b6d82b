// The citation data (publisher, book, the document's place in it, page URLs), taken
// from the source's metadata file at content build, checked against the outline and
// stored with the content as an artifact: the packaged app has the database, not the
// metadata file, and a copy or an export must cite the book from what it has.
import type { CitationSource } from '../../common/citation/source';
import type { ArtifactBuilder } from '../content/artifacts';
import { ContentBuildError } from '../ingest/errors';

export const CITATION_ARTIFACT = 'citation';
export const CITATION_VERSION = 'citation-1';

export const citationArtifact: ArtifactBuilder = {
  name: CITATION_ARTIFACT,
  version: CITATION_VERSION,
  build(docs, source) {
    if (!source) throw new Error('needs the source metadata, which only the content build has');
    const { metadata, files } = source;
    const ids = new Set(docs.map((d) => d.id));
    const seen = new Set<string>();
    const sections = metadata.citation?.sections ?? [];
    sections.forEach((s, i) => {
      const label = `${files.metadata}: citation.sections[${i}] (${s.section})`;
      if (!ids.has(s.section))
        throw new ContentBuildError(`${label}: no section has this id (see data/curation)`);
      if (seen.has(s.section)) throw new ContentBuildError(`${label}: listed twice`);
      seen.add(s.section);
    });
    const body: CitationSource = {
      publisher: metadata.publisher,
      ...(metadata.publisherEn !== undefined ? { publisherEn: metadata.publisherEn } : {}),
      edition: metadata.edition,
      ...(metadata.editionEn !== undefined ? { editionEn: metadata.editionEn } : {}),
      within: metadata.citation?.within ?? [],
      sections,
    };
    return { name: CITATION_ARTIFACT, version: CITATION_VERSION, body: JSON.stringify(body) };
  },
};
