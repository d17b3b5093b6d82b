import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { exportNotesMarkdown } from './export/markdown';
import { exportInput } from './export/notes.fixture';
import {
  deepLink,
  deepLinkForRoute,
  hashForRoute,
  isRouteId,
  parseDeepLink,
  routeFromHash,
  type Route,
} from './deep-link';

describe('parseDeepLink', () => {
  it('reads a section and an annotation', () => {
    expect(parseDeepLink('hakusho-reader://section/us-3')).toEqual({ sectionId: 'us-3' });
    expect(parseDeepLink('hakusho-reader://section/us-1-2022-05?annotation=an-1f2e.x:y_z')).toEqual(
      { sectionId: 'us-1-2022-05', annotationId: 'an-1f2e.x:y_z' },
    );
    const long = 'a'.repeat(200);
    expect(parseDeepLink(`hakusho-reader://section/${long}?annotation=${long}`)).toEqual({
      sectionId: long,
      annotationId: long,
    });
  });

  it.each([
    // other schemes and spellings of ours
    'app://reader/index.html#/section/us-3',
    'https://example.com/section/us-3',
    'javascript:alert(1)//hakusho-reader://section/us-3',
    'file:///hakusho-reader://section/us-3',
    'Hakusho-Reader://section/us-3',
    'HAKUSHO-READER://section/us-3',
    'hakusho-reader://SECTION/us-3',
    'hakusho-reader:section/us-3',
    'hakusho-reader:/section/us-3',
    'hakusho-reader:///section/us-3',
    ' hakusho-reader://section/us-3',
    'hakusho-reader://section/us-3 ',
    // credentials, hosts, ports
    'hakusho-reader://user:pass@section/us-3',
    'hakusho-reader://section@evil/us-3',
    'hakusho-reader://section:80/us-3',
    // paths: empty, traversal, encoded, nested, trailing
    'hakusho-reader://section/',
    'hakusho-reader://section',
    'hakusho-reader://section/..',
    'hakusho-reader://section/.',
    'hakusho-reader://section/../etc/passwd',
    'hakusho-reader://section/us-3/../canada',
    'hakusho-reader://section/us-3%2F..%2Fcanada',
    'hakusho-reader://section/us%2D3',
    'hakusho-reader://section/us-3/',
    'hakusho-reader://section/us-3\\x',
    'hakusho-reader://section/us-3%00',
    'hakusho-reader://section/us-3\u0000',
    'hakusho-reader://section/us-3\n',
    'hakusho-reader://section/米国',
    'hakusho-reader://section/us-3#frag',
    `hakusho-reader://section/${'a'.repeat(201)}`,
    // queries: empty, other or extra parameters, bad annotation ids
    'hakusho-reader://section/us-3?',
    'hakusho-reader://section/us-3?annotation=',
    'hakusho-reader://section/us-3?annotation=..',
    'hakusho-reader://section/us-3?note=an-1',
    'hakusho-reader://section/us-3?annotation=an-1&x=1',
    'hakusho-reader://section/us-3?x=1&annotation=an-1',
    'hakusho-reader://section/us-3?annotation=an-1?annotation=an-2',
    'hakusho-reader://section/us-3?Annotation=an-1',
    'hakusho-reader://section/us-3?annotation=an%2D1',
    `hakusho-reader://section/us-3?annotation=${'a'.repeat(201)}`,
    '',
  ])('refuses %j', (url) => {
    expect(parseDeepLink(url)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const v of [null, undefined, 3, {}, ['hakusho-reader://section/us-3']])
      expect(parseDeepLink(v)).toBeNull();
  });

  it('does bounded work on huge input', () => {
    expect(parseDeepLink(`hakusho-reader://section/${'a'.repeat(1_000_000)}`)).toBeNull();
  });
});

