// The read side of the content database (ContentStore): opened read-only and only if
// it exists, schema version checked, every query prepared once. Sections come in
// reading order; prev/next walk that order, so a reader can page through the whole
// document section by section.
import type Database from 'better-sqlite3';
import { ApiError } from '../../common/api/contract';
import type { DocumentInfo, SectionKind, SectionView, TocEntry } from '../../common/api/types';
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

/** Opens a content database built by ingest/build.ts. Throws ApiError('unavailable') if unusable. */
export function openContentStore(dbPath: string): ContentStore {
  let db: Database.Database;
  try {
    db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new ApiError('unavailable', `content database ${dbPath}: ${(err as Error).message}`);
  }
  let sections: SectionRow[];
  let documentRow: Record<string, string | null>;
  try {
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
  } catch (err) {
    db.close();
    throw new ApiError('unavailable', `content database ${dbPath}: ${(err as Error).message}`);
  }

  // The outline is small and immutable: keep it in memory, read paragraphs on demand.
  const byId = new Map(sections.map((s, index) => [s.id, { row: s, index }]));
  const childrenOf = new Map<string | null, string[]>();
  for (const s of sections)
    childrenOf.set(s.parent_id, [...(childrenOf.get(s.parent_id) ?? []), s.id]);
  const paragraphsOf = db.prepare(
    'SELECT id, section_id, ordinal, text FROM paragraphs WHERE section_id = ? ORDER BY ordinal',
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
  let open = true;
  const live = () => {
    if (!open) throw new ApiError('unavailable', 'content store is closed');
  };

  return {
    path: dbPath,
    document: () => (live(), { ...documentInfo }),
    toc: () => (live(), sections.map(tocEntry)),
    section(id: string): SectionView {
      live();
      const found = byId.get(id);
      if (!found) throw new ApiError('not_found', `no section "${id}"`);
      const path: string[] = [];
      for (
        let s: SectionRow | undefined = found.row;
        s;
        s = s.parent_id ? byId.get(s.parent_id)?.row : undefined
      )
        path.unshift(s.title);
      const rows = paragraphsOf.all(id) as ParagraphRow[];
      return {
        id: found.row.id,
        level: found.row.level,
        title: found.row.title,
        editorial: found.row.editorial === 1,
        kind: found.row.kind,
        path,
        paragraphs: rows.map((p) => ({ id: p.id, text: p.text })),
        children: [...(childrenOf.get(id) ?? [])],
        prev: sections[found.index - 1]?.id ?? null,
        next: sections[found.index + 1]?.id ?? null,
      };
    },
    paragraph(id: string): ParagraphRecord | undefined {
      live();
      const p = paragraphById.get(id) as ParagraphRow | undefined;
      return p && { id: p.id, sectionId: p.section_id, ordinal: p.ordinal, text: p.text };
    },
    searchDocs(): SearchDoc[] {
      live();
      const rows = allParagraphs.all() as ParagraphRow[];
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
      const row = artifactByName.get(name) as
        { version: string; body: string | Uint8Array } | undefined;
      return row ? { version: row.version, body: row.body } : null;
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
