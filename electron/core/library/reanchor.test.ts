// Re-anchoring as the step of opening the core: after a content rebuild each
// highlight is kept, moved or orphaned (never deleted), the summary says how many
// of each, and orphans are reported to the reader. Building the handlers alone
// writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentStore } from '../content/store-types';
import { reanchorLibrary } from './reanchor';
import { memoryContentStore, sliceSections, type FakeSection } from '../testing/content-store';
import { caller, handlersOver } from '../testing/handlers';
import { libraryProfiles, tempUserDataDir } from '../testing/user-data';

const profiles = libraryProfiles();
afterEach(() => profiles.closeAll());

/** Opens the profile in `dir` over `sections` as the core does: library, re-anchoring, handlers. */
function open(sections: FakeSection[], dir: string, reanchor = true) {
  const { lib } = profiles.open({}, dir);
  const content: ContentStore = memoryContentStore(sections);
  const summary = reanchor ? reanchorLibrary(lib, content) : null;
  const call = caller(handlersOver(lib, content));
  return { lib, call, summary };
}

/** Closes the profile opened last (the reader quits before the content update). */
function quit(): void {
  profiles.closeLast();
}

describe('re-anchoring when the content is rebuilt', () => {
  it('keeps, moves or orphans annotations (never deletes one), and tells the reader', async () => {
    const dir = tempUserDataDir();
    const { call } = open(sliceSections(), dir);
    const may = sliceSections()[1]?.paragraphs[0]?.text as string;
    const phrase = 'アルバニー、ワシントン DC、ニューヨーク';
    const at = may.indexOf(phrase);
    const kept = await call('addAnnotation', {
      startParagraphId: 's-may.p1',
      startOffset: at,
      endOffset: at + phrase.length,
      note: 'kept',
    });
    const heavyAt = may.indexOf('半導体研究施設の視察や関係企業との意見交換');
    const heavy = await call('addAnnotation', {
      startParagraphId: 's-may.p1',
      startOffset: heavyAt,
      endOffset: heavyAt + '半導体研究施設の視察や関係企業との意見交換'.length,
      note: 'heavy',
    });
    const gone = await call('addSectionNote', {
      sectionId: 's-sep',
      note: 'section removed later',
    });
    quit();

    // New edition: text inserted before the passage, a heavy rewrite, a section gone.
    const sections = sliceSections().filter((s) => s.id !== 's-sep');
    const mayPara = sections[1]?.paragraphs[0] as { text: string };
    mayPara.text = `（改訂）${mayPara.text.replace('半導体研究施設の視察や関係企業との意見交換', '複数の訪問日程')}`;
    const again = open(sections, dir);
    expect(again.summary).toEqual({
      checked: 3,
      unchanged: 0,
      moved: 1,
      orphaned: 2,
      recovered: 0,
      pending: 0,
    });
    const list = await again.call('listAnnotations', {});
    expect(list).toHaveLength(3);
    const byId = new Map(list.map((a) => [a.id, a]));
    const k = byId.get(kept.id);
    expect(k?.anchor).toBe('anchored');
    expect(k?.target?.startOffset).toBe(at + '（改訂）'.length);
    expect(k?.target?.quote.exact).toBe(phrase);
    expect(byId.get(heavy.id)).toMatchObject({ anchor: 'orphan', note: 'heavy' });
    expect(byId.get(heavy.id)?.target?.quote.exact).toBe(
      '半導体研究施設の視察や関係企業との意見交換',
    );
    expect(byId.get(gone.id)).toMatchObject({
      anchor: 'orphan',
      note: 'section removed later',
      path: [],
    });
    const notices = await again.call('getNotices', {});
    const orphaned = notices.find((n) => n.code === 'annotations_orphaned');
    expect(orphaned?.params).toEqual({ count: 2 });
  });

  it('follows a passage into a renamed or re-cut section only when one section clearly has it', async () => {
    const dir = tempUserDataDir();
    const { call } = open(sliceSections(), dir);
    const sep = sliceSections()[2]?.paragraphs[0]?.text as string;
    const phrase = 'ロサンゼルス、サンフランシスコ';
    const at = sep.indexOf(phrase);
    const unique = await call('addAnnotation', {
      startParagraphId: 's-sep.p1',
      startOffset: at,
      endOffset: at + phrase.length,
      note: 'moves with its section',
    });
    const shortAt = sep.indexOf('経済産業大臣');
    const ambiguous = await call('addAnnotation', {
      startParagraphId: 's-sep.p1',
      startOffset: shortAt,
      endOffset: shortAt + '経済産業大臣'.length,
      note: 'ambiguous',
    });
    quit();
    // The September section gets a new id; its text is also copied under two other ids,
    // with other surroundings for the short phrase.
    const sections = sliceSections().map((s) =>
      s.id === 's-sep'
        ? {
            ...s,
            id: 's-sep-new',
            paragraphs: s.paragraphs.map((p) => ({ ...p, id: `s-sep-new.${p.id}` })),
          }
        : s,
    );
    const again = open(sections, dir);
    expect(again.summary).toMatchObject({ checked: 2, moved: 2, orphaned: 0 });
    const byId = new Map((await again.call('listAnnotations', {})).map((a) => [a.id, a]));
    expect(byId.get(unique.id)).toMatchObject({ sectionId: 's-sep-new', anchor: 'anchored' });
    expect(byId.get(unique.id)?.target?.startParagraphId).toBe('s-sep-new.s-sep.p1');
    expect(byId.get(unique.id)?.target?.quote.exact).toBe(phrase);
    // 経済産業大臣 with its context is found in the renamed section only: it follows too.
    expect(byId.get(ambiguous.id)).toMatchObject({ sectionId: 's-sep-new', anchor: 'anchored' });

    // Now two sections hold the same passage: nothing is guessed.
    quit();
    const twice = [
      ...sections.filter((s) => s.id !== 's-sep-new'),
      { id: 'copy-a', title: 'A', parent: null, paragraphs: [{ id: 'copy-a.p1', text: sep }] },
      { id: 'copy-b', title: 'B', parent: null, paragraphs: [{ id: 'copy-b.p1', text: sep }] },
    ];
    const third = open(twice, dir);
    expect(third.summary).toMatchObject({ checked: 2, orphaned: 2 });
    const list = await third.call('listAnnotations', {});
    expect(list.find((a) => a.id === unique.id)).toMatchObject({
      sectionId: 's-sep-new',
      anchor: 'orphan',
    });
  });
});

