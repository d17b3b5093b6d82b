import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiArgs } from '../../common/api/contract';
import { SEED_PARAGRAPHS } from '../../../tests/fixtures/seed-slices';
import { memoryContentStore, sliceSections } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { libraryProfiles, tempUserDataDir } from '../testing/user-data';

const profiles = libraryProfiles();
afterEach(() => profiles.closeAll());

function setup(sections = sliceSections(), dir = tempUserDataDir()) {
  const { lib } = profiles.open({}, dir);
  const call = caller(handlersOver(lib, memoryContentStore(sections)));
  return { lib, dir, call };
}

describe('bookmarks', () => {
  it('toggles on a section, lists in document order or by date, renames, deletes with undo', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const { lib } = profiles.open({ now: () => new Date((clock += 1000)) });
    const call = caller(handlersOver(lib, memoryContentStore(sliceSections())));

    await call('toggleBookmark', { sectionId: 's-us' });
    const sep = await call('toggleBookmark', { sectionId: 's-sep', label: '  IPEF  ' });
    expect(sep.bookmarked).toBe(true);
    expect(sep.bookmark.label).toBe('IPEF');
    expect(sep.bookmark.path).toEqual(['第１節　米国', '2022 年 9月　IPEF 交渉開始']);
    expect((await call('listBookmarks', {})).map((b) => b.sectionId)).toEqual(['s-us', 's-sep']);
    expect((await call('listBookmarks', { order: 'date' })).map((b) => b.sectionId)).toEqual([
      's-sep',
      's-us',
    ]);

    const renamed = await call('renameBookmark', { id: sep.bookmark.id, label: '交渉開始' });
    expect(renamed.label).toBe('交渉開始');

    const off = await call('toggleBookmark', { sectionId: 's-sep' });
    expect(off.bookmarked).toBe(false);
    expect((await call('listBookmarks', {})).map((b) => b.sectionId)).toEqual(['s-us']);
    const back = await call('restoreBookmark', { id: off.bookmark.id });
    expect(back.label).toBe('交渉開始');
    expect((await call('listBookmarks', {})).map((b) => b.sectionId)).toEqual(['s-us', 's-sep']);

    const deleted = await call('deleteBookmark', { id: back.id });
    expect(deleted.id).toBe(back.id);
    await expect(call('renameBookmark', { id: back.id, label: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(call('toggleBookmark', { sectionId: 'no-such-section' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('annotations', () => {
  it('adds a highlight with note and tags, stored W3C-style, and lists it in document order', async () => {
    const { call } = setup();
    const text = SEED_PARAGRAPHS[9] as string;
    const start = text.indexOf('ロサンゼルス');
    const second = await call('addAnnotation', {
      startParagraphId: 's-sep.p1',
      startOffset: start,
      endOffset: start + 'ロサンゼルス'.length,
      color: 'blue',
      note: '西海岸の訪問先\n2 行目',
      tags: ['訪問', 'IPEF', '訪問'],
    });
    expect(second.target?.quote.exact).toBe('ロサンゼルス');
    expect(second.target?.quote.prefix.length).toBeGreaterThan(0);
    expect(second.tags).toEqual(['訪問', 'IPEF']);
    expect(second.note).toBe('西海岸の訪問先\n2 行目');
    expect(second.id).toMatch(/^an-/);
    // Spans two paragraphs of a section.
    const first = await call('addAnnotation', {
      startParagraphId: 's-us.p1',
      startOffset: 100,
      endParagraphId: 's-us.p2',
      endOffset: 10,
      color: 'pink',
    });
    expect(first.target?.paragraphIds).toEqual(['s-us.p1', 's-us.p2']);
    expect(first.target?.quote.exact).toContain('\n');
    const note = await call('addSectionNote', {
      sectionId: 's-may',
      note: '半導体の節',
      tags: ['半導体'],
    });
    expect(note.target).toBeNull();
    expect((await call('listAnnotations', {})).map((a) => a.id)).toEqual([
      first.id,
      note.id,
      second.id,
    ]);
    expect((await call('listAnnotations', { tag: 'IPEF' })).map((a) => a.id)).toEqual([second.id]);
    expect((await call('listAnnotations', { color: 'pink' })).map((a) => a.id)).toEqual([first.id]);
    expect((await call('listAnnotations', { sectionId: 's-may' })).map((a) => a.id)).toEqual([
      note.id,
    ]);
  });

  it('edits, deletes with undo, and keeps each write committed', async () => {
    const { call, lib } = setup();
    const a = await call('addAnnotation', {
      startParagraphId: 's-may.p1',
      startOffset: 0,
      endOffset: 10,
    });
    expect(a.color).toBe('yellow');
    const edited = await call('updateAnnotation', {
      id: a.id,
      note: 'メモ',
      color: 'green',
      tags: ['a'],
    });
    expect(edited).toMatchObject({ note: 'メモ', color: 'green', tags: ['a'] });
    expect(lib.annotations.get(a.id).note).toBe('メモ');
    await call('deleteAnnotation', { id: a.id });
    expect(await call('listAnnotations', {})).toEqual([]);
    const restored = await call('restoreAnnotation', { id: a.id });
    expect(restored).toMatchObject({ id: a.id, note: 'メモ', color: 'green', tags: ['a'] });
  });

  it('refuses bad ranges and values with a clear error and no change', async () => {
    const { call, lib } = setup();
    const seq = lib.changeSeq();
    const bad: [ApiArgs<'addAnnotation'>, RegExp][] = [
      [{ startParagraphId: 'nope', startOffset: 0, endOffset: 1 }, /no paragraph/],
      [{ startParagraphId: 's-may.p1', startOffset: 0, endOffset: 100_000 }, /outside/],
      [{ startParagraphId: 's-may.p1', startOffset: 5, endOffset: 2 }, /starts after/],
      [{ startParagraphId: 's-may.p1', startOffset: 5, endOffset: 5 }, /empty/],
      [
        { startParagraphId: 's-sep.p1', startOffset: 0, endParagraphId: 's-may.p1', endOffset: 3 },
        /starts after/,
      ],
      [
        {
          startParagraphId: 's-may.p1',
          startOffset: 0,
          endParagraphId: 's-sep.p1',
          endOffset: 9e5,
        },
        /end offset 900000 is outside paragraph s-sep.p1/,
      ],
      [
        {
          startParagraphId: 's-may.p2',
          startOffset: 9e5,
          endParagraphId: 's-sep.p1',
          endOffset: 2,
        },
        /start offset 900000 is outside/,
      ],
      [
        { startParagraphId: 's-may.p1', startOffset: 0, endOffset: 3, note: 'x'.repeat(20_001) },
        /longer than/,
      ],
      [{ startParagraphId: 's-may.p1', startOffset: 0, endOffset: 3, note: 'a\u0000b' }, /NUL/],
      [
        { startParagraphId: 's-may.p1', startOffset: 0, endOffset: 3, note: 'a\uD800b' },
        /surrogate/,
      ],
      [
        { startParagraphId: 's-may.p1', startOffset: 0, endOffset: 3, color: 'red' as never },
        /Invalid/,
      ],
    ];
    for (const [args, message] of bad) {
      const err = await call('addAnnotation', args).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).message).toMatch(message);
    }
    const polluted = JSON.parse(
      '{"startParagraphId":"s-may.p1","startOffset":0,"endOffset":3,"__proto__":{"x":1}}',
    );
    await expect(call('addAnnotation', polluted)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(lib.changeSeq()).toBe(seq);
    expect(lib.annotations.list()).toEqual([]);
  });

  it('finds text in notes and tags, marked as notes with the annotation id', async () => {
    const { call } = setup();
    const a = await call('addAnnotation', {
      startParagraphId: 's-may.p1',
      startOffset: 0,
      endOffset: 12,
      note: '半導体の協力は ＩＰＥＦ とも関係する',
      tags: ['サプライチェーン'],
    });
    const hits = await call('searchNotes', { query: 'ipef 協力' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      kind: 'note',
      annotationId: a.id,
      sectionId: 's-may',
      paragraphId: 's-may.p1',
    });
    const hit = hits[0] as NonNullable<(typeof hits)[0]>;
    const [hs, he] = hit.highlights[0] as [number, number];
    expect(hit.snippet.slice(hs, he)).toBe('協力');
    expect(hit.ranges).toEqual([{ paragraphId: 's-may.p1', start: 0, end: 12 }]);
    expect(await call('searchNotes', { query: 'サプライ' })).toHaveLength(1);
    // Kept current: an edit is visible to the next search.
    await call('updateAnnotation', { id: a.id, note: '別の内容' });
    expect(await call('searchNotes', { query: 'ipef' })).toEqual([]);
    await call('deleteAnnotation', { id: a.id });
    expect(await call('searchNotes', { query: 'サプライ' })).toEqual([]);
  });
});

describe('backups through the contract', () => {
  it('createBackup takes a verified manual backup; restoreBackup brings it back and keeps a pre-restore copy', async () => {
    const { call } = setup();
    await call('toggleBookmark', { sectionId: 's-us', label: '前' });
    const taken = await call('createBackup', {});
    expect(taken).toMatchObject({ reason: 'manual' });
    expect(taken.bytes).toBeGreaterThan(0);
    expect(Object.keys(taken).sort()).toEqual(['bytes', 'createdAt', 'kept', 'name', 'reason']);
    await call('renameBookmark', {
      id: (await call('listBookmarks', {}))[0]!.id,
      label: '後',
    });
    const restored = await call('restoreBackup', { name: taken.name });
    expect(restored.name).toBe(taken.name);
    expect((await call('listBookmarks', {})).map((b) => b.label)).toEqual(['前']);
    const list = await call('listBackups', {});
    expect(list.map((b) => b.reason)).toEqual(['pre-restore', 'manual']);
    // The state before the restore is itself restorable.
    await call('restoreBackup', { name: list[0]!.name });
    expect((await call('listBookmarks', {})).map((b) => b.label)).toEqual(['後']);
  });
});
