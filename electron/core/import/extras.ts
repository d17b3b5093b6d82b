// Reading back what an import adds to the content schema (content/schema.ts
// IMPORT_SCHEMA_SQL, IMPORT_META): page markers, paragraph roles and the import's meta
// keys. A database without the optional tables (the bundled chapter) reads as empty,
// so a caller can use this on any content database.
import { IMPORT_META } from '../content/schema';
import { openDatabase } from '../sqlite';

export interface StoredPageMarker {
  paragraphId: string;
  offset: number;
  pageIndex: number;
  label: string;
}

export interface ImportExtras {
  /** Page markers in paragraph-id and offset order. */
  pageMarkers: StoredPageMarker[];
  /** Paragraphs that are footnotes or captions, by id. */
  roles: Map<string, 'footnote' | 'caption'>;
  /** IMPORT_META values present in the database. */
  meta: Partial<Record<keyof typeof IMPORT_META, string>>;
}

export function readImportExtras(dbPath: string): ImportExtras {
  const db = openDatabase(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    const pageMarkers = tables.has('page_markers')
      ? (
          db
            .prepare(
              'SELECT paragraph_id, offset, page_index, label FROM page_markers ORDER BY paragraph_id, offset',
            )
            .all() as { paragraph_id: string; offset: number; page_index: number; label: string }[]
        ).map((r) => ({
          paragraphId: r.paragraph_id,
          offset: r.offset,
          pageIndex: r.page_index,
          label: r.label,
        }))
      : [];
    const roles = new Map<string, 'footnote' | 'caption'>(
      tables.has('paragraph_roles')
        ? (
            db.prepare('SELECT paragraph_id, role FROM paragraph_roles').all() as {
              paragraph_id: string;
              role: 'footnote' | 'caption';
            }[]
          ).map((r) => [r.paragraph_id, r.role])
        : [],
    );
    const stored = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
        (r) => [r.key, r.value],
      ),
    );
    const meta: ImportExtras['meta'] = {};
    for (const [name, key] of Object.entries(IMPORT_META) as [keyof typeof IMPORT_META, string][]) {
      const value = stored.get(key);
      if (value !== undefined) meta[name] = value;
    }
    return { pageMarkers, roles, meta };
  } finally {
    db.close();
  }
}
