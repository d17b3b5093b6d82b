// A highlight across sections, the whole path through the contract over a real
// user.sqlite: one stored highlight per section it covers, linked by a group id,
// created in one transaction; listed, edited, deleted and restored as one; found
// once by notes search; exported and imported into a fresh profile with the link.
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryContentStore, sliceSections, type FakeSection } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { libraryProfiles } from '../testing/user-data';

const profiles = libraryProfiles();
afterEach(() => profiles.closeAll());

/** The slices, with a heading-only section between the chapter and May (as the real outline has). */
function sections(): FakeSection[] {
  const [us, may, sep] = sliceSections() as [FakeSection, FakeSection, FakeSection];
  return [us, { id: 's-part', title: '［1．概況］', parent: 's-us', paragraphs: [] }, may, sep];
}

function profile() {
  const { lib } = profiles.open();
  return { lib, call: caller(handlersOver(lib, memoryContentStore(sections()))) };
}

const text = (section: number, paragraph: number) =>
  sections()[section]!.paragraphs[paragraph]!.text;
const items = (body: string) =>
  (JSON.parse(body) as { first: { items: Record<string, unknown>[] } }).first.items;

/** From 40 characters before the end of the chapter's text to 10 into September's. */
async function addAcrossThree(call: ReturnType<typeof profile>['call']) {
  const last = text(0, 2);
  return call('addAnnotation', {
    startParagraphId: 's-us.p3',
    startOffset: last.length - 40,
    endParagraphId: 's-sep.p1',
    endOffset: 10,
    color: 'pink',
    note: '三つの節にまたがる',
    tags: ['訪米'],
  });
}

