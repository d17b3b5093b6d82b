// How many live (not deleted) bookmarks or annotations each section of one document
// has: the outline marks sections with them and the panels count them. The two tables
// keep the same columns for this (section_id, document_id, deleted_at), so one query
// serves both.
import type Database from 'better-sqlite3';

/** Live rows of `table` per section of the document `documentKey`. */
export function liveCountsBySection(
  db: Database.Database,
  table: 'annotations' | 'bookmarks',
  documentKey: string,
): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT section_id, count(*) AS n FROM ${table} WHERE deleted_at IS NULL AND document_id = ? GROUP BY section_id`,
    )
    .all(documentKey) as { section_id: string; n: number }[];
  return new Map(rows.map((r) => [r.section_id, r.n]));
}
