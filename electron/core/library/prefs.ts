// Reader preferences as stored in user.sqlite: one row per key, JSON values.
// A stored value that no longer validates (hand-edited, older app) falls back to
// its default instead of breaking the reader.
import type Database from 'better-sqlite3';
import { inputSchemas } from '../../common/api/contract';
import type { Prefs } from '../../common/api/types';
import { DEFAULT_PREFS } from '../../common/rules/prefs';

const prefKeys = Object.keys(DEFAULT_PREFS) as (keyof Prefs)[];

export function readPrefs(db: Database.Database): Prefs {
  const prefs: Prefs = { ...DEFAULT_PREFS };
  const rows = db.prepare('SELECT key, value FROM prefs').all() as { key: string; value: string }[];
  for (const row of rows) {
    if (!(prefKeys as string[]).includes(row.key)) continue;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = inputSchemas.setPrefs.safeParse({ [row.key]: value });
    if (parsed.success) Object.assign(prefs, parsed.data);
  }
  return prefs;
}

/** Validates the patch (strict: unknown keys are refused) and writes it; caller wraps in a transaction. */
export function writePrefs(db: Database.Database, patch: unknown): void {
  const parsed = inputSchemas.setPrefs.safeParse(patch);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TypeError(
      `invalid preferences: ${first?.message ?? 'invalid'}${first?.path.length ? ` at ${first.path.join('.')}` : ''}`,
    );
  }
  const upsert = db.prepare(
    'INSERT INTO prefs (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const key of prefKeys) {
    const value = parsed.data[key];
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
