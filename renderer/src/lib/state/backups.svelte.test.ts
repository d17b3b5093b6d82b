import { describe, expect, it, vi } from 'vitest';
import type { BackupEntry, Prefs } from '../../../../electron/common/api/types';
import { ApiCallError } from '../api';
import { deferred, fakeApi } from '../testing/fake-api';
import { BackupsState, restoreErrorOutcome } from './backups.svelte';

const entry = (name: string, createdAt: string): BackupEntry => ({
  name,
  createdAt,
  reason: 'auto',
  bytes: 49_152,
  kept: false,
});
const OLD = entry('user-20260101T000000000Z-auto.sqlite', '2026-01-01T00:00:00.000Z');
const NEW = entry('user-20260102T000000000Z-manual.sqlite', '2026-01-02T00:00:00.000Z');
const PREFS = { theme: 'dark', fontSize: 18 } as Prefs;

function setup(methods: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi({ listBackups: () => [NEW, OLD], getPrefs: () => PREFS, ...methods });
  const bookmarks = { load: vi.fn(async () => {}), list: [{}, {}] as never[] };
  const annotations = { load: vi.fn(async () => {}), list: [{}, {}, {}] as never[] };
  const prefs = { load: vi.fn() };
  const state = new BackupsState({ api: fake.client, bookmarks, annotations, prefs });
  return { fake, state, bookmarks, annotations, prefs };
}

describe('backups state', () => {
  it('lists the backups when shown, newest first as the core gives them', async () => {
    const { state } = setup();
    state.show();
    expect(state.open).toBe(true);
    await vi.waitFor(() => expect(state.loading).toBe(false));
    expect(state.list).toEqual([NEW, OLD]);
  });

  it('says when backups cannot be listed', async () => {
    const { state } = setup({
      listBackups: () => {
        throw new Error('bookmarks and notes are not available in this host');
      },
    });
    await state.load();
    expect(state.list).toEqual([]);
    expect(state.error).toBe('bookmarks and notes are not available in this host');
  });

  it('takes a backup on demand and reports its time, then lists again', async () => {
    const { state, fake } = setup({ createBackup: () => NEW });
    await state.takeNow();
    expect(state.outcome).toEqual({
      kind: 'ok',
      key: 'backupTaken',
      params: { time: NEW.createdAt },
    });
    expect(fake.argsOf('listBackups')).toHaveLength(1);
  });

  it('restores, then reads the reader’s data again and counts what came back', async () => {
    const { state, fake, prefs, bookmarks, annotations } = setup({
      restoreBackup: () => OLD,
    });
    state.confirming = OLD;
    expect(await state.restore(OLD)).toBe(true);
    expect(fake.argsOf('restoreBackup')).toEqual([{ name: OLD.name }]);
    expect(prefs.load).toHaveBeenCalledWith(PREFS);
    expect(bookmarks.load).toHaveBeenCalled();
    expect(annotations.load).toHaveBeenCalled();
    expect(state.outcome).toEqual({
      kind: 'ok',
      key: 'restored',
      params: { time: OLD.createdAt, bookmarks: 2, notes: 3 },
    });
    expect(state.confirming).toBeNull();
    expect(state.busy).toBe(false);
  });

  it('totals the sizes; deletes a backup, says which, then lists again', async () => {
    let listed = [NEW, OLD];
    const { state, fake, bookmarks } = setup({
      listBackups: () => listed,
      deleteBackup: () => {
        listed = [NEW];
        return OLD;
      },
    });
    await state.load();
    expect(state.totalBytes).toBe(2 * 49_152);
    state.deleting = OLD;
    expect(await state.remove(OLD)).toBe(true);
    expect(fake.argsOf('deleteBackup')).toEqual([{ name: OLD.name }]);
    expect(state.deleting).toBeNull();
    expect(state.outcome).toEqual({
      kind: 'ok',
      key: 'backupDeleted',
      params: { time: OLD.createdAt, bytes: OLD.bytes },
    });
    expect(state.list).toEqual([NEW]);
    expect(state.totalBytes).toBe(49_152);
    // The reader's data is not read again: nothing of it changed.
    expect(bookmarks.load).not.toHaveBeenCalled();
  });

  it('says when a backup cannot be deleted', async () => {
    const { state } = setup({
      deleteBackup: () => {
        throw new ApiCallError('deleteBackup', { code: 'not_found', message: 'no backup named x' });
      },
    });
    expect(await state.remove(OLD)).toBe(false);
    expect(state.outcome).toEqual({
      kind: 'error',
      key: 'backupDeleteFailed',
      params: { message: 'no backup named x' },
    });
  });

  it('runs one backup or restore at a time and cannot be closed meanwhile', async () => {
    const slow = deferred<BackupEntry>();
    const { state, fake } = setup({ restoreBackup: () => slow.promise });
    state.show();
    const first = state.restore(OLD);
    expect(state.busy).toBe(true);
    expect(await state.restore(NEW)).toBe(false);
    await state.takeNow();
    state.close();
    expect(state.open).toBe(true);
    slow.resolve(OLD);
    expect(await first).toBe(true);
    expect(fake.argsOf('restoreBackup')).toHaveLength(1);
    expect(fake.argsOf('createBackup')).toHaveLength(0);
    state.close();
    expect(state.open).toBe(false);
  });

  it('explains a refused restore by the contract’s error code', async () => {
    const { state } = setup({
      restoreBackup: () => {
        throw new ApiCallError('restoreBackup', { code: 'conflict', message: 'locked' });
      },
    });
    expect(await state.restore(OLD)).toBe(false);
    expect(state.outcome).toEqual({ kind: 'error', key: 'restoreInUse', params: {} });
  });
});

describe('restore errors in words', () => {
  const fail = (code: 'conflict' | 'invalid_input' | 'not_found' | 'internal') =>
    restoreErrorOutcome(new ApiCallError('restoreBackup', { code, message: 'why' }));

  it('maps each code to what it means for the reader', () => {
    expect(fail('conflict').key).toBe('restoreInUse');
    expect(fail('invalid_input')).toEqual({
      kind: 'error',
      key: 'restoreBadBackup',
      params: { message: 'why' },
    });
    expect(fail('not_found').key).toBe('restoreGone');
    expect(fail('internal').key).toBe('restoreFailed');
    expect(restoreErrorOutcome('boom')).toEqual({
      kind: 'error',
      key: 'restoreFailed',
      params: { message: 'boom' },
    });
  });
});