describe('routeFromHash / hashForRoute', () => {
  it('reads the in-app route', () => {
    expect(routeFromHash('#/section/us-3')).toEqual({ sectionId: 'us-3' });
    expect(routeFromHash('#/section/us-3?annotation=an-1')).toEqual({
      sectionId: 'us-3',
      annotationId: 'an-1',
    });
  });

  it.each([
    '',
    '#',
    '#us-3',
    '#/section/',
    '#/section/..',
    '#/Section/us-3',
    '/section/us-3',
    '#/section/us%2D3',
    '#/section/us-3/',
    '#/section/us-3?annotation=an-1&x',
    '#/section/us-3?',
    'hakusho-reader://section/us-3',
  ])('refuses %j', (hash) => {
    expect(routeFromHash(hash)).toBeNull();
  });

  it('writes both spellings', () => {
    expect(hashForRoute({ sectionId: 'us-3' })).toBe('#/section/us-3');
    expect(hashForRoute({ sectionId: 'us-3', annotationId: 'an-1' })).toBe(
      '#/section/us-3?annotation=an-1',
    );
    expect(deepLinkForRoute({ sectionId: 'canada', annotationId: 'an-1' })).toBe(
      'hakusho-reader://section/canada?annotation=an-1',
    );
  });

  it('refuses to write an id outside the rule', () => {
    expect(() => hashForRoute({ sectionId: '../x' })).toThrow(/section id/);
    expect(() => deepLinkForRoute({ sectionId: 'us', annotationId: 'a b' })).toThrow(
      /annotation id/,
    );
  });

  const id = fc.stringMatching(/^[A-Za-z0-9._:-]{1,200}$/).filter((s) => !/^\.+$/.test(s));
  const route = fc.record({ sectionId: id, annotationId: fc.option(id, { nil: undefined }) });
  const clean = (r: { sectionId: string; annotationId: string | undefined }): Route =>
    r.annotationId === undefined
      ? { sectionId: r.sectionId }
      : { sectionId: r.sectionId, annotationId: r.annotationId };

  test.prop([route])('round-trips every route through both spellings', (r) => {
    const want = clean(r);
    expect(parseDeepLink(deepLinkForRoute(want))).toEqual(want);
    expect(routeFromHash(hashForRoute(want))).toEqual(want);
  });

  test.prop([fc.string({ maxLength: 300 })])('never throws and only accepts valid ids', (s) => {
    for (const parsed of [parseDeepLink(s), routeFromHash(s)]) {
      if (parsed === null) continue;
      expect(isRouteId(parsed.sectionId)).toBe(true);
      if (parsed.annotationId !== undefined) expect(isRouteId(parsed.annotationId)).toBe(true);
    }
  });
});

describe('Markdown export links', () => {
  it('writes the links the parser reads', () => {
    expect(parseDeepLink(deepLink('us-3', 'an-1'))).toEqual({
      sectionId: 'us-3',
      annotationId: 'an-1',
    });
    expect(deepLink('us-3')).toBe('hakusho-reader://section/us-3');
  });

  it('writes no link for an id no route can carry, and still exports the item', () => {
    expect(deepLink('..')).toBeNull();
    const md = exportNotesMarkdown(
      exportInput({
        annotations: [],
        bookmarks: [
          {
            id: 'bm-1',
            sectionId: '..',
            paragraphId: null,
            offset: null,
            label: '',
            createdAt: '2024-01-01T00:00:00.000Z',
            updatedAt: '2024-01-01T00:00:00.000Z',
          },
          {
            id: 'bm-2',
            sectionId: 'us-3',
            paragraphId: null,
            offset: null,
            label: '',
            createdAt: '2024-01-01T00:00:00.000Z',
            updatedAt: '2024-01-01T00:00:00.000Z',
          },
        ],
      }),
    );
    expect(md).toContain('- この版にない節（..）\n');
    expect(md).toContain(
      '- [第１節\u3000米国 ＞ 3．日米貿易投資関係の更なる発展に向けた取組](hakusho-reader://section/us-3)',
    );
  });
});

describe('links into a document of the library', () => {
  it('carry the document id before the annotation, and read back', () => {
    const route = { sectionId: 's1-2', documentId: 'doc-0123456789abcdef', annotationId: 'an-1' };
    const link = deepLinkForRoute(route);
    expect(link).toBe('hakusho-reader://section/s1-2?doc=doc-0123456789abcdef&annotation=an-1');
    expect(parseDeepLink(link)).toEqual(route);
    expect(routeFromHash(hashForRoute(route))).toEqual(route);
    expect(parseDeepLink('hakusho-reader://section/s1?doc=doc-1')).toEqual({
      sectionId: 's1',
      documentId: 'doc-1',
    });
    expect(deepLink('s1', undefined, 'doc-1')).toBe('hakusho-reader://section/s1?doc=doc-1');
    // Links without a document are the bundled chapter's, exactly as before.
    expect(deepLink('us-1', 'an-1')).toBe('hakusho-reader://section/us-1?annotation=an-1');
  });

  it('refuse the document after the annotation, twice, or outside the id rule', () => {
    for (const bad of [
      'hakusho-reader://section/s1?annotation=an-1&doc=doc-1',
      'hakusho-reader://section/s1?doc=doc-1&doc=doc-2',
      'hakusho-reader://section/s1?doc=../x',
      'hakusho-reader://section/s1?doc=',
      'hakusho-reader://section/s1?doc=doc-1&annotation=an-1&x=1',
      'hakusho-reader://section/s1?doc=..',
    ])
      expect(parseDeepLink(bad), bad).toBeNull();
    expect(deepLink('s1', undefined, 'a b')).toBeNull();
  });
});
