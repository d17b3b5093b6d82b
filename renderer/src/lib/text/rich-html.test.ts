import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { segmentText } from './segments';
import { escapeHtml, richHtml, type RichLabels } from './rich-html';

const labels: RichLabels = {
  hit: 'search match',
  highlight: (color, noted) => `${color}${noted ? ' with note' : ''}`,
  marker: (note) => `note: ${note}`,
};

/** Parses the HTML as the browser would and gives back its text nodes, in order. */
function textOf(html: string): string {
  // Tags never hold text (markers and page marks are empty); entities decoded.
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('a run of text as HTML', () => {
  it('marks hits, the current one, highlights, terms, upright numbers, markers and pages', () => {
    const text = '米国のIRAは2022年8月に成立した。';
    const pieces = segmentText(
      text,
      [{ start: 3, end: 6, index: 4 }],
      [{ start: 0, end: 2, id: 'a1', color: 'yellow', note: 'メモ', marker: true }],
      [{ start: 3, end: 6, term: 'IRA' }],
      [{ offset: 12, label: '12' }],
    );
    const html = richHtml(pieces, [null, { before: true, after: false }], 4, labels);
    expect(textOf(html)).toBe(text);
    expect(html).toContain(
      '<mark class="hl swatch-yellow noted" data-annotation-id="a1" aria-description="yellow with note">米国</mark>',
    );
    expect(html).toContain(
      '<button type="button" class="note-marker" data-note-marker="a1" aria-label="note: メモ">',
    );
    expect(html).toMatch(
      /<mark class="hit current" aria-current="true" aria-description="search match" data-hit="4"><span class="term[^"]*" role="button" tabindex="0" data-term="IRA">IRA<\/span><\/mark>/,
    );
    expect(html).toContain('<span class="tcy">8</span>');
    expect(html).toContain('<span class="page-marker" data-page="12"></span>');
  });

  it('marks a hit that is not the current one without aria-current', () => {
    const pieces = segmentText('半導体と半導体', [
      { start: 0, end: 3, index: 0 },
      { start: 4, end: 7, index: 1 },
    ]);
    const html = richHtml(pieces, [], 1, labels);
    expect(html).toContain('<mark class="hit" aria-description="search match" data-hit="0">');
    expect(html).toContain('<mark class="hit current" aria-current="true"');
  });

  it('escapes the text and every attribute value', () => {
    const text = '<img src=x onerror="alert(1)"> & \'q\'';
    const pieces = segmentText(
      text,
      [],
      [{ start: 0, end: 4, id: '"><script>', color: 'x" onclick="y', note: '"<b>', marker: true }],
    );
    const html = richHtml(pieces, [], -1, {
      ...labels,
      marker: (note) => note,
      highlight: () => '"><i>',
    });
    expect(html).not.toMatch(/<(img|script|b|i)\b/);
    // Only escaped quotes inside values: no attribute of their own.
    expect(html).not.toMatch(/ on\w+="/);
    expect(textOf(html)).toBe(text);
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  test.prop([
    fc.string({ maxLength: 60 }),
    fc.array(fc.tuple(fc.nat(60), fc.nat(8)), { maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(60), fc.nat(8)), { maxLength: 3 }),
  ])('gives back exactly the text, in order, whatever the marks', (text, hits, highlights) => {
    const clamp = (a: number, n: number) => {
      const start = Math.min(a, text.length);
      return { start, end: Math.min(text.length, start + n) };
    };
    const marks = hits.map(([a, n], index) => ({ ...clamp(a, n), index }));
    const hls = highlights.map(([a, n], k) => ({
      ...clamp(a, n),
      id: `h${k}`,
      color: 'blue',
      note: k % 2 ? 'n' : undefined,
      marker: k % 2 === 1,
    }));
    const pieces = segmentText(text, marks, hls);
    expect(textOf(richHtml(pieces, [], 0, labels))).toBe(text);
  });
});
