// The content build: source + metadata + curation → data/content.sqlite.
// Deterministic: the database is assembled in memory in one fixed order and written
// with VACUUM INTO, so the same inputs give a byte-identical file (no timestamps,
// nothing random). Atomic: the file is written aside, fsynced and renamed; any
// failure — bad input, a failing artifact builder, a disk error — leaves the previous
// database untouched. Every builder registered in content/artifacts.ts runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  artifactBuilders,
  type ArtifactBuilder,
  type ArtifactSource,
  type ContentArtifact,
} from '../content/artifacts';
import { displayPath, type ContentInputs } from '../content/inputs';
import {
  CONTENT_APPLICATION_ID,
  CONTENT_SCHEMA_SQL,
  META,
  SCHEMA_VERSION,
} from '../content/schema';
import type { SearchDoc } from '../content/store-types';
import { replaceFileAtomically } from '../files/atomic-write';
import type Database from 'better-sqlite3';
import {
  applyCuration,
  parseCuration,
  type CuratedContent,
  type CuratedParagraph,
  type CuratedSection,
} from './curation';
import { decodeSource, type SourceEncoding } from './decode';
import { ContentBuildError } from './errors';
import { parseSourceMetadata, type SourceMetadata } from './metadata';
import { segmentSource } from './segment';
import { openDatabase } from '../sqlite';

/** Bump whenever an ingest rule or the stored shape changes: stale databases are rebuilt. */
export const BUILDER_VERSION = '1';

export interface BuildInputsDigest {
  sourceSha256: string;
  metadataSha256: string;
  curationSha256: string;
}

export interface BuildResult extends BuildInputsDigest {
  dbPath: string;
  documentId: string;
  sections: number;
  paragraphs: number;
  artifacts: Record<string, string>;
  bytes: number;
  dbSha256: string;
  warnings: string[];
}

export function sha256(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ContentBuildError(`${displayPath(file)}: cannot read (${code})`);
  }
}

/** The hashes ensureContentDb compares with what a database records. */
export function digestInputs(inputs: ContentInputs): BuildInputsDigest {
  return {
    sourceSha256: sha256(readInput(inputs.sourcePath)),
    metadataSha256: sha256(readInput(inputs.metadataPath)),
    curationSha256: sha256(readInput(inputs.curationPath)),
  };
}

