import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/common/api/types';
import { fakeApi } from '../testing/fake-api';
import { highlight } from '../testing/fixtures';
import { AnnotationsState, parseTags } from './annotations.svelte';

/** A core that keeps annotations in memory, as user.sqlite would. */
function setup(initial: Annotation[] = []) {
  let stored = [...initial];
  let next = 1;
  const deleted = new Map<string, Annotation>();
  const fake = fakeApi({
    listAnnotations: () => stored,
    addAnnotation: (args) => {
      const created = highlight({
        id: `new-${next++}`,
        color: args.color,
        note: args.note ?? '',
        tags: args.tags ?? [],
      });
      stored = [...stored, created];
      return created;
    },
    addSectionNote: (args) => {
      const created = highlight({
        id: `new-${next++}`,
        kind: 'section-note',
        sectionId: args.sectionId,
        target: null,
        note: args.note,
        tags: args.tags ?? [],
      });
      stored = [...stored, created];
      return created;
    },
    updateAnnotation: (args) => {
      stored = stored.map((a) => (a.id === args.id ? { ...a, ...args } : a));
      return stored.find((a) => a.id === args.id)!;
    },
    deleteAnnotation: ({ id }) => {
      const gone = stored.find((a) => a.id === id)!;
      deleted.set(id, gone);
      stored = stored.filter((a) => a.id !== id);
      return gone;
    },
    restoreAnnotation: ({ id }) => {
      stored = [...stored, deleted.get(id)!];
      return deleted.get(id)!;
    },
  });
  return { fake, state: new AnnotationsState(fake.client) };
}

