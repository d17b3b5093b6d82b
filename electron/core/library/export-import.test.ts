import { afterEach, describe, expect, it } from 'vitest';
import { memoryContentStore, sliceSections } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { libraryProfiles } from '../testing/user-data';

const profiles = libraryProfiles();
afterEach(() => profiles.closeAll());

function profile() {
  const { lib } = profiles.open();
  const call = caller(handlersOver(lib, memoryContentStore(sliceSections())));
  return { lib, call };
}

async function populate(call: ReturnType<typeof profile>['call']) {
  await call('addAnnotation', {
    startParagraphId: 's-us.p1',
    startOffset: 40,
    endParagraphId: 's-us.p2',
    endOffset: 12,
    color: 'purple',
    note: '複数段落にまたがる\nメモ "quoted" <b>',
    tags: ['政策', 'IRA'],
  });
  await call('addAnnotation', { startParagraphId: 's-sep.p1', startOffset: 0, endOffset: 8 });
  await call('addSectionNote', {
    sectionId: 's-may',
    note: '節全体のメモ',
    color: 'green',
    tags: ['半導体'],
  });
  await call('toggleBookmark', { sectionId: 's-may', label: '半導体' });
  await call('toggleBookmark', { sectionId: 's-us' });
}

const items = (body: string) => (JSON.parse(body) as { first: { items: unknown[] } }).first.items;

