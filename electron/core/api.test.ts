// The contract's handlers over the core's services: shapes, the checks that
// need the data (unknown sections), search availability and the About facts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ApiError, invoke } from '../common/api/contract';
import { DEFAULT_SEARCH_LIMIT } from '../common/rules/search';
import { createHandlers } from './api';
import { createLibraryHandlers } from './library/handlers';
import { MEMORY_SECTION_URL, memoryContentStore, sliceSections } from './testing/content-store';
import { searchResponse } from './testing/search-response';
import { tempLibrary } from './testing/user-data';

const host = { kind: 'electron' as const, version: '1.2.3', userDataDir: '/tmp/u' };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function handlersWith(search: Parameters<typeof createHandlers>[0]['search'] = null) {
  const user = tempLibrary();
  cleanups.push(user.cleanup);
  const library = user.library;
  return {
    library,
    handlers: createHandlers({ content: memoryContentStore(), search, library, host }),
  };
}

describe('createHandlers', () => {
  it('implements every contract method', () => {
    const { handlers } = handlersWith();
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
  });

  it('returns the outline and sections', async () => {
    const { handlers } = handlersWith();
    const toc = await invoke(handlers, 'getToc', {});
    expect(toc.map((e) => e.id)).toEqual(['s1', 's1-3']);
    const section = await invoke(handlers, 'getSection', { id: 's1-3' });
    expect(section.path).toEqual(['第１節 米国', '3．半導体産業政策']);
    await expect(invoke(handlers, 'getSection', { id: 'missing' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  /** Handlers over three sections, with the store's batch read watched. */
  function overSlices() {
    const content = memoryContentStore(sliceSections());
    const read = vi.spyOn(content, 'sections');
    const user = tempLibrary();
    cleanups.push(user.cleanup);
    return {
      read,
      handlers: createHandlers({ content, search: null, library: user.library, host }),
    };
  }

  it('returns several sections in one call, in the order asked, as getSection does', async () => {
    const { read, handlers } = overSlices();
    const ids = ['s-sep', 's-us', 's-may'];
    const views = await invoke(handlers, 'getSections', { ids });
    expect(views.map((v) => v.id)).toEqual(ids);
    for (const view of views)
      expect(view).toEqual(await invoke(handlers, 'getSection', { id: view.id }));
    // The bundled chapter named by its own id is the same document.
    const doc = (await invoke(handlers, 'getDocument', {})).id;
    expect(await invoke(handlers, 'getSections', { ids, documentId: doc })).toEqual(views);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('refuses a batch naming unknown sections, saying which, and reads nothing', async () => {
    const { read, handlers } = overSlices();
    await expect(
      invoke(handlers, 'getSections', { ids: ['s-us', 'gone', 's-may', 'lost'] }),
    ).rejects.toEqual(new ApiError('not_found', 'no sections with ids "gone", "lost"'));
    await expect(invoke(handlers, 'getSections', { ids: ['gone'] })).rejects.toEqual(
      new ApiError('not_found', 'no section with id "gone"'),
    );
    // Bad input is refused by the contract before the handler runs.
    for (const ids of [[], ['s-us', 's-us'], Array.from({ length: 33 }, (_, i) => `s${i}`)])
      await expect(invoke(handlers, 'getSections', { ids })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    // Another document that the library does not hold.
    await expect(
      invoke(handlers, 'getSections', { ids: ['s-us'], documentId: 'doc-x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(read).not.toHaveBeenCalled();
  });

  it('answers search unavailable without an index, and no rows for a blank query', async () => {
    const { handlers } = handlersWith();
    await expect(invoke(handlers, 'search', { query: '半導体' })).rejects.toMatchObject({
      code: 'unavailable',
    });
    const calls: { q: string; limit?: number; order?: string }[] = [];
    const { handlers: withSearch, library } = handlersWith({
      search: (q, o) => {
        calls.push({ q, limit: o.limit, order: o.order });
        return searchResponse(q, [], { order: o.order ?? 'relevance' });
      },
    });
    expect(await invoke(withSearch, 'search', { query: '  \u3000 ' })).toEqual({
      query: '  \u3000 ',
      order: 'relevance',
      terms: [],
      results: [],
      hits: [],
      totalHits: 0,
      totalSections: 0,
      truncated: false,
    });
    await invoke(withSearch, 'search', { query: '半導体' });
    await invoke(withSearch, 'search', { query: '関税', limit: 5, order: 'document' });
    // No order given: the reader's remembered one.
    library.setPrefs({ searchOrder: 'document' });
    expect((await invoke(withSearch, 'search', { query: '米国' })).order).toBe('document');
    expect(calls).toEqual([
      { q: '  \u3000 ', limit: DEFAULT_SEARCH_LIMIT, order: 'relevance' },
      { q: '半導体', limit: DEFAULT_SEARCH_LIMIT, order: 'relevance' },
      { q: '関税', limit: 5, order: 'document' },
      { q: '米国', limit: DEFAULT_SEARCH_LIMIT, order: 'document' },
    ]);
  });

  it('stores prefs and position through the library, checking the section exists', async () => {
    const { handlers, library } = handlersWith();
    expect((await invoke(handlers, 'setPrefs', { theme: 'sepia' })).theme).toBe('sepia');
    expect(library.getPrefs().theme).toBe('sepia');
    await expect(
      invoke(handlers, 'setPosition', { sectionId: 'gone', scroll: 0 }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(await invoke(handlers, 'getPosition', {})).toBeNull();
    await invoke(handlers, 'setPosition', { sectionId: 's1', scroll: 0.5 });
    expect(await invoke(handlers, 'getPosition', {})).toEqual({ sectionId: 's1', scroll: 0.5 });
    // A position left in a section a newer content build dropped reads as "start at the top".
    library.setPosition({ sectionId: 'dropped', scroll: 0.1 });
    expect(await invoke(handlers, 'getPosition', {})).toBeNull();
  });

  it('gives About facts with the 出典 line and the editing statement', async () => {
    const { handlers } = handlersWith();
    const info = await invoke(handlers, 'getAppInfo', {});
    expect(info).toMatchObject({
      productName: 'Hakusho Reader',
      version: '1.2.3',
      host: 'electron',
      source: '出典：経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」第1節「米国」',
      attribution: '「通商白書2023」（経済産業省）を加工して作成',
      searchAvailable: false,
      userDataDir: '/tmp/u',
    });
    expect(info.editingNote.ja).toContain('加工');
  });

  it('builds the 出典 line from the publisher and title when the content has no citation data', async () => {
    const user = tempLibrary();
    cleanups.push(user.cleanup);
    const handlers = createHandlers({
      content: memoryContentStore(undefined, { artifacts: false }),
      search: null,
      library: user.library,
      host,
    });
    expect((await invoke(handlers, 'getAppInfo', {})).source).toBe(
      '出典：経済産業省『通商白書2023』',
    );
  });
});

describe('glossary, other names and citation data', () => {
  function over(content = memoryContentStore(sliceSections()), search: SearchFake | null = null) {
    const user = tempLibrary();
    cleanups.push(user.cleanup);
    return createHandlers({ content, search, library: user.library, host });
  }
  type SearchFake = Parameters<typeof createHandlers>[0]['search'];

  it('gives the glossary as stored: each abbreviation the text defines, where it first does', async () => {
    const glossary = await invoke(over(), 'getGlossary', {});
    expect(glossary.map((e) => [e.abbreviation, e.longForm, e.definedAt?.paragraphId])).toEqual([
      ['IPEF', 'インド太平洋経済枠組み', 's-us.p2'],
      ['JUCIP', '日米商務・産業パートナーシップ', 's-may.p1'],
      ['TRI', 'トヨタ・リサーチ・インスティテュート', 's-sep.p1'],
    ]);
    expect(glossary.every((e) => e.origin === 'text')).toBe(true);
    // A copy each time: a caller changing it changes nothing for the next one.
    glossary[0]!.longForm = 'x';
    expect((await invoke(over(), 'getGlossary', {}))[0]!.longForm).toBe('インド太平洋経済枠組み');
  });

  it('gives the citation data; without any, the document is cited by publisher and title', async () => {
    const source = await invoke(over(), 'getCitationSource', {});
    expect(source.sections).toEqual([
      expect.objectContaining({ section: 's-us', url: MEMORY_SECTION_URL }),
    ]);
    const bare = over(memoryContentStore(sliceSections(), { artifacts: false }));
    expect(await invoke(bare, 'getCitationSource', {})).toEqual({
      publisher: '経済産業省',
      edition: '通商白書2023',
      within: [],
      sections: [],
    });
    expect(await invoke(bare, 'getGlossary', {})).toEqual([]);
  });

  it('suggests other names for a query with few hits, each counted by the search', async () => {
    // A search that finds each name a fixed number of times.
    const counts: Record<string, number> = { インフレ削減法: 3, IRA: 2, IPEF: 5 };
    const queries: string[] = [];
    const handlers = over(memoryContentStore(sliceSections()), {
      search: (query) => {
        queries.push(query);
        // The suggestions count the answer's total, not its rows.
        return searchResponse(query, [], { totalHits: counts[query] ?? 0 });
      },
    });
    expect(await invoke(handlers, 'searchSuggestions', { query: 'インフレ抑制法' })).toEqual({
      query: 'インフレ抑制法',
      hits: 0,
      suggestions: [
        { query: 'インフレ削減法', replaced: 'インフレ抑制法', by: 'インフレ削減法', hits: 3 },
        { query: 'IRA', replaced: 'インフレ抑制法', by: 'IRA', hits: 2 },
      ],
    });
    // Enough hits: nothing to suggest, and nothing else searched.
    queries.length = 0;
    expect(await invoke(handlers, 'searchSuggestions', { query: 'IPEF' })).toEqual({
      query: 'IPEF',
      hits: 5,
      suggestions: [],
    });
    expect(queries).toEqual(['IPEF']);
    // The glossary's pairs are other names too: IPEF's long form.
    counts.IPEF = 2;
    counts['インド太平洋経済枠組み'] = 4;
    expect(
      (await invoke(handlers, 'searchSuggestions', { query: 'IPEF' })).suggestions.map(
        (x) => x.query,
      ),
    ).toEqual(['インド太平洋経済枠組み']);
    await expect(invoke(over(), 'searchSuggestions', { query: 'IRA' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });
});

describe('bookmarks and notes', () => {
  it('answers unavailable without library handlers', async () => {
    const { handlers } = handlersWith();
    await expect(invoke(handlers, 'listBookmarks', {})).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('uses the library handlers when given (as wiring.ts does)', async () => {
    const user = tempLibrary();
    cleanups.push(user.cleanup);
    const content = memoryContentStore();
    const handlers = createHandlers({
      content,
      search: null,
      library: user.library,
      libraryHandlers: createLibraryHandlers({ library: user.library, content }),
      host,
    });
    const toggled = await invoke(handlers, 'toggleBookmark', { sectionId: 's1-3' });
    expect(toggled.bookmarked).toBe(true);
    expect((await invoke(handlers, 'listBookmarks', {})).map((b) => b.sectionId)).toEqual(['s1-3']);
  });
});
