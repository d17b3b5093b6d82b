// A synthetic long document for benchmarks and tests of long-document reading: the
// bundled chapter repeated N times (100 by default) through the real content build
// — the same ingest and curation, the same artifact builders (the search index
// among them), the same schema — with every id suffixed by its copy (`us-1--r42`,
// paragraph `us-1--r42.p3`; the curation's ids never contain "--", so they cannot
// collide) and each copy's top headings numbered (第１節\u3000米国〔42〕), so the outline
// tells the copies apart. Deterministic: the same inputs and N give a byte-identical
// file. Never shipped (only data/content.sqlite is packaged); served with
// `npm run serve -- --content data/content-100x.sqlite`.
import fs from 'node:fs';
import path from 'node:path';
import { artifactBuilders, type ArtifactBuilder } from '../content/artifacts';
import type { ContentInputs } from '../content/inputs';
import { displayPath } from '../content/inputs';
import { META, SCHEMA_VERSION } from '../content/schema';
import { readContentMeta } from '../content/store';
import { replaceFileAtomically } from '../files/atomic-write';
import type { CuratedContent, CuratedParagraph, CuratedSection } from './curation';
import {
  BUILDER_VERSION,
  buildArtifacts,
  digestInputs,
  prepareContent,
  preparedRows,
  searchDocsOf,
  sha256,
  sortedVersions,
  writeContentDatabase,
} from './build';
import { ContentBuildError } from './errors';

export const DEFAULT_COPIES = 100;
/** Most copies (a 1,000× chapter is about 250 MB and minutes of build). */
export const MAX_COPIES = 1000;
/** Meta key: how many copies of the chapter the database holds. */
export const SYNTHETIC_COPIES_META = 'synthetic_copies';

/** The id of section or paragraph `id` in copy `r` (1-based). */
export function copyId(id: string, r: number): string {
  const dot = id.indexOf('.');
  return dot < 0 ? `${id}--r${r}` : `${id.slice(0, dot)}--r${r}${id.slice(dot)}`;
}

/** The chapter's outline and paragraphs N times over, ids suffixed, in one reading order. */
export function repeatContent(curated: CuratedContent, copies: number): CuratedContent {
  const sections: CuratedSection[] = [];
  const paragraphs: CuratedParagraph[] = [];
  for (let r = 1; r <= copies; r++) {
    for (const s of curated.sections)
      sections.push({
        ...s,
        id: copyId(s.id, r),
        parentId: s.parentId === null ? null : copyId(s.parentId, r),
        ordinal: sections.length,
        title: s.parentId === null ? `${s.title}〔${r}〕` : s.title,
      });
    for (const p of curated.paragraphs)
      paragraphs.push({ ...p, id: copyId(p.id, r), sectionId: copyId(p.sectionId, r) });
  }
  return { sections, paragraphs, warnings: curated.warnings };
}

export interface SyntheticOptions {
  inputs: ContentInputs;
  dbPath: string;
  copies?: number;
  builders?: readonly ArtifactBuilder[];
}

export interface SyntheticResult {
  dbPath: string;
  copies: number;
  sections: number;
  paragraphs: number;
  bytes: number;
  dbSha256: string;
}

/** Builds the synthetic database atomically (the previous file stays on any failure). */
export function buildSyntheticContentDb(options: SyntheticOptions): SyntheticResult {
  const copies = options.copies ?? DEFAULT_COPIES;
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES)
    throw new ContentBuildError(`copies must be a whole number from 1 to ${MAX_COPIES}`);
  const prepared = prepareContent(options.inputs);
  const curated = repeatContent(prepared.curated, copies);
  const { metadata } = prepared;
  // The citation data names the chapter's sections: name each copy's instead.
  const citation = metadata.citation && {
    ...metadata.citation,
    sections: Array.from({ length: copies }, (_, i) =>
      (metadata.citation?.sections ?? []).map((s) => ({ ...s, section: copyId(s.section, i + 1) })),
    ).flat(),
  };
  const source = {
    ...prepared.source,
    metadata: { ...metadata, ...(citation ? { citation } : {}) },
  };
  const artifacts = buildArtifacts(
    searchDocsOf(curated),
    options.builders ?? artifactBuilders,
    source,
  );
  const dbPath = path.resolve(options.dbPath);
  const rows = preparedRows(prepared, curated, artifacts, {
    id: `${metadata.id}-x${copies}`,
    title: `${metadata.title}（${copies}回繰り返しの試験用文書）`,
    titleEn: metadata.titleEn ? `${metadata.titleEn} (repeated ${copies}×, for tests)` : null,
    meta: [[SYNTHETIC_COPIES_META, String(copies)]],
  });
  replaceFileAtomically(dbPath, (temp) => writeContentDatabase(rows, temp));
  const bytes = fs.readFileSync(dbPath);
  return {
    dbPath,
    copies,
    sections: curated.sections.length,
    paragraphs: curated.paragraphs.length,
    bytes: bytes.length,
    dbSha256: sha256(bytes),
  };
}

/**
 * Why the synthetic database at dbPath needs building (null: current): missing,
 * another number of copies, or built from other inputs or by another builder.
 */
export function syntheticStaleReason(
  dbPath: string,
  inputs: ContentInputs,
  copies: number,
  builders: readonly ArtifactBuilder[] = artifactBuilders,
): string | null {
  if (!fs.existsSync(dbPath)) return 'missing';
  const meta = readContentMeta(dbPath);
  if (!meta) return 'unreadable';
  if (meta[SYNTHETIC_COPIES_META] !== String(copies)) return 'number of copies changed';
  if (meta[META.schemaVersion] !== String(SCHEMA_VERSION)) return 'schema version changed';
  if (meta[META.builderVersion] !== BUILDER_VERSION) return 'builder version changed';
  const digest = digestInputs(inputs);
  if (
    meta[META.sourceSha256] !== digest.sourceSha256 ||
    meta[META.metadataSha256] !== digest.metadataSha256 ||
    meta[META.curationSha256] !== digest.curationSha256
  )
    return 'inputs changed';
  const versions = sortedVersions(
    builders.map((b) => ({ name: b.name, version: b.version ?? '' })),
  );
  if (meta[META.artifactVersions] !== JSON.stringify(versions)) return 'artifact versions changed';
  return null;
}

/** Builds the synthetic database when it is missing or stale; for the benchmark and tests. */
export function ensureSyntheticContentDb(
  options: SyntheticOptions & { log?: (line: string) => void },
): { dbPath: string; rebuilt: boolean } {
  const copies = options.copies ?? DEFAULT_COPIES;
  const reason = syntheticStaleReason(options.dbPath, options.inputs, copies, options.builders);
  if (reason === null) return { dbPath: path.resolve(options.dbPath), rebuilt: false };
  options.log?.(`content: building ${displayPath(options.dbPath)} (${copies}×; ${reason})…`);
  const result = buildSyntheticContentDb({ ...options, copies });
  options.log?.(
    `content: ${result.sections} sections, ${result.paragraphs} paragraphs, ${result.bytes} bytes`,
  );
  return { dbPath: result.dbPath, rebuilt: true };
}