/** {name: sha256 of the body} of each artifact (keys sorted). */
export function artifactChecksums(artifacts: readonly ContentArtifact[]): Record<string, string> {
  const sorted = [...artifacts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Object.fromEntries(sorted.map((a) => [a.name, sha256(a.body)]));
}

/** {name: version} of every registered builder that declares its version (keys sorted). */
export function sortedVersions(
  artifacts: { name: string; version: string }[],
): Record<string, string> {
  const sorted = [...artifacts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return Object.fromEntries(sorted.map((a) => [a.name, a.version]));
}

export interface PreparedContent {
  metadata: SourceMetadata;
  encoding: SourceEncoding;
  curated: CuratedContent;
  digest: BuildInputsDigest;
  /** The metadata and curation as read, for artifact builders. */
  source: ArtifactSource;
}

/** Reads and checks every input and applies the rules; writes nothing. */
export function prepareContent(inputs: ContentInputs): PreparedContent {
  const sourceName = displayPath(inputs.sourcePath);
  const metadataName = displayPath(inputs.metadataPath);
  const curationName = displayPath(inputs.curationPath);
  // The source first: a bad source is the error people most need to see.
  const sourceBytes = readInput(inputs.sourcePath);
  const decoded = decodeSource(new Uint8Array(sourceBytes), sourceName);
  const blocks = segmentSource(decoded.text, sourceName);
  const metadataBytes = readInput(inputs.metadataPath);
  const curationBytes = readInput(inputs.curationPath);
  const metadata = parseSourceMetadata(metadataBytes.toString('utf8'), metadataName);
  if (metadata.sourceFile !== path.basename(inputs.sourcePath))
    throw new ContentBuildError(
      `${metadataName}: sourceFile "${metadata.sourceFile}" does not name ${sourceName}`,
    );
  const curation = parseCuration(curationBytes.toString('utf8'), curationName);
  if (curation.document !== metadata.id)
    throw new ContentBuildError(
      `${curationName}: document "${curation.document}" is not "${metadata.id}" of ${metadataName}`,
    );
  const curated = applyCuration(blocks, curation, { source: sourceName, curation: curationName });
  return {
    metadata,
    encoding: decoded.encoding,
    curated,
    digest: {
      sourceSha256: sha256(sourceBytes),
      metadataSha256: sha256(metadataBytes),
      curationSha256: sha256(curationBytes),
    },
    source: { metadata, curation, files: { metadata: metadataName, curation: curationName } },
  };
}

/** Every section in reading order with its own paragraphs: the input of artifact builders. */
export function searchDocsOf(curated: CuratedContent): SearchDoc[] {
  return curated.sections.map((section) => ({
    id: section.id,
    title: section.title,
    paragraphs: curated.paragraphs
      .filter((p) => p.sectionId === section.id)
      .map((p) => ({ id: p.id, text: p.text })),
  }));
}

/** Runs every registered builder; a builder that throws or misbehaves fails the build. */
export function buildArtifacts(
  docs: SearchDoc[],
  builders: readonly ArtifactBuilder[] = artifactBuilders,
  source?: ArtifactSource,
): ContentArtifact[] {
  const seen = new Set<string>();
  return builders.map((builder) => {
    if (seen.has(builder.name))
      throw new ContentBuildError(`artifact "${builder.name}": registered twice`);
    seen.add(builder.name);
    let artifact: ContentArtifact;
    try {
      artifact = builder.build(structuredClone(docs), source && structuredClone(source));
    } catch (err) {
      throw new ContentBuildError(
        `artifact "${builder.name}": build failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (
      artifact.name !== builder.name ||
      typeof artifact.version !== 'string' ||
      artifact.version.length === 0 ||
      (typeof artifact.body !== 'string' && !(artifact.body instanceof Uint8Array)) ||
      (builder.version !== undefined && builder.version !== artifact.version)
    )
      throw new ContentBuildError(
        `artifact "${builder.name}": returned a wrong name, version or body`,
      );
    return artifact;
  });
}

/** The rows of one content database, as both the bundled build and an import write them. */
export interface ContentDbRows {
  document: {
    id: string;
    title: string;
    titleEn: string | null;
    publisher: string;
    publisherEn: string | null;
    edition: string;
    editionEn: string | null;
    attribution: string;
    sourceFile: string;
    sourceSha256: string;
    sourceEncoding: string;
  };
  sections: readonly CuratedSection[];
  paragraphs: readonly CuratedParagraph[];
  artifacts: readonly ContentArtifact[];
  /** Meta entries, written in this order. */
  meta: readonly (readonly [string, string])[];
  /**
   * Optional additions of imported documents (content/schema.ts IMPORT_SCHEMA_SQL):
   * created after the base schema and filled in the same transaction. The bundled
   * build passes none, so its file stays byte-identical.
   */
  extension?: { schemaSql: string; fill: (db: Database.Database) => void };
}

/**
 * Assembles a content database in memory and writes it to `target` with VACUUM INTO
 * (a compact file whose bytes depend only on the rows). The caller makes it atomic.
 */
export function writeContentDatabase(rows: ContentDbRows, target: string): void {
  const db = openDatabase(':memory:');
  try {
    db.pragma('page_size = 4096');
    db.pragma(`application_id = ${CONTENT_APPLICATION_ID}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    db.exec(CONTENT_SCHEMA_SQL);
    if (rows.extension) db.exec(rows.extension.schemaSql);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const insertSection = db.prepare(
      'INSERT INTO sections (id, document_id, parent_id, level, ordinal, kind, title, editorial, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertParagraph = db.prepare(
      'INSERT INTO paragraphs (id, section_id, ordinal, text, source_first_line, source_last_line) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const insertArtifact = db.prepare(
      'INSERT INTO artifacts (name, version, body) VALUES (?, ?, ?)',
    );
    const doc = rows.document;
    db.transaction(() => {
      db.prepare(
        'INSERT INTO documents (id, title, title_en, publisher, publisher_en, edition, edition_en, attribution, source_file, source_sha256, source_encoding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        doc.id,
        doc.title,
        doc.titleEn,
        doc.publisher,
        doc.publisherEn,
        doc.edition,
        doc.editionEn,
        doc.attribution,
        doc.sourceFile,
        doc.sourceSha256,
        doc.sourceEncoding,
      );
      for (const s of rows.sections)
        insertSection.run(
          s.id,
          doc.id,
          s.parentId,
          s.level,
          s.ordinal,
          s.kind,
          s.title,
          s.editorial ? 1 : 0,
          s.sourceLine,
        );
      for (const p of rows.paragraphs)
        insertParagraph.run(p.id, p.sectionId, p.ordinal, p.text, p.firstLine, p.lastLine);
      for (const a of rows.artifacts) insertArtifact.run(a.name, a.version, a.body);
      rows.extension?.fill(db);
      for (const [key, value] of rows.meta) meta.run(key, value);
      // Every artifact's checksum, verified whenever it is read (content/store.ts).
      meta.run(META.artifactSha256, JSON.stringify(artifactChecksums(rows.artifacts)));
    })();
    const check = db.pragma('foreign_key_check') as unknown[];
    if (check.length > 0)
      throw new ContentBuildError(`content database: broken references ${JSON.stringify(check)}`);
    // VACUUM INTO writes a compact copy whose bytes depend only on the content.
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

/**
 * The rows of the bundled build from prepared content: its document, outline,
 * paragraphs, artifacts and meta. `as` gives another document id and titles, and
 * extra meta entries (the synthetic long document, ./synthetic.ts).
 */
export function preparedRows(
  prepared: PreparedContent,
  curated: CuratedContent,
  artifacts: ContentArtifact[],
  as: { id: string; title: string; titleEn: string | null; meta: [string, string][] } | null = null,
): ContentDbRows {
  const { metadata, digest } = prepared;
  const id = as?.id ?? metadata.id;
  return {
    document: {
      id,
      title: as?.title ?? metadata.title,
      titleEn: as ? as.titleEn : (metadata.titleEn ?? null),
      publisher: metadata.publisher,
      publisherEn: metadata.publisherEn ?? null,
      edition: metadata.edition,
      editionEn: metadata.editionEn ?? null,
      attribution: metadata.attribution,
      sourceFile: metadata.sourceFile,
      sourceSha256: digest.sourceSha256,
      sourceEncoding: prepared.encoding,
    },
    sections: curated.sections,
    paragraphs: curated.paragraphs,
    artifacts,
    meta: [
      [META.schemaVersion, String(SCHEMA_VERSION)],
      [META.builderVersion, BUILDER_VERSION],
      [META.documentId, id],
      [META.sourceFile, metadata.sourceFile],
      [META.sourceSha256, digest.sourceSha256],
      [META.metadataSha256, digest.metadataSha256],
      [META.curationSha256, digest.curationSha256],
      [META.artifactVersions, JSON.stringify(sortedVersions(artifacts))],
      [META.sectionCount, String(curated.sections.length)],
      [META.paragraphCount, String(curated.paragraphs.length)],
      ...(as?.meta ?? []),
    ],
  };
}

function writeDatabase(
  prepared: PreparedContent,
  artifacts: ContentArtifact[],
  target: string,
): void {
  writeContentDatabase(preparedRows(prepared, prepared.curated, artifacts), target);
}

export interface BuildOptions {
  inputs: ContentInputs;
  dbPath: string;
  /** Artifact builders to run (default: every registered one). */
  builders?: readonly ArtifactBuilder[];
  log?: (line: string) => void;
}

/** Builds the content database atomically. Throws ContentBuildError; the old file then stays. */
export function buildContentDb(options: BuildOptions): BuildResult {
  const prepared = prepareContent(options.inputs);
  for (const warning of prepared.curated.warnings) options.log?.(`content: warning: ${warning}`);
  const artifacts = buildArtifacts(
    searchDocsOf(prepared.curated),
    options.builders,
    prepared.source,
  );
  const dbPath = path.resolve(options.dbPath);
  try {
    replaceFileAtomically(dbPath, (temp) => writeDatabase(prepared, artifacts, temp));
  } catch (err) {
    if (err instanceof ContentBuildError) throw err;
    throw new ContentBuildError(
      `${displayPath(dbPath)}: cannot write (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const bytes = fs.readFileSync(dbPath);
  return {
    dbPath,
    documentId: prepared.metadata.id,
    sections: prepared.curated.sections.length,
    paragraphs: prepared.curated.paragraphs.length,
    artifacts: sortedVersions(artifacts),
    bytes: bytes.length,
    dbSha256: sha256(bytes),
    warnings: prepared.curated.warnings,
    ...prepared.digest,
  };
}
