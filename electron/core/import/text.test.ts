import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../paths';
import { ImportError } from './errors';
import { resolveLimits } from './limits';
import { extractMarkdown } from './markdown';
import { extractText, usesIndentedParagraphs } from './text';

const context = { name: 'a.txt', limits: resolveLimits(), progress: () => undefined };
const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(repoRoot(), 'tests', 'fixtures', 'ingest', name)));

describe('text adapter', () => {
  it('reads a PDF extraction like the bundled source with the bundled segmenter (U+3000 paragraphs, blank lines inside them)', () => {
    const doc = extractText(fixture('slice-utf8.txt'), context);
    expect(doc.encoding).toBe('utf-8');
    const headings = doc.blocks.filter((b) => b.role === 'heading');
    expect(headings.length).toBeGreaterThan(0);
    expect(doc.blocks.some((b) => b.role === 'body' && b.lines.length > 1)).toBe(true);
  });

  it('decodes Shift_JIS/CP932 and UTF-16 through the bundled decoder, with the same result', () => {
    const utf8 = extractText(fixture('slice-utf8.txt'), context).blocks;
    expect(extractText(fixture('slice-shift-jis.txt'), context).blocks).toEqual(utf8);
    const utf16 = extractText(fixture('slice-utf16le-bom.txt'), context);
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.blocks).toEqual(utf8);
  });

  it('reads text written as text: blank lines between paragraphs, numbered headings', () => {
    const text =
      '第１章　総論\n\n1．概況\n\n米国経済は\n回復した。\n\n（1）雇用\n\n失業率は低下した。\n';
    const doc = extractText(new TextEncoder().encode(text), context);
    expect(doc.blocks.map((b) => [b.role, b.level, b.lines.join('|')])).toEqual([
      ['heading', 1, '第１章　総論'],
      ['heading', 2, '1．概況'],
      ['body', 0, '米国経済は|回復した。'],
      ['heading', 3, '（1）雇用'],
      ['body', 0, '失業率は低下した。'],
    ]);
  });

  it('tells the two shapes apart', () => {
    expect(usesIndentedParagraphs(['　一つ目', '続き', '', '　二つ目'])).toBe(true);
    expect(usesIndentedParagraphs(['一つ目', '', '二つ目', '', '三つ目'])).toBe(false);
  });

  it('refuses binary and empty files with one line', () => {
    expect(() => extractText(new Uint8Array([0x41, 0, 0x42]), context)).toThrow(ImportError);
    expect(() => extractText(new TextEncoder().encode('\n\u3000\n'), context)).toThrow(
      /a\.txt: empty file/,
    );
  });
});

describe('Markdown adapter', () => {
  it('reads headings, paragraphs (soft breaks joined by the ingest rules), lists and code', () => {
    const md =
      '# 通商白書\n\n## 概況\n\n米国経済は\n回復した。\n\n- 雇用\n- 物価\n\n```\n$ make\n```\n';
    const doc = extractMarkdown(new TextEncoder().encode(md), { ...context, name: 'a.md' });
    expect(doc.title).toBe('通商白書');
    expect(doc.blocks.map((b) => [b.role, b.level, b.lines.join('|')])).toEqual([
      ['heading', 1, '通商白書'],
      ['heading', 2, '概況'],
      ['body', 0, '米国経済は 回復した。'],
      ['body', 0, '雇用'],
      ['body', 0, '物価'],
      ['body', 0, '$ make'],
    ]);
  });

  it('passes raw HTML to the HTML reader, which runs nothing', () => {
    const doc = extractMarkdown(new TextEncoder().encode('本文<script>alert(1)</script>\n'), {
      ...context,
      name: 'a.md',
    });
    expect(doc.blocks.map((b) => b.lines.join(''))).toEqual(['本文']);
  });
});