describe('re-anchoring is a step of its own', () => {
  it('building the handlers over a changed edition writes nothing until the step runs', async () => {
    const dir = tempUserDataDir();
    const first = open(sliceSections(), dir);
    await first.call('addAnnotation', {
      startParagraphId: 's-sep.p1',
      startOffset: 0,
      endOffset: 8,
    });
    quit();
    const sections = sliceSections();
    const sep = sections[2]?.paragraphs[0] as { text: string };
    sep.text = `前置き。${sep.text}`;
    const later = open(sections, dir, false);
    const seq = later.lib.changeSeq();
    const before = await later.call('listAnnotations', {});
    expect(later.lib.changeSeq()).toBe(seq);
    expect(before[0]?.target?.startOffset).toBe(0);
    const summary = reanchorLibrary(later.lib, memoryContentStore(sections));
    expect(summary).toEqual({
      checked: 1,
      unchanged: 0,
      moved: 1,
      orphaned: 0,
      recovered: 0,
      pending: 0,
    });
    expect(later.lib.changeSeq()).toBe(seq + 1);
    expect((await later.call('listAnnotations', {}))[0]?.target?.startOffset).toBe(4);
    // Run again over the same edition: it was placed in this very text, so it is not
    // even looked at again; nothing written.
    expect(reanchorLibrary(later.lib, memoryContentStore(sections))).toMatchObject({
      checked: 0,
      moved: 0,
    });
    expect(later.lib.changeSeq()).toBe(seq + 1);
    expect(await later.call('getNotices', {})).toEqual([]);
  });
});
