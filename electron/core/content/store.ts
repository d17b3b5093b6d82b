// The read side of the content database (ContentStore): opened read-only and only if
// it exists, schema version checked, every query prepared once. Sections come in
// reading order; prev/next walk that order, so a reader can page through the whole
// document section by section. The file is checked, not trusted: every artifact is
// verified against the checksum written with it before it is handed out, and any
// sign of damage SQLite reports while reading becomes one clear error naming the
// file and the fix, never a stack trace or a silently shortened answer.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import type { DocumentInfo, SectionKind, SectionView, TocEntry } from '../../common/api/types';
import { missingSections } from './missing-sections';
import { META, SCHEMA_VERSION } from './schema';
import type { ContentStore, ParagraphRecord, SearchDoc } from './store-types';
import { openDatabase } from '../sqlite';

interface SectionRow {
  id: string;
  parent_id: string | null;
  level: number;
  ordinal: number;
  kind: SectionKind;
  title: string;
  editorial: number;
}

interface ParagraphRow {
  id: string;
  section_id: string;
  ordinal: number;
  text: string;
}

/** The one fix for a content database that cannot be used as it is. */
export const CONTENT_FIX =
  'rebuild it with "npm run build:content" (an installed app: reinstall it)';

/** SQLite said the file is damaged (or not a database at all). */
function isDamage(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** A failure reading the content database as one line: the file, what is wrong, the fix. */
export function contentError(dbPath: string, err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (isDamage(err))
    return new ApiError(
      'unavailable',
      `content database ${dbPath} is damaged (${message}): ${CONTENT_FIX}`,
    );
  return new ApiError('unavailable', `content database ${dbPath}: ${message}`);
}

/** A damaged artifact: refused, never read. */
export class ArtifactIntegrityError extends ApiError {
  constructor(dbPath: string, name: string, problem: string) {
    super('unavailable', `the ${name} in content database ${dbPath} ${problem}: ${CONTENT_FIX}`);
    this.name = 'ArtifactIntegrityError';
  }
}

/** sha256 of an artifact body as it was written (text as UTF-8, bytes as they are). */
export function artifactSha256(body: string | Uint8Array): string {
  return crypto.createHash('sha256').update(body).digest('hex');
}

/** Opens a content database built by ingest/build.ts. Throws ApiError('unavailable') if unusable. */
export function openContentStore(dbPath: string): ContentStore {
  let db: Database.Database;
  try {
    db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw contentError(dbPath, err);
  }
  let sections: SectionRow[];
  let documentRow: Record<string, string | null>;
  let meta: Record<string, string>;
  try {
    // Checked, not trusted: a damaged page is found now, not in the middle of a reading.
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok')
      throw Object.assign(new Error(`its integrity check failed: ${check.split('\n')[0]}`), {
        code: 'SQLITE_CORRUPT',
      });
    const version = (
      db.prepare('SELECT value FROM meta WHERE key = ?').get(META.schemaVersion) as
        { value: string } | undefined
    )?.value;
    if (version !== String(SCHEMA_VERSION))
      throw new Error(
        `schema version ${version ?? 'missing'}, expected ${SCHEMA_VERSION} (rebuild it: npm run build:content)`,
      );
    sections = db
      .prepare(
        'SELECT id, parent_id, level, ordinal, kind, title, editorial FROM sections ORDER BY ordinal',
      )
      .all() as SectionRow[];
    documentRow = db
      .prepare(
        'SELECT id, title, title_en, publisher, edition, attribution, source_file, source_sha256 FROM documents ORDER BY id LIMIT 1',
      )
      .get() as Record<string, string | null>;
    if (!documentRow) throw new Error('no document');
    meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
        (r) => [r.key, r.value],
      ),
    );
  } catch (err) {
    db.close();
    throw contentError(dbPath, err);
  }
  let checksums: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(meta[META.artifactSha256] ?? 'null');
    if (parsed !== null && typeof parsed === 'object')
      checksums = parsed as Record<string, unknown>;
  } catch {
    checksums = null;
  }
  /** The text's identity: every meta entry that decides the text (not the artifacts). */
  const textDigest = `content-meta-sha256:${crypto
    .createHash('sha256')
    .update(
      JSON.stringify(
        Object.entries(meta)
          .filter(([key]) => !key.startsWith('artifact'))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
    )
    .digest('hex')}`;
  /** Runs a read; SQLite's damage reports become one line naming the file and the fix. */
  const reading = <T>(step: () => T): T => {
    try {
      return step();
    } catch (err) {
      throw contentError(dbPath, err);
    }
  };

  // The outline is small and immutable: keep it in memory, read paragraphs on demand.
  const byId = new Map(sections.map((s, index) => [s.id, { row: s, index }]));
  const childrenOf = new Map<string | null, string[]>();
  for (const s of sections)
    childrenOf.set(s.parent_id, [...(childrenOf.get(s.parent_id) ?? []), s.id]);
  const paragraphsOf = db.prepare(
    'SELECT id, section_id, ordinal, text FROM paragraphs WHERE section_id = ? ORDER BY ordinal',
  );
  const paragraphsIn = db.prepare(
    'SELECT id, section_id, ordinal, text FROM paragraphs WHERE section_id IN (SELECT value FROM json_each(?)) ORDER BY section_id, ordinal',
  );
  const paragraphById = db.prepare(
    'SELECT id, section_id, ordinal, text FROM paragraphs WHERE id = ?',
  );
  const allParagraphs = db.prepare(
    'SELECT p.id, p.section_id, p.ordinal, p.text FROM paragraphs p JOIN sections s ON s.id = p.section_id ORDER BY s.ordinal, p.ordinal',
  );
  const artifactByName = db.prepare('SELECT version, body FROM artifacts WHERE name = ?');

  const tocEntry = (s: SectionRow): TocEntry => ({
    id: s.id,
    level: s.level,
    title: s.title,
    editorial: s.editorial === 1,
    parent: s.parent_id,
    kind: s.kind,
  });
  const documentInfo: DocumentInfo = {
    id: documentRow.id as string,
    title: documentRow.title as string,
    ...(documentRow.title_en ? { titleEn: documentRow.title_en } : {}),
    publisher: documentRow.publisher as string,
    edition: documentRow.edition as string,
    sourceFile: documentRow.source_file as string,
    sourceSha256: documentRow.source_sha256 as string,
    attribution: documentRow.attribution as string,
  };
  type Found = { row: SectionRow; index: number };
  /** The outline's entries of `ids`, in order; not_found naming every id it lacks. */
  const known = (ids: readonly string[]): Found[] => {
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw missingSections(missing);
    return ids.map((id) => byId.get(id)!);
  };
  /** A section as the contract answers it: its outline entry, its path and its paragraphs. */
  const viewOf = ({ row, index }: Found, paragraphs: ParagraphRow[]): SectionView => {
    const path: string[] = [];
    for (
      let s: SectionRow | undefined = row;
      s;
      s = s.parent_id ? byId.get(s.parent_id)?.row : undefined
    )
      path.unshift(s.title);
    return {
      id: row.id,
      level: row.level,
      title: row.title,
      editorial: row.editorial === 1,
      kind: row.kind,
      path,
      paragraphs: paragraphs.map((p) => ({ id: p.id, text: p.text })),
      children: [...(childrenOf.get(row.id) ?? [])],
      prev: sections[index - 1]?.id ?? null,
      next: sections[index + 1]?.id ?? null,
    };
  };
  let open = true;
  const live = () => {
    if (!open) throw new ApiError('unavailable', 'content store is closed');
  };

  return {
    path: dbPath,
    digest: () => textDigest,
    document: () => (live(), { ...documentInfo }),
    toc: () => (live(), sections.map(tocEntry)),
    section(id: string): SectionView {
      live();
      const found = known([id])[0]!;
      return viewOf(
        found,
        reading(() => paragraphsOf.all(id) as ParagraphRow[]),
      );
    },
    sections(ids: readonly string[]): SectionView[] {
      live();
      const found = known(ids);
      if (found.length === 0) return [];
      // One query for the whole batch: the ids as one JSON array parameter, matched
      // through the (section_id, ordinal) index; grouped by section here.
      const rows = reading(() => paragraphsIn.all(JSON.stringify(ids)) as ParagraphRow[]);
      const bySection = new Map<string, ParagraphRow[]>();
      for (const row of rows) {
        const list = bySection.get(row.section_id);
        if (list) list.push(row);
        else bySection.set(row.section_id, [row]);
      }
      return found.map((f) => viewOf(f, bySection.get(f.row.id) ?? []));
    },
    paragraph(id: string): ParagraphRecord | undefined {
      live();
      const p = reading(() => paragraphById.get(id) as ParagraphRow | undefined);
      return p && { id: p.id, sectionId: p.section_id, ordinal: p.ordinal, text: p.text };
    },
    searchDocs(): SearchDoc[] {
      live();
      const rows = reading(() => allParagraphs.all() as ParagraphRow[]);
      return sections.map((s) => ({
        id: s.id,
        title: s.title,
        paragraphs: rows
          .filter((p) => p.section_id === s.id)
          .map((p) => ({ id: p.id, text: p.text })),
      }));
    },
    artifact(name: string) {
      live();
      const row = reading(
        () =>
          artifactByName.get(name) as { version: string; body: string | Uint8Array } | undefined,
      );
      if (!row) return null;
      const expected = checksums?.[name];
      if (typeof expected !== 'string')
        throw new ArtifactIntegrityError(dbPath, name, 'has no checksum to verify it by');
      if (artifactSha256(row.body) !== expected)
        throw new ArtifactIntegrityError(dbPath, name, 'is damaged (its checksum does not match)');
      return { version: row.version, body: row.body };
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

/** The build metadata a content database records (meta table), or null if it is unreadable. */
export function readContentMeta(dbPath: string): Record<string, string> | null {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT key, value FROM meta').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
