import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../../electron/common/api/types';
import { ApiCallError } from '../api';
import { fakeApi } from '../testing/fake-api';
import { AnnotationsState } from './annotations.svelte';
import { BookmarksState } from './bookmarks.svelte';
import { NotesAccessState } from './notes-access.svelte';

/** The core's answer to getAppInfo, with only what the access state reads. */
const info = (notesReadOnly: boolean) => ({ notesReadOnly }) as AppInfo;

describe('notes access', () => {
  it('is read-only when the core says so at start', async () => {
    const fake = fakeApi({ getAppInfo: () => info(true) });
    const access = new NotesAccessState(fake.client);
    expect(access.readOnly).toBe(false);
    await access.load();
    expect(access.readOnly).toBe(true);
    expect(access.switchedDuringSession).toBe(false);
  });

  it('asks again only after a change refused as unavailable, and switches when the core has', async () => {
    let readOnly = false;
    const fake = fakeApi({ getAppInfo: () => info(readOnly) });
    const access = new NotesAccessState(fake.client);
    await access.load();
    // Contention (another process) or a bad request: not a question of write access.
    expect(
      await access.afterFailure(
        new ApiCallError('addBookmark', { code: 'conflict', message: 'in use' }),
      ),
    ).toBe(false);
    expect(await access.afterFailure(new Error('network'))).toBe(false);
    expect(fake.argsOf('getAppInfo')).toHaveLength(1);
    // A full disk is unavailable too, but the core does not call it read-only.
    const unavailable = new ApiCallError('addBookmark', {
      code: 'unavailable',
      message: 'cannot be written',
    });
    expect(await access.afterFailure(unavailable)).toBe(false);
    expect(access.readOnly).toBe(false);
    readOnly = true;
    expect(await access.afterFailure(unavailable)).toBe(true);
    expect(access.readOnly).toBe(true);
    expect(access.switchedDuringSession).toBe(true);
    expect(fake.argsOf('getAppInfo')).toHaveLength(3);
  });

  it('a refused note or bookmark change switches the lists’ session to read-only and is still reported', async () => {
    const refused = () => {
      throw new ApiCallError('updateAnnotation', {
        code: 'unavailable',
        message: 'the notes database cannot be written: it is read-only for this process',
      });
    };
    const fake = fakeApi({
      getAppInfo: () => info(true),
      updateAnnotation: refused,
      deleteBookmark: refused,
    });
    const access = new NotesAccessState(fake.client);
    const notes = new AnnotationsState(fake.client, access);
    await expect(notes.update('a1', { color: 'yellow', note: 'x', tags: [] })).rejects.toThrow(
      /read-only/,
    );
    expect(access.readOnly).toBe(true);
    const marks = new BookmarksState(fake.client, access);
    await expect(marks.remove('b1')).rejects.toThrow(/read-only/);
    // Neither list was read again: nothing changed.
    expect(fake.calls.map((c) => c.method)).toEqual([
      'updateAnnotation',
      'getAppInfo',
      'deleteBookmark',
    ]);
  });
});
