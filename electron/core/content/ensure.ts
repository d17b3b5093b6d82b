// Makes sure the content database exists, is sound and matches its inputs before
// anyone reads it: rebuilt when missing, unreadable, damaged (SQLite's quick check,
// an artifact whose checksum does not match), or when its recorded
// source/metadata/curation sha256, schema, builder version or artifact versions differ
// from what this checkout would build. `npm start`, the CLI and the tests call it; a
// packaged app (which ships the database but not the sources) uses the database as it
// is.
//
// It only ever replaces a file it owns: the checkout's own data/content.sqlite, or a
// file it can prove it built (our application id, our metadata, this document). Any
// other file at a path the reader named (`--content`, HAKUSHO_CONTENT_DB) is refused
// with one line saying what to do — a thesis in a text file or another profile's
// user.sqlite is never overwritten. It creates no folder but the user-data folder's
// own: a database that is stale in a folder it cannot write (a read-only install) is
// rebuilt into the user-data folder and used from there, with a notice.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../common/api/types';
import { makeNotice } from '../../common/i18n/notices';
import { artifactBuilders, type ArtifactBuilder } from './artifacts';
import { defaultContentInputs, displayPath, type ContentInputs } from './inputs';
import { CONTENT_APPLICATION_ID, IMPORT_META, META, SCHEMA_VERSION } from './schema';
import { artifactSha256, openContentStore, readContentMeta } from './store';
import { repoRoot } from '../paths';
import { openDatabase } from '../sqlite';
import {
  BUILDER_VERSION,
  buildArtifacts,
  buildContentDb,
  digestInputs,
  sortedVersions,
} from '../ingest/build';
import { ContentBuildError } from '../ingest/errors';
import { parseSourceMetadata } from '../ingest/metadata';

/** Where rebuilt copies of a content database that could not be rebuilt in place go. */
export const USER_CONTENT_DIR = 'content';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface EnsureOptions {
  dbPath?: string;
  inputs?: ContentInputs;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  builders?: readonly ArtifactBuilder[];
  /**
   * The reader's user-data folder: where a stale database that cannot be rebuilt in
   * place (a read-only folder) is rebuilt instead. Without it, that is an error.
   */
  userDataDir?: string;
  /** The checkout's own content database, rebuilt without proof (default data/content.sqlite). */
  ownPath?: string;
}

export interface EnsureResult {
  /** The database to open (another one than asked for when it was rebuilt elsewhere). */
  dbPath: string;
  rebuilt: boolean;
  /** Why it was rebuilt (null when it was up to date). */
  reason: string | null;
  /** What the reader should be told (e.g. rebuilt into the user-data folder). */
  notices: Notice[];
}

/** The checkout's own content database: the one file rebuilt without proof of ownership. */
export function ownContentDbPath(root: string = repoRoot()): string {
  return path.join(root, 'data', 'content.sqlite');
}

/** Verifies every artifact against its checksum; the first problem, or null. */
function artifactProblem(dbPath: string): string | null {
  let db;
  try {
    db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META.artifactSha256) as
      { value: string } | undefined;
    if (!row) return 'artifact checksums missing';
    const expected = JSON.parse(row.value) as Record<string, unknown>;
    for (const a of db.prepare('SELECT name, body FROM artifacts').all() as {
      name: string;
      body: string | Uint8Array;
    }[]) {
      if (expected[a.name] !== artifactSha256(a.body))
        return `artifact ${a.name} damaged (checksum mismatch)`;
    }
    return null;
  } catch (err) {
    return `unreadable (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    db?.close();
  }
}

/** SQLite's quick check of the file; null when sound. */
function damageProblem(dbPath: string): string | null {
  let db;
  try {
    db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true }) as string;
    return check === 'ok' ? null : `damaged (${check})`;
  } catch (err) {
    return `damaged (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    db?.close();
  }
}

/** Why the database at dbPath needs a rebuild, or null when it is current and sound. */
export function staleReason(
  dbPath: string,
  inputs: ContentInputs,
  builders: readonly ArtifactBuilder[] = artifactBuilders,
): string | null {
  if (!fs.existsSync(dbPath)) return 'missing';
  const damaged = damageProblem(dbPath);
  if (damaged) return damaged;
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
  const artifacts = artifactProblem(dbPath);
  if (artifacts) return artifacts;
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

/**
 * Whether the file at `dbPath` is provably a content database this reader built for
 * this document (so it may be replaced), or why not. A file damaged past reading
 * still counts as ours when its header carries our application id.
 */
export function contentOwnership(
  dbPath: string,
  documentId: string,
): { ours: true } | { ours: false; why: string } {
  let header: Buffer;
  try {
    const fd = fs.openSync(dbPath, 'r');
    try {
      header = Buffer.alloc(100);
      const read = fs.readSync(fd, header, 0, 100, 0);
      if (read < 100) return { ours: false, why: 'it is not an SQLite database' };
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    return {
      ours: false,
      why: `it cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`,
    };
  }
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC))
    return { ours: false, why: 'it is not an SQLite database' };
  if (header.readUInt32BE(68) !== CONTENT_APPLICATION_ID)
    return {
      ours: false,
      why: 'it is an SQLite database of another program (not a Hakusho content database)',
    };
  const meta = readContentMeta(dbPath);
  if (!meta) return { ours: true }; // ours, and damaged past reading: rebuilding it is the repair
  if (meta[IMPORT_META.sourceFormat] !== undefined)
    return { ours: false, why: 'it holds an imported document, not the bundled one' };
  if (meta[META.documentId] !== undefined && meta[META.documentId] !== documentId)
    return { ours: false, why: `it holds another document ("${meta[META.documentId]}")` };
  return { ours: true };
}

