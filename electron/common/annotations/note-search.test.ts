import { describe, expect, it } from 'vitest';
import { foldText, NoteSearchIndex } from './note-search';

describe('NoteSearchIndex', () => {
  const index = new NoteSearchIndex([
    { id: 'a', sectionId: 's1', note: 'ＩＰＥＦの交渉について。半導体も。', tags: [] },
    { id: 'b', sectionId: 's2', note: '㍿と𠮷野家の話 ipef', tags: ['外食'] },
    { id: 'c', sectionId: 's3', note: '', tags: ['サプライチェーン'] },
    { id: 'd', sectionId: 's4', note: '', tags: [] },
  ]);

  it('folds width and case, requires every term, and maps hits back to the original text', () => {
    const hits = index.search('ipef　交渉');
    expect(hits.map((h) => h.id)).toEqual(['a']);
    const hit = hits[0] as NonNullable<(typeof hits)[0]>;
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['ＩＰＥＦ', '交渉']);
  });

  it('keeps offsets right after characters that fold to several or come as surrogate pairs', () => {
    const hit = index.search('IPEF').find((h) => h.id === 'b') as NonNullable<
      ReturnType<NoteSearchIndex['search']>[0]
    >;
    expect(hit.snippet.slice(...(hit.highlights[0] as [number, number]))).toBe('ipef');
    const kabu = index.search('株式会社')[0];
    expect(kabu?.snippet.slice(...(kabu.highlights[0] as [number, number]))).toBe('㍿');
    expect(foldText('𠮷a').map).toEqual([0, 0, 2, 3]);
  });

  it('matches tags, skips empty notes, and returns nothing for a blank query', () => {
    expect(index.search('サプライ').map((h) => h.id)).toEqual(['c']);
    expect(index.search('外食 ipef').map((h) => h.id)).toEqual(['b']);
    expect(index.search('   ')).toEqual([]);
    expect(index.size).toBe(3);
  });
});
