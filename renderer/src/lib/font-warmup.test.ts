import { describe, expect, it } from 'vitest';
import type { SectionView, TocEntry } from '../../../electron/common/api/types';
import { documentChars, SATURATED_RUN, warmupRequests } from './font-warmup';

describe('warmupRequests', () => {
  it('asks for the body face in both weights', () => {
    expect(warmupRequests('serif', { regular: '米国', bold: '第' })).toEqual([
      { font: '400 16px "Noto Serif JP"', text: '米国' },
      { font: '700 16px "Noto Serif JP"', text: '第' },
    ]);
    expect(warmupRequests('sans', { regular: '米', bold: '' })).toEqual([
      { font: '400 16px "Noto Sans JP"', text: '米' },
    ]);
  });
});

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
    const fetched: string[] = [];
    const chars = await documentChars(
      toc,
      (id) => (id === 'a' ? views.get(id) : undefined),
      (id) => {
        fetched.push(id);
        return Promise.resolve(views.get(id)!);
      },
    );
    expect(fetched).toEqual(['b']);
    expect(chars.bold).toBe('第１節米国');
    expect(chars.regular).toBe('第１節米国半導体産業の関税');
  });

  it('stops once SATURATED_RUN sections in a row bring nothing new', async () => {
    const toc = Array.from({ length: 200 }, (_, i) => entry(`s${i}`, '節'));
    const fetched: string[] = [];
    const chars = await documentChars(
      toc,
      () => undefined,
      (id) => {
        fetched.push(id);
        // A new character in the first three sections only, and one far away.
        const n = Number(id.slice(1));
        const text = n < 3 ? `字${String.fromCharCode(0x4e00 + n)}` : n === 150 ? '鬱' : '字';
        return Promise.resolve(view(id, '節', [text]));
      },
    );
    expect(fetched.length).toBe(3 + SATURATED_RUN);
    expect(chars.regular).toBe('節字一丁丂');
  });
});
