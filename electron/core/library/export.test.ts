// The export's envelope: names by the local day, MIME types, encodings, the bound on
// its size, and a time zone that does not exist refused rather than read as UTC.
import { describe, expect, it } from 'vitest';
import { exportNotes, type ExportInput } from './export';
import { Outline } from '../content/outline';
import { memoryContentStore, sliceSections } from '../testing/content-store';

const content = memoryContentStore(sliceSections());
const input = (over: Partial<ExportInput> = {}): ExportInput => ({
  content,
  outline: new Outline(content.toc()),
  annotations: [],
  bookmarks: [
    {
      id: 'bm-1',
      sectionId: 's-may',
      paragraphId: null,
      offset: null,
      selectors: null,
      label: '半導体',
      createdAt: '2026-11-30T15:30:00.000Z',
      updatedAt: '2026-11-30T15:30:00.000Z',
    },
  ],
  // 00:30 on 1 December in Tokyo, still 30 November in UTC.
  generatedAt: '2026-11-30T15:30:00.000Z',
  language: 'ja',
  timeZone: 'Asia/Tokyo',
  ...over,
});

describe('exportNotes', () => {
  it('names the file by the local day of export, with its MIME type and encoding', async () => {
    expect(await exportNotes('md', input())).toMatchObject({
      filename: 'hakusho-notes-2026-12-01.md',
      mimeType: 'text/markdown',
      encoding: 'utf-8',
    });
    expect(await exportNotes('w3c', input())).toMatchObject({
      filename: 'hakusho-notes-2026-12-01.jsonld',
      mimeType: 'application/ld+json',
      encoding: 'utf-8',
    });
    const docx = await exportNotes('docx', input({ timeZone: 'UTC' }));
    expect(docx).toMatchObject({ filename: 'hakusho-notes-2026-11-30.docx', encoding: 'base64' });
    expect(Buffer.from(docx.body, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('dates the export in the time zone it is given', async () => {
    const md = (await exportNotes('md', input())).body;
    expect(md).toContain('2026年12月1日 00:30に Hakusho Reader から書き出し');
    await expect(exportNotes('md', input({ timeZone: 'Nowhere/City' }))).rejects.toThrow(
      'unknown time zone',
    );
  });

  it('refuses a body larger than the bound, in every format', async () => {
    for (const format of ['md', 'docx', 'w3c'] as const)
      await expect(exportNotes(format, input({ maxChars: 100 }))).rejects.toMatchObject({
        code: 'too_large',
      });
  });
});