/** Whether files can be created in `dir` (tried: permission bits say nothing to root). */
function folderWritable(dir: string): boolean {
  const probe = path.join(dir, `.hakusho-write-test-${process.pid}-${Date.now().toString(36)}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

function documentIdOf(inputs: ContentInputs): string {
  return parseSourceMetadata(fs.readFileSync(inputs.metadataPath, 'utf8'), inputs.metadataPath).id;
}

export function ensureContentDb(options: EnsureOptions = {}): EnsureResult {
  const dbPath = path.resolve(options.dbPath ?? ownContentDbPath());
  const inputs = options.inputs ?? defaultContentInputs();
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const builders = options.builders ?? artifactBuilders;
  const ownPath = path.resolve(options.ownPath ?? ownContentDbPath());
  const haveInputs = [inputs.sourcePath, inputs.metadataPath, inputs.curationPath].every((f) =>
    fs.existsSync(f),
  );
  if (!haveInputs) {
    // A packaged app ships the database without its sources: use it as it is.
    if (fs.existsSync(dbPath)) return { dbPath, rebuilt: false, reason: null, notices: [] };
    throw new ContentBuildError(
      `${displayPath(dbPath)}: missing, and its sources (${displayPath(inputs.sourcePath)}) are not there to build it`,
    );
  }
  const reason = staleReason(dbPath, inputs, builders);
  if (reason === null) return { dbPath, rebuilt: false, reason: null, notices: [] };
  const exists = fs.existsSync(dbPath);
  if (exists && dbPath !== ownPath) {
    const owner = contentOwnership(dbPath, documentIdOf(inputs));
    if (!owner.ours)
      throw new ContentBuildError(
        `${displayPath(dbPath)} is not a content database this reader can rebuild: ${owner.why}; it was not changed. ` +
          `Point --content (or HAKUSHO_CONTENT_DB) at a Hakusho content database or at a new file, or leave it out to use ${displayPath(ownPath)}`,
      );
  }
  const folder = path.dirname(dbPath);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new ContentBuildError(
      `${displayPath(dbPath)}: the folder ${displayPath(folder)} does not exist; create it first or choose another path (no folder is created for you)`,
    );
  if (folderWritable(folder)) {
    log(`content: building ${displayPath(dbPath)} (${reason})…`);
    const result = buildContentDb({ inputs, dbPath, builders, log });
    log(
      `content: ${result.sections} sections, ${result.paragraphs} paragraphs, ${result.bytes} bytes`,
    );
    return { dbPath, rebuilt: true, reason, notices: [] };
  }
  // A folder this process may not write (a read-only install): rebuild the database
  // into the user-data folder, or use the copy already rebuilt there.
  if (!options.userDataDir)
    throw new ContentBuildError(
      `${displayPath(dbPath)} needs a rebuild (${reason}) but its folder cannot be written; run as a user who may write it, or give --user-data`,
    );
  const name = `${crypto.createHash('sha256').update(dbPath).digest('hex').slice(0, 12)}-${path.basename(dbPath)}`;
  const elsewhere = path.join(options.userDataDir, USER_CONTENT_DIR, name);
  const notice = (rebuiltReason: string) =>
    makeNotice(
      'content_rebuilt_elsewhere',
      { original: dbPath, usedPath: elsewhere, reason: rebuiltReason },
      [elsewhere, dbPath],
    );
  const staleThere = staleReason(elsewhere, inputs, builders);
  if (staleThere === null)
    return { dbPath: elsewhere, rebuilt: false, reason, notices: [notice(reason)] };
  fs.mkdirSync(path.dirname(elsewhere), { recursive: true });
  log(
    `content: ${displayPath(dbPath)} is out of date (${reason}) and its folder is read-only; building ${displayPath(elsewhere)}…`,
  );
  buildContentDb({ inputs, dbPath: elsewhere, builders, log });
  return { dbPath: elsewhere, rebuilt: true, reason, notices: [notice(reason)] };
}
