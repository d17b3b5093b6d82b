// Makes sure the content database exists and matches its inputs before anyone reads
// it: rebuilt when missing, unreadable, or when its recorded source/metadata/curation
// sha256, schema, builder version or artifact versions differ from what this checkout
// would build. `npm start`, the CLI and the tests call it; a packaged app (which ships
// the database but not the sources) uses the database as it is.
import fs from 'node:fs';
import { artifactBuilders, type ArtifactBuilder } from './artifacts';
import { defaultContentInputs, displayPath, type ContentInputs } from './inputs';
import { META, SCHEMA_VERSION } from './schema';
import { openContentStore, readContentMeta } from './store';
import { defaultContentDbPath } from '../paths';
import {
  BUILDER_VERSION,
  buildArtifacts,
  buildContentDb,
  digestInputs,
  sortedVersions,
} from '../ingest/build';
import { ContentBuildError } from '../ingest/errors';

export interface EnsureOptions {
  dbPath?: string;
  inputs?: ContentInputs;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  builders?: readonly ArtifactBuilder[];
}

export interface EnsureResult {
  dbPath: string;
  rebuilt: boolean;
  /** Why it was rebuilt (null when it was up to date). */
  reason: string | null;
}

/** Why the database at dbPath needs a rebuild, or null when it is current. */
export function staleReason(
  dbPath: string,
  inputs: ContentInputs,
  builders: readonly ArtifactBuilder[] = artifactBuilders,
): string | null {
  if (!fs.existsSync(dbPath)) return 'missing';
  const meta = readContentMeta(dbPath);
  if (!meta) return 'unreadable';
  if (meta[META.schemaVersion] !== String(SCHEMA_VERSION)) return 'schema version changed';
  if (meta[META.builderVersion] !== BUILDER_VERSION) return 'builder version changed';
  const digest = digestInputs(inputs);
  if (meta[META.sourceSha256] !== digest.sourceSha256) return 'source changed';
  if (meta[META.metadataSha256] !== digest.metadataSha256) return 'source metadata changed';
  if (meta[META.curationSha256] !== digest.curationSha256) return 'curation changed';
  let recorded: Record<string, string>;
  try {
    recorded = JSON.parse(meta[META.artifactVersions] ?? '{}') as Record<string, string>;
  } catch {
    return 'artifact versions unreadable';
  }
  const names = builders.map((b) => b.name).sort();
  if (JSON.stringify(names) !== JSON.stringify(Object.keys(recorded).sort()))
    return 'artifact set changed';
  const undeclared = builders.filter((b) => b.version === undefined);
  const declared = builders.filter((b) => b.version !== undefined);
  if (declared.some((b) => recorded[b.name] !== b.version)) return 'artifact version changed';
  if (undeclared.length > 0) {
    // Builders that do not declare a version: build them from the stored content to compare.
    const store = openContentStore(dbPath);
    try {
      const current = sortedVersions(buildArtifacts(store.searchDocs(), undeclared));
      if (Object.entries(current).some(([name, version]) => recorded[name] !== version))
        return 'artifact version changed';
    } finally {
      store.close();
    }
  }
  return null;
}

export function ensureContentDb(options: EnsureOptions = {}): EnsureResult {
  const dbPath = options.dbPath ?? defaultContentDbPath();
  const inputs = options.inputs ?? defaultContentInputs();
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const builders = options.builders ?? artifactBuilders;
  const haveInputs = [inputs.sourcePath, inputs.metadataPath, inputs.curationPath].every((f) =>
    fs.existsSync(f),
  );
  if (!haveInputs) {
    // A packaged app ships the database without its sources: use it as it is.
    if (fs.existsSync(dbPath)) return { dbPath, rebuilt: false, reason: null };
    throw new ContentBuildError(
      `${displayPath(dbPath)}: missing, and its sources (${displayPath(inputs.sourcePath)}) are not there to build it`,
    );
  }
  const reason = staleReason(dbPath, inputs, builders);
  if (reason === null) return { dbPath, rebuilt: false, reason: null };
  log(`content: building ${displayPath(dbPath)} (${reason})…`);
  const result = buildContentDb({ inputs, dbPath, builders, log });
  log(
    `content: ${result.sections} sections, ${result.paragraphs} paragraphs, ${result.bytes} bytes`,
  );
  return { dbPath, rebuilt: true, reason };
}