describe('a highlight across sections', () => {
  it('is one highlight per section with text, linked, each drawable in its own section', async () => {
    const { call, lib } = profile();
    const seq = lib.changeSeq();
    const first = await addAcrossThree(call);
    // One transaction for the whole group.
    expect(lib.changeSeq()).toBe(seq + 1);
    expect(first.groupId).toMatch(/^grp-/);
    const group = await call('listAnnotations', { groupId: first.groupId! });
    expect(group.map((a) => a.sectionId)).toEqual(['s-us', 's-may', 's-sep']);
    expect(group[0]!.id).toBe(first.id);
    for (const a of group) {
      expect(a).toMatchObject({
        kind: 'highlight',
        groupId: first.groupId,
        color: 'pink',
        note: '三つの節にまたがる',
        tags: ['訪米'],
        anchor: 'anchored',
      });
    }
    const [us, may, sep] = group.map((a) => a.target!);
    expect(us).toMatchObject({
      startParagraphId: 's-us.p3',
      startOffset: text(0, 2).length - 40,
      endParagraphId: 's-us.p3',
      endOffset: text(0, 2).length,
      paragraphIds: ['s-us.p3'],
    });
    expect(us!.quote.exact).toBe(text(0, 2).slice(-40));
    expect(may).toMatchObject({
      startParagraphId: 's-may.p1',
      startOffset: 0,
      endParagraphId: 's-may.p2',
      endOffset: text(2, 1).length,
      paragraphIds: ['s-may.p1', 's-may.p2'],
    });
    expect(may!.quote.exact).toBe(`${text(2, 0)}\n${text(2, 1)}`);
    expect(sep).toMatchObject({
      startParagraphId: 's-sep.p1',
      startOffset: 0,
      endParagraphId: 's-sep.p1',
      endOffset: 10,
    });
    expect(sep!.quote.exact).toBe(text(3, 0).slice(0, 10));
    expect(await call('listMarkedSections', {})).toEqual([
      { sectionId: 's-us', bookmarks: 0, notes: 1 },
      { sectionId: 's-may', bookmarks: 0, notes: 1 },
      { sectionId: 's-sep', bookmarks: 0, notes: 1 },
    ]);
  });

  it('leaves out empty pieces: a start at a section’s very end, an end at one’s very start', async () => {
    const { call } = profile();
    const a = await call('addAnnotation', {
      startParagraphId: 's-us.p3',
      startOffset: text(0, 2).length,
      endParagraphId: 's-sep.p1',
      endOffset: 0,
    });
    // Only May is left: one highlight on its own, no group.
    expect(a.groupId).toBeNull();
    expect(a.sectionId).toBe('s-may');
    expect(await call('listAnnotations', {})).toHaveLength(1);
    await expect(
      call('addAnnotation', {
        startParagraphId: 's-may.p2',
        startOffset: text(2, 1).length,
        endParagraphId: 's-sep.p1',
        endOffset: 0,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: /only white space/ });
  });

  it('an edit of one member edits the group; deleting one deletes the group, and undo brings it back', async () => {
    const { call, lib } = profile();
    const first = await addAcrossThree(call);
    const alone = await call('addAnnotation', {
      startParagraphId: 's-may.p1',
      startOffset: 0,
      endOffset: 4,
    });
    const [, middle] = await call('listAnnotations', { groupId: first.groupId! });
    const seq = lib.changeSeq();
    const edited = await call('updateAnnotation', {
      id: middle!.id,
      color: 'blue',
      note: '書き直した',
      tags: ['a', 'b'],
    });
    expect(edited).toMatchObject({ id: middle!.id, color: 'blue', note: '書き直した' });
    expect(lib.changeSeq()).toBe(seq + 1);
    for (const a of await call('listAnnotations', { groupId: first.groupId! }))
      expect(a).toMatchObject({ color: 'blue', note: '書き直した', tags: ['a', 'b'] });
    expect((await call('listAnnotations', { sectionId: 's-may' })).map((a) => a.color)).toEqual([
      'blue',
      'yellow',
    ]);
    // Notes search lists the group once, at its first section.
    const found = await call('searchNotes', { query: '書き直した' });
    expect(found.map((r) => [r.sectionId, r.annotationId])).toEqual([['s-us', first.id]]);

    const removed = await call('deleteAnnotation', { id: middle!.id });
    expect(removed.id).toBe(middle!.id);
    expect((await call('listAnnotations', {})).map((a) => a.id)).toEqual([alone.id]);
    await call('restoreAnnotation', { id: first.id });
    expect(await call('listAnnotations', { groupId: first.groupId! })).toHaveLength(3);
    expect(await call('listAnnotations', {})).toHaveLength(4);
  });

  it('deletes only one part when asked, the rest still linked; undo brings back that part', async () => {
    const { call } = profile();
    const first = await addAcrossThree(call);
    const [, middle, last] = await call('listAnnotations', { groupId: first.groupId! });
    await call('deleteAnnotation', { id: middle!.id, part: true });
    const rest = await call('listAnnotations', { groupId: first.groupId! });
    expect(rest.map((a) => a.id)).toEqual([first.id, last!.id]);
    await call('restoreAnnotation', { id: middle!.id, part: true });
    expect(await call('listAnnotations', { groupId: first.groupId! })).toHaveLength(3);
    // A part deleted before stays deleted when a later delete of the rest is undone.
    await call('deleteAnnotation', { id: last!.id, part: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await call('deleteAnnotation', { id: first.id });
    expect(await call('listAnnotations', { groupId: first.groupId! })).toEqual([]);
    await call('restoreAnnotation', { id: first.id });
    const back = await call('listAnnotations', { groupId: first.groupId! });
    expect(back.map((a) => a.id)).toEqual([first.id, middle!.id]);
  });

  it('exports the link and imports it into a fresh profile, lossless', async () => {
    const a = profile();
    const first = await addAcrossThree(a.call);
    await a.call('addSectionNote', { sectionId: 's-may', note: '節のメモ' });
    const exported = await a.call('exportAnnotations', { format: 'w3c' });
    const highlights = items(exported.body).filter((i) => i['hakusho:kind'] === 'highlight');
    expect(highlights.map((i) => i['hakusho:group'])).toEqual([
      first.groupId,
      first.groupId,
      first.groupId,
    ]);
    expect(
      items(exported.body).find((i) => i['hakusho:kind'] === 'section-note'),
    ).not.toHaveProperty('hakusho:group');
    const b = profile();
    expect(await b.call('importAnnotations', { body: exported.body })).toMatchObject({
      annotations: { added: 4 },
    });
    expect(items((await b.call('exportAnnotations', { format: 'w3c' })).body)).toEqual(
      items(exported.body),
    );
    expect(await b.call('listAnnotations', {})).toEqual(await a.call('listAnnotations', {}));
    // The imported group is still one: deleting a member deletes all three.
    await b.call('deleteAnnotation', { id: first.id });
    expect((await b.call('listAnnotations', {})).map((x) => x.kind)).toEqual(['section-note']);
    // Markdown and Word: the note once, the later pieces marked as continuing it.
    const ja = (await a.call('exportAnnotations', { format: 'md', language: 'ja' })).body;
    expect(ja.split('三つの節にまたがる')).toHaveLength(2);
    expect(ja.split('前の節のハイライトの続きです')).toHaveLength(3);
    const en = (await a.call('exportAnnotations', { format: 'md', language: 'en' })).body;
    expect(en.split('三つの節にまたがる')).toHaveLength(2);
    expect(en.split('Continued from the highlight in the section before')).toHaveLength(3);
    const docx = await a.call('exportAnnotations', { format: 'docx', language: 'en' });
    const xml = strFromU8(
      unzipSync(Buffer.from(docx.body, 'base64'))['word/document.xml'] as Uint8Array,
    );
    expect(xml.split('三つの節にまたがる')).toHaveLength(2);
    expect(xml.split('Continued from the highlight in the section before')).toHaveLength(3);
  });
});