describe('W3C JSON-LD export and import', () => {
  it('exports Web Annotation JSON-LD with quote and position selectors', async () => {
    const a = profile();
    await populate(a.call);
    const file = await a.call('exportAnnotations', { format: 'w3c' });
    expect(file.mimeType).toBe('application/ld+json');
    const doc = JSON.parse(file.body);
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(5);
    expect(doc['hakusho:document'].attribution).toBe(
      '「通商白書2023」（経済産業省）を加工して作成',
    );
    const first = doc.first.items[0];
    expect(first.motivation).toBe('commenting');
    expect(first.target.selector[0].type).toBe('TextQuoteSelector');
    expect(first.target.selector[0].exact).toContain('\n');
    expect(first.target.selector[1]).toMatchObject({ type: 'TextPositionSelector', start: 40 });
    expect(first.body.map((b: { purpose: string }) => b.purpose)).toEqual([
      'commenting',
      'tagging',
      'tagging',
    ]);
    expect(
      doc.first.items.filter((i: { motivation: string }) => i.motivation === 'bookmarking'),
    ).toHaveLength(2);
  });

  it('is lossless (export → import into an empty profile → export) and idempotent', async () => {
    const a = profile();
    await populate(a.call);
    const exported = await a.call('exportAnnotations', { format: 'w3c' });
    const b = profile();
    const first = await b.call('importAnnotations', { body: exported.body });
    expect(first).toMatchObject({
      added: 5,
      unchanged: 0,
      conflicts: 0,
      refused: 0,
      annotations: { added: 3, unchanged: 0, conflicts: 0, refused: 0 },
      bookmarks: { added: 2, unchanged: 0, conflicts: 0, refused: 0 },
      details: [],
      cancelled: false,
    });
    const again = await b.call('exportAnnotations', { format: 'w3c' });
    expect(items(again.body)).toEqual(items(exported.body));
    const seq = b.lib.changeSeq();
    const second = await b.call('importAnnotations', { body: exported.body });
    expect(second).toMatchObject({
      added: 0,
      unchanged: 5,
      conflicts: 0,
      refused: 0,
      annotations: { added: 0, unchanged: 3, conflicts: 0, refused: 0 },
      bookmarks: { added: 0, unchanged: 2, conflicts: 0, refused: 0 },
      // Nothing to write: no backup either.
      backup: null,
    });
    expect(items((await b.call('exportAnnotations', { format: 'w3c' })).body)).toEqual(
      items(exported.body),
    );
    expect(b.lib.annotations.list()).toHaveLength(3);
    expect(b.lib.changeSeq()).toBeLessThanOrEqual(seq + 1);
  });

  it('is all-or-nothing: an item that breaks a rule of every note refuses the whole file with a clear error', async () => {
    const a = profile();
    await populate(a.call);
    const good = JSON.parse((await a.call('exportAnnotations', { format: 'w3c' })).body);
    const b = profile();
    const seq = b.lib.changeSeq();
    const variants: [string, (doc: typeof good) => unknown, RegExp][] = [
      [
        'a note too long',
        (d) => ((d.first.items[1].body[0].value = 'x'.repeat(20_001)), d),
        /longer than 20000/,
      ],
      ['a lone surrogate', (d) => ((d.first.items[1].body[0].value = 'a\uDC00'), d), /surrogate/],
      ['a NUL', (d) => ((d.first.items[2].target.selector[0].exact = 'a\u0000'), d), /NUL/],
      ['an unknown colour', (d) => ((d.first.items[2]['hakusho:color'] = 'red'), d), /item 3/],
      ['an extra key', (d) => ((d.first.items[0].extra = 1), d), /item 1/],
      ['a wrong total', (d) => ((d.total = 99), d), /holds/],
      ['another @context', (d) => ((d['@context'] = ['http://example.com/ctx']), d), /@context/],
      [
        'another document',
        (d) => ((d['hakusho:document'].id = 'some-other-white-paper'), d),
        /another document/,
      ],
    ];
    for (const [, mutate, message] of variants) {
      const doc = mutate(JSON.parse(JSON.stringify(good)));
      await expect(
        b.call('importAnnotations', { body: JSON.stringify(doc) }),
      ).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(message),
      });
    }
    const raw = [
      ['not JSON', '{oops', /not JSON/],
      ['another kind of file', '{"hello": "world"}', /not a Hakusho Reader/],
      [
        'a __proto__ key',
        JSON.stringify(good).replace(
          '"type":"AnnotationCollection"',
          '"__proto__":{"x":1},"type":"AnnotationCollection"',
        ),
        /forbidden key "__proto__"/,
      ],
      [
        'a constructor key',
        JSON.stringify(good).replace('"label":', '"constructor":1,"label":'),
        /forbidden key "constructor"/,
      ],
      ['deep nesting', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, /nested deeper/],
    ] as const;
    for (const [, body, message] of raw) {
      await expect(b.call('importAnnotations', { body })).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(message),
      });
    }
    expect(b.lib.changeSeq()).toBe(seq);
    expect(b.lib.annotations.list()).toEqual([]);
    expect(b.lib.bookmarks.list()).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('never overwrites a stored note: other content under the same id is kept beside it as a marked copy, whatever its modified time', async () => {
    const a = profile();
    await populate(a.call);
    const body = (await a.call('exportAnnotations', { format: 'w3c' })).body;
    const b = profile();
    await b.call('importAnnotations', { body });
    const doc = JSON.parse(body);
    const id = (doc.first.items[1].id as string).slice('urn:hakusho:annotation:'.length);
    const stored = b.lib.annotations.get(id).note;
    doc.first.items[1].body[0].value = '他の端末で更新したメモ';
    // Newer by a few hours: still never replaces the stored one.
    doc.first.items[1].modified = new Date(Date.now() + 3_600_000).toISOString();
    const summary = await b.call('importAnnotations', { body: JSON.stringify(doc) });
    expect(summary).toMatchObject({ added: 0, conflicts: 1, unchanged: 4, refused: 0 });
    const [conflict] = summary.details;
    expect(conflict).toMatchObject({ item: 2, kind: 'annotation', id, outcome: 'conflict' });
    expect(b.lib.annotations.get(id).note).toBe(stored);
    const copy = b.lib.annotations.get(conflict?.copyId as string);
    expect(copy).toMatchObject({ note: '他の端末で更新したメモ', conflictOf: id });
    // The copy is listed and exported with its mark; importing the same file again changes nothing.
    const listed = await b.call('listAnnotations', {});
    expect(listed.find((x) => x.id === copy.id)?.conflictOf).toBe(id);
    const exported = JSON.parse((await b.call('exportAnnotations', { format: 'w3c' })).body);
    expect(
      exported.first.items.find((x: { id: string }) => x.id.endsWith(copy.id))[
        'hakusho:conflictOf'
      ],
    ).toBe(id);
    const seq = b.lib.changeSeq();
    const again = await b.call('importAnnotations', { body: JSON.stringify(doc) });
    expect(again).toMatchObject({ added: 0, conflicts: 0, unchanged: 5 });
    expect(b.lib.changeSeq()).toBe(seq);
    // An older copy with other content is a conflict too: never silently dropped either.
    doc.first.items[1].body[0].value = '古いメモ';
    doc.first.items[1].modified = '2000-01-01T00:00:00.000Z';
    expect((await b.call('importAnnotations', { body: JSON.stringify(doc) })).conflicts).toBe(1);
    expect(b.lib.annotations.get(id).note).toBe(stored);
  });

  it('refuses an item whose modified time is more than a day in the future, and imports the rest', async () => {
    const a = profile();
    await populate(a.call);
    const doc = JSON.parse((await a.call('exportAnnotations', { format: 'w3c' })).body);
    doc.first.items[1].modified = '9999-12-31T23:59:59.000Z';
    const b = profile();
    const summary = await b.call('importAnnotations', { body: JSON.stringify(doc) });
    expect(summary).toMatchObject({ added: 4, refused: 1, conflicts: 0 });
    expect(summary.details).toEqual([
      expect.objectContaining({
        item: 2,
        outcome: 'refused',
        reason: expect.stringMatching(
          /modified time 9999-12-31T23:59:59.000Z is more than a day in the future/,
        ),
      }),
    ]);
    expect(b.lib.annotations.list()).toHaveLength(2);
  });
});