describe('annotations state', () => {
  it('adds a highlight, sending a note and tags only when there are some, then reads the list again', async () => {
    const { fake, state } = setup();
    const range = {
      startParagraphId: 'us-1-p1',
      startOffset: 2,
      endParagraphId: 'us-1-p1',
      endOffset: 7,
    };
    await state.add(range, { color: 'green', note: '  ', tags: [] });
    expect(fake.argsOf('addAnnotation')).toEqual([{ ...range, color: 'green' }]);
    await state.add(range, { color: 'blue', note: '後で読む', tags: ['要確認'] });
    expect(fake.argsOf('addAnnotation')[1]).toEqual({
      ...range,
      color: 'blue',
      note: '後で読む',
      tags: ['要確認'],
    });
    expect(state.list.map((a) => a.id)).toEqual(['new-1', 'new-2']);
    expect(fake.argsOf('listAnnotations')).toHaveLength(2);
  });

  it('filters by tag and colour, and lists the tags in use once each', async () => {
    const { state } = setup([
      highlight({ id: 'a', color: 'green', tags: ['半導体', '要確認'] }),
      highlight({ id: 'b', color: 'pink', tags: ['要確認'] }),
      highlight({ id: 'c', color: 'green', tags: [], sectionId: 'us-2' }),
    ]);
    await state.load();
    expect(state.tags).toEqual(['半導体', '要確認'].sort());
    state.tagFilter = '要確認';
    expect(state.shown.map((a) => a.id)).toEqual(['a', 'b']);
    state.colorFilter = 'green';
    expect(state.shown.map((a) => a.id)).toEqual(['a']);
    state.tagFilter = null;
    expect(state.shown.map((a) => a.id)).toEqual(['a', 'c']);
    expect(state.forSection('us-2').map((a) => a.id)).toEqual(['c']);
    expect(state.find('b')?.color).toBe('pink');
  });

  it('lists newest first when asked, filters kept, and back in document order', async () => {
    const { state } = setup([
      highlight({ id: 'a', color: 'green', updatedAt: '2026-01-03T00:00:00.000Z' }),
      highlight({ id: 'b', color: 'pink', updatedAt: '2026-01-05T00:00:00.000Z' }),
      highlight({ id: 'c', color: 'green', updatedAt: '2026-01-04T00:00:00.000Z' }),
    ]);
    await state.load();
    expect(state.order).toBe('document');
    state.order = 'date';
    expect(state.shown.map((a) => a.id)).toEqual(['b', 'c', 'a']);
    state.colorFilter = 'green';
    expect(state.shown.map((a) => a.id)).toEqual(['c', 'a']);
    // An edit moves the note up; the order holds across the reload that follows it.
    await state.update('a', { color: 'green', note: '後で', tags: [] });
    state.list = state.list.map((n) =>
      n.id === 'a' ? { ...n, updatedAt: '2026-01-06T00:00:00.000Z' } : n,
    );
    expect(state.shown.map((a) => a.id)).toEqual(['a', 'c']);
    state.order = 'document';
    expect(state.shown.map((a) => a.id)).toEqual(['a', 'c']);
    state.colorFilter = null;
    expect(state.shown.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('deletes and restores (undo), edits, and adds notes on a whole section', async () => {
    const { state } = setup([highlight({ id: 'a' })]);
    await state.load();
    const removed = await state.remove('a');
    expect(removed.id).toBe('a');
    expect(state.list).toEqual([]);
    await state.restore('a');
    expect(state.list.map((a) => a.id)).toEqual(['a']);
    await state.update('a', { color: 'purple', note: 'メモ', tags: ['x'] });
    expect(state.find('a')).toMatchObject({ color: 'purple', note: 'メモ', tags: ['x'] });
    const note = await state.addSectionNote('us-3', { color: 'yellow', note: '節全体', tags: [] });
    expect(state.find(note.id)?.kind).toBe('section-note');
  });

  it('exports through the core, and imports then reads the list again', async () => {
    const file = {
      filename: 'hakusho-notes-2026-01-01.md',
      mimeType: 'text/markdown',
      encoding: 'utf-8' as const,
      body: '# メモ',
    };
    const counts = { added: 1, unchanged: 0, conflicts: 0, refused: 0 };
    const summary = {
      ...counts,
      annotations: counts,
      bookmarks: { added: 0, unchanged: 0, conflicts: 0, refused: 0 },
      orphaned: 0,
      details: [],
      moreDetails: 0,
      backup: null,
      cancelled: false,
    };
    let stored: Annotation[] = [];
    const fake = fakeApi({
      exportAnnotations: () => file,
      importAnnotations: () => {
        stored = [highlight({ id: 'imported' })];
        return summary;
      },
      listAnnotations: () => stored,
    });
    const state = new AnnotationsState(fake.client);
    expect(await state.exportFile('md')).toEqual(file);
    expect(fake.argsOf('exportAnnotations')).toEqual([{ format: 'md' }]);
    // A Word file in the interface language: the language goes with the request.
    await state.exportFile('docx', 'en');
    expect(fake.argsOf('exportAnnotations')[1]).toEqual({ format: 'docx', language: 'en' });
    expect(await state.importFile('{"@context":"http://www.w3.org/ns/anno.jsonld"}')).toEqual(
      summary,
    );
    expect(state.list.map((a) => a.id)).toEqual(['imported']);
    expect(fake.calls.map((c) => c.method)).toEqual([
      'exportAnnotations',
      'exportAnnotations',
      'importAnnotations',
      'listAnnotations',
    ]);
  });

  it('keeps the list and reports the failure when the notes database is unavailable', async () => {
    const fake = fakeApi({
      listAnnotations: () => {
        throw new Error('bookmarks and notes are not available in this host');
      },
    });
    const state = new AnnotationsState(fake.client);
    await state.load();
    expect(state.error).toBe('bookmarks and notes are not available in this host');
    expect(state.list).toEqual([]);
  });
});

describe('parseTags', () => {
  it('splits on commas, 、 and spaces, keeping each tag once', () => {
    expect(parseTags('半導体, 要確認、 米国  半導体')).toEqual(['半導体', '要確認', '米国']);
    expect(parseTags('  ')).toEqual([]);
  });
});
