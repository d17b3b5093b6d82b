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
    // Half-width kana and their sound marks fold as one character.
    expect(foldText('ｻﾌﾟﾗｲ')).toEqual({ text: 'サプライ', map: [0, 1, 3, 4, 5] });
    expect(foldText('ふ\u309aﾞ').text).toBe('ぷ\u3099');
  });

  it('matches tags, skips empty notes, and returns nothing for a blank query', () => {
    expect(index.search('サプライ').map((h) => h.id)).toEqual(['c']);
    expect(index.search('外食 ipef').map((h) => h.id)).toEqual(['b']);
    expect(index.search('   ')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('marks hits in tags: the tags follow the note in the snippet, each hit highlighted', () => {
    const marked = (h: ReturnType<NoteSearchIndex['search']>[0] | undefined) =>
      h ? h.highlights.map(([s, e]) => h.snippet.slice(s, e)) : [];
    // Only a tag holds it: the tags, the hit marked.
    const [onlyTag] = index.search('ｻﾌﾟﾗｲ');
    expect(onlyTag?.snippet).toBe('#サプライチェーン');
    expect(marked(onlyTag)).toEqual(['サプライ']);
    // A term in the note and another in a tag: both marked, in one snippet.
    const [both] = index.search('ipef 外食');
    expect(both?.snippet).toBe('㍿と𠮷野家の話 ipef #外食');
    expect(marked(both)).toEqual(['ipef', '外食']);
    expect(both?.hits).toBe(2);
    // No tag holds a term: the tags stay out of the snippet.
    expect(index.search('野家')[0]?.snippet).toBe('㍿と𠮷野家の話 ipef');
    // A term in a tag and in a long note: the note's excerpt, then every tag.
    const long = new NoteSearchIndex([
      {
        id: 'x',
        sectionId: 's1',
        note: `${'あ'.repeat(200)}半導体${'い'.repeat(200)}`,
        tags: ['経済安全保障', '半導体', 'ＣＨＩＰＳ法'],
      },
    ]);
    const [x] = long.search('半導体');
    expect(x?.snippet.endsWith('… #経済安全保障 #半導体 #ＣＨＩＰＳ法')).toBe(true);
    expect(marked(x)).toEqual(['半導体', '半導体']);
    expect(x?.hits).toBe(2);
    expect(marked(long.search('chips')[0])).toEqual(['ＣＨＩＰＳ']);
  });
});
