import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('trusts the bytes first, then the name', () => {
    expect(detectFormat(bytes('%PDF-1.7\n'), 'report')).toBe('pdf');
    expect(detectFormat(bytes('junk%PDF-1.4'), 'x.bin')).toBe('pdf');
    expect(detectFormat(bytes('PK\u0003\u0004....'), 'book.epub')).toBe('epub');
    expect(detectFormat(bytes('<html>'), 'page.HTM')).toBe('html');
    expect(detectFormat(bytes('# t'), 'notes.md')).toBe('markdown');
    expect(detectFormat(bytes('本文'), 'a.txt')).toBe('text');
  });

  it('refuses a file whose bytes contradict its name, and unknown types', () => {
    expect(() => detectFormat(bytes('<html>'), 'fake.pdf')).toThrow(
      'fake.pdf: not a PDF (no %PDF- header): damaged or mislabelled',
    );
    expect(() => detectFormat(bytes('PK\u0003\u0004'), 'a.docx')).toThrow(
      /a zip archive that is not an EPUB/,
    );
    expect(() => detectFormat(bytes('MZ'), 'setup.exe')).toThrow(/unsupported file type/);
  });
});
