import { describe, expect, it } from 'vitest';
import type { SectionView, TocEntry } from '../../../electron/common/api/types';
import { documentChars, SATURATED_RUN, WARMUP_BATCH } from './document-chars';

describe('documentChars', () => {
  const entry = (id: string, title: string): TocEntry => ({ id, title }) as unknown as TocEntry;
  const view = (id: string, title: string, texts: string[]): SectionView =>
    ({
      id,
      title,
      path: [],
      paragraphs: texts.map((text, i) => ({ id: `${id}-${i}`, text })),
    }) as unknown as SectionView;

  it('reads titles in both weights and the text in the regular one', async () => {
    const toc = [entry('a', '第１節'), entry('b', '米国')];
    const views = new Map([
      ['a', view('a', '第１節', ['半導体 産業'])],
      ['b', view('b', '米国', ['米国の関税'])],
    ]);
    const fetched: string[][] = [];
    const chars = await documentChars(
      toc,
      (id) => (id === 'a' ? views.get(id) : undefined),
      (ids) => {
        fetched.push([...ids]);
        return Promise.resolve(ids.map((id) => views.get(id)!));
      },
    );
    expect(fetched).toEqual([['b']]);
    expect(chars.bold).toBe('第１節米国');
    expect(chars.regular).toBe('第１節米国半導体産業の関税');
  });

  it('stops once SATURATED_RUN sections in a row bring nothing new', async () => {
    const toc = Array.from({ length: 200 }, (_, i) => entry(`s${i}`, '節'));
    const fetched: string[][] = [];
    const chars = await documentChars(
      toc,
      () => undefined,
      (ids) => {
        fetched.push([...ids]);
        // A new character in the first three sections only, and one far away.
        return Promise.resolve(
          ids.map((id) => {
            const n = Number(id.slice(1));
            const text = n < 3 ? `字${String.fromCharCode(0x4e00 + n)}` : n === 150 ? '鬱' : '字';
            return view(id, '節', [text]);
          }),
        );
      },
    );
    // Whole batches, until the batch in which the run of sections without news is complete.
    const read = 3 + SATURATED_RUN;
    expect(fetched.length).toBe(Math.ceil(read / WARMUP_BATCH));
    expect(fetched.every((ids) => ids.length === WARMUP_BATCH)).toBe(true);
    expect(fetched.flat()).toEqual(toc.slice(0, fetched.length * WARMUP_BATCH).map((e) => e.id));
    expect(chars.regular).toBe('節字一丁丂');
  });

  it('asks only for what the reader lacks, and passes over a section it cannot get', async () => {
    const toc = ['a', 'b', 'c', 'd'].map((id) => entry(id, '節'));
    const fetched: string[][] = [];
    const chars = await documentChars(
      toc,
      (id) => (id === 'b' ? view('b', '節', ['米']) : undefined),
      (ids) => {
        fetched.push([...ids]);
        // 'c' cannot be had (the host refused it): the others still count.
        return Promise.resolve(
          ids.filter((id) => id !== 'c').map((id) => view(id, '節', [id === 'd' ? '国' : '日'])),
        );
      },
    );
    expect(fetched).toEqual([['a', 'c', 'd']]);
    expect(chars.regular).toBe('節日米国');
  });
});