describe('Markdown export', () => {
  it('has headings, quotes with their citation, notes, tags, local dates, deep links and the source', async () => {
    const a = profile();
    await populate(a.call);
    const file = await a.call('exportAnnotations', { format: 'md' });
    expect(file).toMatchObject({ mimeType: 'text/markdown', encoding: 'utf-8' });
    expect(file.filename).toMatch(/^hakusho-notes-\d{4}-\d{2}-\d{2}\.md$/);
    const md = file.body;
    expect(md.split('\n')[0]).toBe('# 『通商白書2023』米国・カナダ\u3000メモとしおり');
    expect(md).toContain('\n## 第１節　米国\n');
    expect(md).toContain('\n### 2022 年 5月　「半導体協力基本原則」を公表\n');
    expect(md).toMatch(/^> .*インフレ削減法/m);
    expect(md).toContain(
      '出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」（<https://www.meti.go.jp/report/tsuhaku2023/2023honbun/i3210000.html>）',
    );
    // A line break in a note is kept (a hard break); `<b>` stays text.
    expect(md).toContain('複数段落にまたがる\\\nメモ "quoted" \\<b>');
    expect(md).toContain('タグ：政策、IRA');
    expect(md).toMatch(/\]\(hakusho-reader:\/\/section\/s-us\?annotation=an-[0-9a-f-]+\)/);
    expect(md).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 更新/);
    expect(md).toContain('「通商白書2023」（経済産業省）を加工して作成');
    expect(md).toContain('\n## しおり\n');
    // Document order: the chapter's highlight before the May section note before September.
    expect(md.indexOf('インフレ削減法')).toBeLessThan(md.indexOf('節全体のメモ'));
  });

  it('writes its words in the reader’s language, or the one asked for', async () => {
    const a = profile();
    await populate(a.call);
    await a.call('setPrefs', { language: 'en' });
    const md = (await a.call('exportAnnotations', { format: 'md' })).body;
    expect(md).toContain('\n## Bookmarks\n');
    expect(md).toContain('Source: Ministry of Economy, Trade and Industry (METI)');
    const ja = (await a.call('exportAnnotations', { format: 'md', language: 'ja' })).body;
    expect(ja).toContain('\n## しおり\n');
  });

  it('gives a Word document as base64, with its MIME type and file name', async () => {
    const a = profile();
    await populate(a.call);
    const file = await a.call('exportAnnotations', { format: 'docx' });
    expect(file).toMatchObject({
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      encoding: 'base64',
    });
    expect(file.filename).toMatch(/^hakusho-notes-\d{4}-\d{2}-\d{2}\.docx$/);
    const bytes = Buffer.from(file.body, 'base64');
    // A zip (the .docx container) holding the document.
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });
});
