// Writes an imported document as a content database of the bundled chapter's schema
// (content/schema.ts), through the same writer as the bundled build
// (ingest/build.ts writeContentDatabase) and with every registered artifact
// (content/artifacts.ts: the search index comes along), plus the import's optional
// tables (page markers, paragraph roles). Atomic: written aside, fsynced, renamed; a
// failure leaves nothing at the target (and an older file there untouched).
import fs from 'node:fs';
import path from 'node:path';
import { artifactBuilders, type ArtifactBuilder, type ArtifactSource } from '../content/artifacts';
import { curationSchema } from '../ingest/curation';
import { IMPORT_META, IMPORT_SCHEMA_SQL, META, SCHEMA_VERSION } from '../content/schema';
import { replaceFileAtomically } from '../files/atomic-write';
import {
  BUILDER_VERSION,
  buildArtifacts,
  searchDocsOf,
  sortedVersions,
  writeContentDatabase,
} from '../ingest/build';
import type { WritingMode } from '../../common/api/types';
import { ImportError, reason } from './errors';
import type { StructuredContent } from './structure';
import type { SourceFormat } from './types';
import { IMPORTER_VERSION } from './version';

export interface ImportedDocumentInfo {
  id: string;
  title: string;
  publisher: string;
  edition: string;
  attribution: string;
  sourceFile: string;
  sourceSha256: string;
  sourceEncoding: string;
  format: SourceFormat;
  writingMode: WritingMode;
  pageCount: number | null;
  warnings: string[];
}

/**
 * What an imported document offers the artifact builders in place of the bundled
 * chapter's metadata and curation files: the facts the import found (title,
 * publisher, date) and no curation, so the glossary is the rule's alone, the other
 * names come from its pairs, and the citation names the publisher and the edition.
 */
export function importArtifactSource(info: ImportedDocumentInfo): ArtifactSource {
  return {
    metadata: {
      id: info.id,
      title: info.title,
      publisher: info.publisher,
      // The book a citation names is the imported document itself.
      edition: info.title,
      attribution: info.attribution,
      sourceFile: info.sourceFile,
    },
    curation: curationSchema().parse({ document: info.id, sections: [] }),
    files: { metadata: info.sourceFile, curation: info.sourceFile },
  };
}

/** Runs the artifact builders (the search index among them) on the structured content. */
export function buildImportArtifacts(
  content: StructuredContent,
  info: ImportedDocumentInfo,
  builders: readonly ArtifactBuilder[] = artifactBuilders,
) {
  try {
    return buildArtifacts(
      searchDocsOf({ sections: content.sections, paragraphs: content.paragraphs, warnings: [] }),
      builders,
      importArtifactSource(info),
    );
  } catch (err) {
    throw new ImportError('write_failed', `${reason(err)}`);
  }
}

export function writeImportedDatabase(
  target: string,
  info: ImportedDocumentInfo,
  content: StructuredContent,
  artifacts: ReturnType<typeof buildImportArtifacts>,
): void {
  const dbPath = path.resolve(target);
  const meta: [string, string][] = [
    [META.schemaVersion, String(SCHEMA_VERSION)],
    [META.builderVersion, BUILDER_VERSION],
    [META.documentId, info.id],
    [META.sourceFile, info.sourceFile],
    [META.sourceSha256, info.sourceSha256],
    [META.artifactVersions, JSON.stringify(sortedVersions(artifacts))],
    [META.sectionCount, String(content.sections.length)],
    [META.paragraphCount, String(content.paragraphs.length)],
    [IMPORT_META.sourceFormat, info.format],
    [IMPORT_META.importerVersion, IMPORTER_VERSION],
    [IMPORT_META.writingMode, info.writingMode],
    [IMPORT_META.warnings, JSON.stringify(info.warnings)],
  ];
  if (info.pageCount !== null) meta.push([IMPORT_META.pageCount, String(info.pageCount)]);
  try {
    replaceFileAtomically(dbPath, (temp) =>
      writeContentDatabase(
        {
          document: {
            id: info.id,
            title: info.title,
            titleEn: null,
            publisher: info.publisher,
            publisherEn: null,
            edition: info.edition,
            editionEn: null,
            attribution: info.attribution,
            sourceFile: info.sourceFile,
            sourceSha256: info.sourceSha256,
            sourceEncoding: info.sourceEncoding,
          },
          sections: content.sections,
          paragraphs: content.paragraphs,
          artifacts,
          meta,
          extension: {
            schemaSql: IMPORT_SCHEMA_SQL,
            fill(db) {
              const marker = db.prepare(
                'INSERT INTO page_markers (paragraph_id, offset, page_index, label) VALUES (?, ?, ?, ?)',
              );
              for (const m of content.pageMarkers)
                marker.run(m.paragraphId, m.offset, m.pageIndex, m.label);
              const role = db.prepare(
                'INSERT INTO paragraph_roles (paragraph_id, role) VALUES (?, ?)',
              );
              for (const r of content.roles) role.run(r.paragraphId, r.role);
            },
          },
        },
        temp,
      ),
    );
  } catch (err) {
    throw new ImportError('write_failed', `${dbPath}: cannot write (${reason(err)})`);
  }
  if (!fs.existsSync(dbPath)) throw new ImportError('write_failed', `${dbPath}: not written`);
}
