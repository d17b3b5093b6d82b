// The retention policy of automatic backups, as a rule over names and times, and
// what it means for a reader: after a day of heavy editing (a backup every few
// minutes) the state of an hour ago, of yesterday and of last week can still be
// restored, and a backup taken before an import or a restore is never rotated away.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempUserDataDir } from '../testing/user-data';
import {
  DEFAULT_KEEP_BACKUPS,
  KEPT_REASONS,
  listBackups,
  retentionPlan,
  type BackupInfo,
  type BackupReason,
} from './backups';
import { openLibrary } from './library';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-06-15T12:30:00.000Z');

function backup(at: number, reason: BackupReason = 'auto'): BackupInfo {
  const createdAt = new Date(at).toISOString();
  return {
    name: `user-${createdAt}-${reason}.sqlite`,
    path: '',
    createdAt,
    reason,
    bytes: 1000,
    kept: KEPT_REASONS.includes(reason),
  };
}

describe('retentionPlan', () => {
  it('keeps the newest 10, the newest of each hour of the last day, the newest of each day of two weeks', () => {
    // Three weeks of automatic backups, one every 10 minutes.
    const all: BackupInfo[] = [];
    for (let t = NOW - 21 * DAY; t <= NOW; t += 10 * 60_000) all.push(backup(t));
    const { keep, remove } = retentionPlan(all, { now: new Date(NOW) });
    expect(keep.length + remove.length).toBe(all.length);
    const kept = new Set(keep.map((b) => b.createdAt));
    const newest = [...all].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    for (const b of newest.slice(0, DEFAULT_KEEP_BACKUPS)) expect(kept.has(b.createdAt)).toBe(true);
    // Every clock hour of the last 24 hours has a backup to go back to…
    for (let h = 1; h < 24; h += 1) {
      const hour = new Date(NOW - h * HOUR).toISOString().slice(0, 13);
      expect(
        [...kept].some((t) => t.startsWith(hour)),
        hour,
      ).toBe(true);
    }
    // …and every day of the last two weeks.
    for (let d = 1; d < 14; d += 1) {
      const day = new Date(NOW - d * DAY).toISOString().slice(0, 10);
      expect(
        [...kept].some((t) => t.startsWith(day)),
        day,
      ).toBe(true);
    }
    // Older than two weeks: thinned away; and the total stays bounded.
    expect([...kept].every((t) => Date.parse(t) > NOW - 15 * DAY)).toBe(true);
    expect(keep.length).toBeLessThanOrEqual(DEFAULT_KEEP_BACKUPS + 24 + 15);
  });

  it('never removes a manual backup or one taken before an import or a restore, however old', () => {
    const all = [
      ...Array.from({ length: 200 }, (_, i) => backup(NOW - i * 60_000)),
      backup(NOW - 400 * DAY, 'pre-import'),
      backup(NOW - 90 * DAY, 'pre-restore'),
      backup(NOW - 30 * DAY, 'manual'),
    ];
    const { keep } = retentionPlan(all, { now: new Date(NOW) });
    expect(
      keep
        .filter((b) => b.kept)
        .map((b) => b.reason)
        .sort(),
    ).toEqual(['manual', 'pre-import', 'pre-restore']);
  });
});

describe('on disk', () => {
  it('a pre-import backup outlives any number of automatic backups after it', async () => {
    const dir = tempUserDataDir();
    dirs.push(dir);
    let t = Date.parse('2026-03-01T00:00:00Z');
    const lib = openLibrary(dir, { autoBackup: false, now: () => new Date((t += 60_000)) });
    lib.bookmarks.add('s-0', 'before');
    const kept = await lib.keptBackup('pre-import');
    // The same state again: the kept backup is reused, not duplicated.
    expect((await lib.keptBackup('pre-import')).name).toBe(kept.name);
    for (let i = 1; i <= 40; i += 1) {
      lib.bookmarks.add(`s-${i}`, `${i}`);
      await lib.backupIfChanged('auto');
    }
    const names = listBackups(dir).map((b) => b.name);
    expect(names).toContain(kept.name);
    // The automatic ones are thinned: the newest 10, plus the newest of an earlier hour.
    const automatic = listBackups(dir).filter((b) => !b.kept);
    expect(automatic.length).toBeGreaterThanOrEqual(DEFAULT_KEEP_BACKUPS);
    expect(automatic.length).toBeLessThanOrEqual(DEFAULT_KEEP_BACKUPS + 2);
    expect(fs.existsSync(path.join(dir, 'backups', kept.name))).toBe(true);
    lib.close();
  });
});
