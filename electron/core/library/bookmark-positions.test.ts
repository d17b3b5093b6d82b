// Position bookmarks through the contract, over a real user.sqlite: adding one
// (checked against the content), the section bookmark beside it, reading order,
// the excerpt, undo, the marks of the outline, and the W3C round trip.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiArgs } from '../../common/api/contract';
import { inputSchemas } from '../../common/api/contract';
import { memoryContentStore, sliceSections } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { libraryProfiles } from '../testing/user-data';

const profiles = libraryProfiles();
afterEach(() => profiles.closeAll());

function profile() {
  let clock = Date.parse('2026-02-01T00:00:00Z');
  const { lib } = profiles.open({ now: () => new Date((clock += 1000)) });
  const content = memoryContentStore(sliceSections());
  return { lib, content, call: caller(handlersOver(lib, content)) };
}

const items = (body: string) =>
  (JSON.parse(body) as { first: { items: Record<string, unknown>[] } }).first.items;

describe('position bookmarks', () => {
  it('the contract refuses an offset without a paragraph, and bad ids and offsets', () => {
    const ok = (args: unknown) => inputSchemas.addBookmark.safeParse(args).success;
    expect(ok({ sectionId: 's-us' })).toBe(true);
    expect(ok({ sectionId: 's-us', paragraphId: 's-us.p1' })).toBe(true);
    expect(ok({ sectionId: 's-us', paragraphId: 's-us.p1', offset: 0, label: 'x' })).toBe(true);
    expect(ok({ sectionId: 's-us', offset: 3 })).toBe(false);
    expect(ok({ sectionId: 's-us', paragraphId: 's-us.p1', offset: -1 })).toBe(false);
    expect(ok({ sectionId: 's-us', paragraphId: 's-us.p1', offset: 1.5 })).toBe(false);
    expect(ok({ sectionId: 's us' })).toBe(false);
    expect(ok({ sectionId: 's-us', paragraphId: '' })).toBe(false);
    expect(ok({ sectionId: 's-us', extra: 1 })).toBe(false);
  });

  it('remembers paragraph and offset, beside the section bookmark, listed by position', async () => {
    const { call } = profile();
    const later = await call('addBookmark', {
      sectionId: 's-us',
      paragraphId: 's-us.p2',
      offset: 5,
      label: '首脳会談',
    });
    expect(later).toMatchObject({
      sectionId: 's-us',
      paragraphId: 's-us.p2',
      offset: 5,
      label: '首脳会談',
      exists: true,
      path: ['第１節　米国'],
    });
    expect(later.excerpt).toBe(sliceSections()[0]!.paragraphs[1]!.text.slice(5, 45));
    const earlier = await call('addBookmark', { sectionId: 's-us', paragraphId: 's-us.p1' });
    expect(earlier).toMatchObject({ paragraphId: 's-us.p1', offset: 0 });
    const may = await call('addBookmark', {
      sectionId: 's-may',
      paragraphId: 's-may.p1',
      offset: 12,
    });
    // The section bookmark is the one toggleBookmark adds and removes; positions stay.
    const whole = await call('toggleBookmark', { sectionId: 's-us' });
    expect(whole.bookmark).toMatchObject({ paragraphId: null, offset: null, excerpt: '' });
    const listed = await call('listBookmarks', {});
    expect(listed.map((b) => b.id)).toEqual([whole.bookmark.id, earlier.id, later.id, may.id]);
    expect((await call('listBookmarks', { order: 'date' })).map((b) => b.id)).toEqual([
      whole.bookmark.id,
      may.id,
      earlier.id,
      later.id,
    ]);
    expect((await call('toggleBookmark', { sectionId: 's-us' })).bookmarked).toBe(false);
    expect((await call('listBookmarks', {})).map((b) => b.id)).toEqual([
      earlier.id,
      later.id,
      may.id,
    ]);
    expect(await call('listMarkedSections', {})).toEqual([
      { sectionId: 's-us', bookmarks: 2, notes: 0 },
      { sectionId: 's-may', bookmarks: 1, notes: 0 },
    ]);
  });

  it('refuses a position that is not in the section, twice the same place, and restores with care', async () => {
    const { call, lib } = profile();
    const first = await call('addBookmark', {
      sectionId: 's-sep',
      paragraphId: 's-sep.p1',
      offset: 3,
    });
    const seq = lib.changeSeq();
    const length = sliceSections()[2]!.paragraphs[0]!.text.length;
    const bad: [ApiArgs<'addBookmark'>, string, RegExp][] = [
      [{ sectionId: 'nope' }, 'not_found', /no section nope/],
      [{ sectionId: 's-sep', paragraphId: 's-sep.p9' }, 'not_found', /no paragraph s-sep.p9/],
      [
        { sectionId: 's-sep', paragraphId: 's-may.p1', offset: 0 },
        'invalid_input',
        /not in section s-sep/,
      ],
      [
        { sectionId: 's-sep', paragraphId: 's-sep.p1', offset: length },
        'invalid_input',
        new RegExp(`outside paragraph s-sep.p1 \\(0..${length - 1}`),
      ],
      [
        { sectionId: 's-sep', paragraphId: 's-sep.p1', offset: 3 },
        'conflict',
        /already bookmarked/,
      ],
    ];
    for (const [args, code, message] of bad) {
      const err = await call('addBookmark', args).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(lib.changeSeq()).toBe(seq);
    await call('deleteBookmark', { id: first.id });
    await call('addBookmark', { sectionId: 's-sep', paragraphId: 's-sep.p1', offset: 3 });
    await expect(call('restoreBookmark', { id: first.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/bookmarked again/),
    });
  });

  it('a bookmark whose paragraph this edition lacks keeps its section and shows no excerpt', async () => {
    const { call, lib } = profile();
    lib.bookmarks.add('s-us', '旧版', { paragraphId: 's-us.p99', offset: 4 });
    const [b] = await call('listBookmarks', {});
    expect(b).toMatchObject({ paragraphId: 's-us.p99', offset: 4, excerpt: '', exists: true });
    const doc = items((await call('exportAnnotations', { format: 'w3c' })).body);
    expect(doc[0]).toMatchObject({ 'hakusho:position': { paragraphId: 's-us.p99', offset: 4 } });
    expect((doc[0]!.target as Record<string, unknown>).selector).toBeUndefined();
  });

  it('round-trips through the W3C export: selectors on the target, lossless into an empty profile', async () => {
    const a = profile();
    await a.call('toggleBookmark', { sectionId: 's-may', label: '節' });
    const text = sliceSections()[0]!.paragraphs[1]!.text;
    const offset = text.indexOf('日米首脳会談');
    await a.call('addBookmark', {
      sectionId: 's-us',
      paragraphId: 's-us.p2',
      offset,
      label: '首脳会談',
    });
    const exported = await a.call('exportAnnotations', { format: 'w3c' });
    const [position, section] = items(exported.body);
    const p1 = sliceSections()[0]!.paragraphs[0]!.text;
    expect(position).toMatchObject({
      motivation: 'bookmarking',
      'hakusho:position': { paragraphId: 's-us.p2', offset },
      target: {
        source: 'urn:hakusho:meti-white-paper-2023-us-canada:section:s-us',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(offset, offset + 32),
            prefix: text.slice(offset - 32, offset),
            suffix: text.slice(offset + 32, offset + 64),
          },
          {
            type: 'TextPositionSelector',
            start: p1.length + 1 + offset,
            end: p1.length + 1 + offset + 32,
          },
        ],
      },
    });
    expect(section).not.toHaveProperty('hakusho:position');
    expect((section!.target as Record<string, unknown>).selector).toBeUndefined();

    const b = profile();
    expect(await b.call('importAnnotations', { body: exported.body })).toMatchObject({
      bookmarks: { added: 2, unchanged: 0 },
    });
    const again = await b.call('exportAnnotations', { format: 'w3c' });
    expect(items(again.body)).toEqual(items(exported.body));
    expect(await b.call('listBookmarks', {})).toEqual(await a.call('listBookmarks', {}));
    // Importing it twice adds nothing.
    expect(await b.call('importAnnotations', { body: exported.body })).toMatchObject({
      bookmarks: { added: 0, unchanged: 2 },
    });
    // The exports for reading name the text at a position bookmark.
    const md = (await a.call('exportAnnotations', { format: 'md', language: 'ja' })).body;
    expect(md).toContain(`「${text.slice(offset, offset + 32)}…」から — 首脳会談`);
    const docx = await a.call('exportAnnotations', { format: 'docx', language: 'en' });
    const xml = strFromU8(
      unzipSync(Buffer.from(docx.body, 'base64'))['word/document.xml'] as Uint8Array,
    );
    expect(xml).toContain(`at “${text.slice(offset, offset + 32)}…”`);
  });

  it('import refuses selectors without a position, and reads a format-1 file', async () => {
    const a = profile();
    await a.call('toggleBookmark', { sectionId: 's-may' });
    const doc = JSON.parse((await a.call('exportAnnotations', { format: 'w3c' })).body);
    const b = profile();
    const broken = JSON.parse(JSON.stringify(doc));
    broken.first.items[0].target.selector = [
      { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 1 },
    ];
    await expect(
      b.call('importAnnotations', { body: JSON.stringify(broken) }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/selectors without a paragraph/) });
    const format1 = { ...doc, 'hakusho:format': 1 };
    expect(await b.call('importAnnotations', { body: JSON.stringify(format1) })).toMatchObject({
      bookmarks: { added: 1 },
    });
    expect(await b.call('listBookmarks', {})).toMatchObject([
      { sectionId: 's-may', paragraphId: null, offset: null },
    ]);
    const future = { ...doc, 'hakusho:format': 3 };
    await expect(
      b.call('importAnnotations', { body: JSON.stringify(future) }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
