// Reading the chapter as one text, in headless Chromium against the browser edition:
// the whole chapter with Space alone in both writing directions (the outline following
// the section in view, no history entry per scroll); pages in vertical writing to the
// end with the page count; F3 through every hit of 半導体 across the sections, in the
// scroll and on pages; section 1's heading as METI's HTML edition titles it, a peer of
// its siblings; no stale focus ring after a mouse click in the outline; screenshots at
// three window sizes.
import { beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  Annotation,
  SearchResponse,
  SectionView,
  TocEntry,
} from '../../electron/common/api/types';
import type { RunningEdition } from './testing/server';
import { useE2eSession } from './testing/session';
import { DEFAULT_PREFS } from './testing/prefs';
import {
  callApi,
  cspViolations,
  currentSectionId,
  fontsReady,
  loadAtSection,
  nextFrames,
  openReader,
  pageErrors,
  screenshot,
  waitReady,
} from './testing/reader-page';
import { focused, overlaps, selectPassage, toastText, type Box } from './testing/notes-page';

const session = useE2eSession();
let edition: RunningEdition;
let page: Page;
let toc: TocEntry[];

/** More key presses than any walk here needs: a walk that does not end fails. */
const MAX_PRESSES = 400;

beforeAll(async () => {
  edition = await session.start(session.tempDir('flow'));
  page = await openReader(session.browser.context, edition.url);
  toc = await callApi<TocEntry[]>(page, 'getToc');
});

beforeEach(async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await callApi(page, 'setPrefs', DEFAULT_PREFS);
  await callApi(page, 'setPosition', { sectionId: toc[0]!.id, scroll: 0 });
  await loadAtSection(page, edition.origin, toc[0]!.id);
});

afterEach(async () => {
  expect(await cspViolations(page)).toEqual([]);
  expect(await pageErrors(page)).toEqual([]);
});

interface ViewState {
  pos: number;
  section: string | null;
  page: number;
  pages: number;
  label: string;
}

/** Where the reader is: the scroll along the reading direction, the section, the page. */
function viewState(): Promise<ViewState> {
  return page.evaluate<ViewState>(`(() => {
    const box = document.querySelector('main .scroller');
    const vertical = box.dataset.writingMode === 'vertical';
    const pos = box.dataset.readingMode === 'paged'
      ? Number(box.dataset.page)
      : vertical ? -box.scrollLeft : box.scrollTop;
    return {
      pos,
      section: box.dataset.sectionId ?? null,
      page: Number(box.dataset.page ?? 0),
      pages: Number(box.dataset.pages ?? 0),
      label: document.querySelector('.foot .pages')?.textContent ?? '',
    };
  })()`);
}

/** Waits until the view has stopped moving (a smooth scroll or a page turn settled). */
async function settled(): Promise<ViewState> {
  let last = await viewState();
  for (let i = 0; i < 60; i++) {
    await nextFrames(page, 3);
    const now = await viewState();
    if (now.pos === last.pos && now.section === last.section) return now;
    last = now;
  }
  return last;
}

/** The `key` data attribute of the elements matching `selector` on screen now, in order. */
function onScreen(selector: string, key: string): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const v = document.querySelector('main .scroller').getBoundingClientRect();
    return [...document.querySelectorAll(${JSON.stringify(selector)})]
      .filter((h) => {
        const r = h.getBoundingClientRect();
        return r.width > 0 && r.left < v.right && r.right > v.left && r.top < v.bottom && r.bottom > v.top;
      })
      .map((h) => h.dataset[${JSON.stringify(key)}]);
  })()`);
}

/** The sections whose heading is on screen now, in document order. */
const headingsOnScreen = () => onScreen('main [data-heading-for]', 'headingFor');

/** The sections with any of their text on screen now, in document order. */
const sectionsOnScreen = () => onScreen('main section[data-section-id]:not(.pending)', 'sectionId');

interface Walk {
  /** The current section after each press (as the outline and breadcrumb show it). */
  current: string[];
  /** Every section whose heading was on screen at some point. */
  headings: Set<string>;
  /** After a press, a current section none of whose text was on screen (should be none). */
  offScreen: string[];
}

/** Presses Space until the view no longer moves. */
async function readWithSpace(): Promise<Walk> {
  await page.locator('main .scroller').focus();
  const walk: Walk = { current: [], headings: new Set(), offScreen: [] };
  let last = await settled();
  const note = async (state: ViewState) => {
    if (state.section && state.section !== walk.current[walk.current.length - 1])
      walk.current.push(state.section);
    for (const id of await headingsOnScreen()) walk.headings.add(id);
    if (state.section && !(await sectionsOnScreen()).includes(state.section))
      walk.offScreen.push(`${state.section} at ${state.pos}`);
  };
  await note(last);
  for (let i = 0; i < MAX_PRESSES; i++) {
    await page.keyboard.press('Space');
    const now = await settled();
    await note(now);
    if (now.pos === last.pos) return walk;
    last = now;
  }
  throw new Error(`still moving after ${MAX_PRESSES} presses of Space`);
}

async function setVertical(): Promise<void> {
  await page.click('header button[aria-pressed]:has-text("縦書き")');
  await page.waitForSelector('main .scroller[data-writing-mode="vertical"][data-ready]');
}

async function setPaged(): Promise<void> {
  await page.click('header button[aria-pressed]:has-text("ページ")');
  await page.waitForSelector('main .scroller[data-reading-mode="paged"][data-ready]');
}

describe('one continuous text', () => {
  for (const direction of ['horizontal', 'vertical'] as const) {
    it(`reads the whole chapter with Space alone (${direction}), the outline following`, async () => {
      if (direction === 'vertical') await setVertical();
      const before = await page.evaluate<number>('history.length');
      const walk = await readWithSpace();
      // Every section's text went by on screen, with no stop at a section's end; the
      // current section only ever moved forward, and the last one is current at the end.
      expect([...walk.headings].sort()).toEqual(toc.map((e) => e.id).sort());
      const ranks = walk.current.map((id) => toc.findIndex((e) => e.id === id));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // After every press the current section is one on screen (the outline keeps up, page
      // by page); how many sections that names depends on where the pages fall.
      expect(walk.offScreen).toEqual([]);
      expect(walk.current.length).toBeGreaterThan(3);
      expect(await currentSectionId(page)).toBe(toc[toc.length - 1]!.id);
      expect(
        await page.getAttribute(
          `#outline a[data-section-id="${toc[toc.length - 1]!.id}"]`,
          'aria-current',
        ),
      ).toBe('page');
      // The breadcrumb and the address follow too, without an entry per scroll.
      expect(await page.evaluate<string>('location.hash')).toBe(
        `#/section/${toc[toc.length - 1]!.id}`,
      );
      expect(await page.evaluate<number>('history.length')).toBe(before);
      expect(await page.textContent('.foot .progress')).toContain('100%');
      await screenshot(page, `flow-end-${direction}`);
    });
  }

  it('reads on from one section into the next with PageDown and the wheel', async () => {
    await page.locator('main .scroller').focus();
    const first = toc[0]!.id;
    for (let i = 0; i < 20 && (await currentSectionId(page)) === first; i++) {
      await page.keyboard.press('PageDown');
      await settled();
    }
    const rank = async () => {
      const id = await currentSectionId(page);
      return toc.findIndex((e) => e.id === id);
    };
    const afterKeys = await rank();
    expect(afterKeys).toBeGreaterThan(0);
    await page.mouse.move(700, 400);
    for (let i = 0; i < 40 && (await rank()) === afterKeys; i++) {
      await page.mouse.wheel(0, 400);
      await settled();
    }
    expect(await rank()).toBeGreaterThan(afterKeys);
  });
});

describe('pages', () => {
  it('reads to the end in vertical writing, one whole page at a time, with the page count', async () => {
    await setVertical();
    await setPaged();
    await page.locator('main .scroller').focus();
    const start = await viewState();
    // Until every run is measured the total is an estimate: 「約 8」 (Japanese), "~8" (English).
    expect(start.label).toMatch(/^p\. 1 \/ (?:約 |~)?\d+$/);
    const labels: string[] = [start.label];
    let turns = 0;
    for (; turns < MAX_PRESSES; turns++) {
      const before = await viewState();
      await page.keyboard.press('Space');
      await nextFrames(page, 2);
      const after = await viewState();
      if (after.label === before.label && after.page === before.page) break;
      labels.push(after.label);
    }
    // The count is known once every run has been laid out or measured; the last page is it.
    await expect.poll(async () => (await viewState()).label).toMatch(/^p\. (\d+) \/ \1$/);
    const end = await viewState();
    const [, last, total] = /^p\. (\d+) \/ (\d+)$/.exec(end.label) ?? [];
    expect(last, end.label).toBeDefined();
    expect(last).toBe(total);
    expect(end.section).toBe(toc[toc.length - 1]!.id);
    // Each turn moved on by one page.
    const numbers = labels.map((l) => Number(/^p\. (\d+)/.exec(l)?.[1]));
    numbers.forEach((n, i) => expect(n).toBe(i + 1));
    // A page shows whole columns: none is cut at the page's edges.
    const cut = await page.evaluate<number>(`(() => {
      const clip = document.querySelector('main .scroller').getBoundingClientRect();
      let cut = 0;
      for (const p of document.querySelectorAll('main article p')) {
        for (const r of p.getClientRects()) {
          const inside = r.top < clip.bottom && r.bottom > clip.top;
          if (inside && (r.top < clip.top - 0.5 || r.bottom > clip.bottom + 0.5)) cut++;
        }
      }
      return cut;
    })()`);
    expect(cut).toBe(0);
    await screenshot(page, 'paged-vertical-end');
  });

  it('turns pages with the arrows, a click on the page edge and the wheel, and keeps the place on a new text size', async () => {
    await setPaged();
    await page.locator('main .scroller').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await viewState()).label).toMatch(/^p\. 2 \//);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await viewState()).label).toMatch(/^p\. 1 \//);
    const pane = await page.locator('main div.pages').boundingBox();
    await page.mouse.click(pane!.x + pane!.width - 10, pane!.y + pane!.height / 2);
    await expect.poll(async () => (await viewState()).label).toMatch(/^p\. 2 \//);
    await page.mouse.move(pane!.x + pane!.width / 2, pane!.y + pane!.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await viewState()).label).toMatch(/^p\. 3 \//);
    // The paragraph the page began with is still on the page shown after A+.
    const onPage = () =>
      page.evaluate<string[]>(`(() => {
        const clip = document.querySelector('main .scroller').getBoundingClientRect();
        return [...document.querySelectorAll('main article p[data-paragraph-id]')]
          .filter((p) => [...p.getClientRects()].some((x) => x.width > 0 && x.left >= clip.left - 1 && x.right <= clip.right + 1 && x.top >= clip.top - 1 && x.bottom <= clip.bottom + 1))
          .map((p) => p.dataset.paragraphId);
      })()`);
    const [first] = await onPage();
    expect(first).toBeDefined();
    await page.click('header button[aria-controls="display-settings"]');
    await page.click('#display-settings button[aria-label="A+ 文字を大きく"]');
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await callApi<{ fontSize: number }>(page, 'getPrefs')).fontSize)
      .toBe(18);
    await expect.poll(onPage).toContain(first);
  });
});

describe('search across the document', () => {
  for (const mode of ['scroll', 'paged'] as const) {
    it(`F3 walks all seven 半導体 hits in four sections (${mode})`, async () => {
      if (mode === 'paged') await setPaged();
      const answer = await callApi<SearchResponse>(page, 'search', { query: '半導体' });
      expect(answer.totalHits).toBe(7);
      expect(new Set(answer.hits.map((h) => h.sectionId)).size).toBe(4);
      await page.keyboard.press('Control+f');
      await page.keyboard.insertText('半導体');
      await page.waitForSelector('#search-results[data-query="半導体"] button.result');
      await page.keyboard.press('Enter');
      await page.waitForSelector('main mark.hit.current');
      const visited: { hit: string | null; section: string | null; label: string | null }[] = [];
      for (let i = 0; i < 7; i++) {
        await page.keyboard.press('F3');
        await nextFrames(page, 2);
        const current = page.locator('main mark.hit.current');
        await expect.poll(() => current.count()).toBe(1);
        // The hit is on screen: in the view, or on the page shown.
        await expect
          .poll(() =>
            page.evaluate<boolean>(`(() => {
              const m = document.querySelector('main mark.hit.current').getBoundingClientRect();
              const v = document.querySelector('main .scroller').getBoundingClientRect();
              return m.left >= v.left - 1 && m.right <= v.right + 1 && m.top >= v.top - 1 && m.bottom <= v.bottom + 1;
            })()`),
          )
          .toBe(true);
        visited.push({
          hit: await current.getAttribute('data-hit'),
          section: await current.evaluate((el) =>
            el.closest('[data-section-id]')!.getAttribute('data-section-id'),
          ),
          label: await page.textContent('.hitbar-label'),
        });
      }
      expect(new Set(visited.map((v) => v.hit))).toEqual(
        new Set(['0', '1', '2', '3', '4', '5', '6']),
      );
      expect(new Set(visited.map((v) => v.section))).toEqual(
        new Set(answer.hits.map((h) => h.sectionId)),
      );
      for (const v of visited) expect(v.label).toContain(`${Number(v.hit) + 1}／7`);
      // Each hit lies in the section the document-wide list says.
      for (const v of visited) expect(v.section).toBe(answer.hits[Number(v.hit)]!.sectionId);
      await screenshot(page, `f3-${mode}`);
    });
  }
});

describe('a selection across sections', () => {
  it('becomes one linked highlight per section, each drawn in its section', async () => {
    // From the last paragraph of 2022年5月 into the first of 2022年7月.
    const a = await callApi<SectionView>(page, 'getSection', { id: 'us-1-2022-05' });
    const b = await callApi<SectionView>(page, 'getSection', { id: 'us-1-2022-07' });
    const from = a.paragraphs[a.paragraphs.length - 1]!;
    const to = b.paragraphs[0]!;
    await page.goto(`${edition.origin}/#/section/${a.id}`);
    await waitReady(page);
    await page.waitForSelector(`main p[data-paragraph-id="${to.id}"]`);
    await selectPassage(page, from.id, 10, 8, to.id);
    await page.locator('.selbar.placed button[data-color="blue"]').click();
    await expect
      .poll(async () => (await callApi<Annotation[]>(page, 'listAnnotations')).length)
      .toBe(2);
    const stored = await callApi<Annotation[]>(page, 'listAnnotations');
    expect(stored.map((n) => n.sectionId).sort()).toEqual([a.id, b.id].sort());
    expect(stored[0]!.groupId).not.toBeNull();
    expect(stored[0]!.groupId).toBe(stored[1]!.groupId);
    for (const n of stored)
      await page
        .locator(`main section[data-section-id="${n.sectionId}"] [data-annotation-id="${n.id}"]`)
        .first()
        .waitFor();
    await screenshot(page, 'highlight-across-sections');

    // Deleting one part asks first, from the keyboard: this section's part, or all of it.
    const ids = async () => (await callApi<Annotation[]>(page, 'listAnnotations')).map((n) => n.id);
    const second = stored.find((n) => n.sectionId === b.id)!;
    const askDelete = async () => {
      await page.locator(`main [data-annotation-id="${second.id}"]`).first().click();
      await page.locator('.note-sheet').waitFor();
      await page.locator('.note-sheet .buttons button.danger').focus();
      await page.keyboard.press('Enter');
      const question = page.locator(
        '.note-sheet [role="group"][aria-labelledby="delete-linked-title"]',
      );
      await question.waitFor();
      expect(await question.textContent()).toContain('2 つの項目にまたがっています');
      await expect.poll(async () => (await focused(page)).tag).toBe('button');
    };
    await askDelete();
    // Escape goes back to the editor, nothing deleted.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#delete-linked-title').count()).toBe(0);
    expect(await page.locator('.note-sheet').count()).toBe(1);
    expect(await ids()).toHaveLength(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.note-sheet').count()).toBe(0);

    // This part only (the focused choice): the other section's part stays, still linked.
    await askDelete();
    await page.keyboard.press('Enter');
    await expect.poll(() => toastText(page)).toBe('ハイライトのこの項目の部分を削除しました');
    await expect.poll(ids).toEqual(stored.filter((n) => n !== second).map((n) => n.id));
    await expect
      .poll(() => page.locator(`main [data-annotation-id="${second.id}"]`).count())
      .toBe(0);
    // Undo brings that part back, linked as before.
    await page.locator('.toast button').click();
    await expect.poll(async () => (await ids()).sort()).toEqual(stored.map((n) => n.id).sort());

    // The whole linked highlight: both parts go, and undo brings both back.
    await askDelete();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(ids).toEqual([]);
    await page.locator('.toast button').click();
    await expect.poll(async () => (await ids()).length).toBe(2);
    for (const n of stored)
      await callApi(page, 'deleteAnnotation', { id: n.id }).catch(() => undefined);
  });
});

describe('vertical writing', () => {
  /** A glossary term (one with a kana after it) put in view: its box and the kana's. */
  interface TermBoxes {
    term: Box;
    next: Box;
    color: string;
  }

  async function termBoxes(word: string): Promise<TermBoxes> {
    return page.evaluate<TermBoxes>(`(() => {
      const word = ${JSON.stringify(word)};
      const term = [...document.querySelectorAll('main .term')].find(
        (t) => t.textContent === word && t.classList.contains('space-after'),
      );
      if (!term) throw new Error('no term ' + word + ' followed by a kana');
      term.scrollIntoView({ block: 'center', inline: 'center' });
      const walker = document.createTreeWalker(term.closest('p'), NodeFilter.SHOW_TEXT);
      let past = false;
      let next = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (term.contains(n)) past = true;
        else if (past && n.length > 0) {
          next = n;
          break;
        }
      }
      if (!next) throw new Error('nothing after ' + word);
      const range = document.createRange();
      range.setStart(next, 0);
      range.setEnd(next, 1);
      const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      return {
        term: box(term.getBoundingClientRect()),
        next: box(range.getClientRects()[0]),
        color: getComputedStyle(term).color,
      };
    })()`);
  }

  it('keeps the kana after a Latin glossary term clear of it, with the 和欧間 space', async () => {
    await setVertical();
    await loadAtSection(page, edition.origin, toc[toc.length - 1]!.id);
    await fontsReady(page);
    for (const word of ['LNG', 'JETRO']) {
      await termBoxes(word);
      await settled();
      const { term, next, color } = await termBoxes(word);
      // Laid out one after the other down the column, with a space between them.
      expect(overlaps(term, next), word).toBe(false);
      expect(next.top - term.bottom, word).toBeGreaterThan(1);
      // Painted so too: the term's box looks the same with the rest of its paragraph
      // drawn in transparent ink, so no glyph but the term's own reaches into it.
      const clip = {
        x: term.left,
        y: term.top,
        width: term.right - term.left,
        height: term.bottom - term.top,
      };
      const withText = await page.screenshot({ clip });
      const css = `main p:has(.term) { color: transparent } main p .term { color: ${color} }`;
      await page.evaluate(`(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(${JSON.stringify(css)});
        document.adoptedStyleSheets = [sheet];
      })()`);
      const termOnly = await page.screenshot({ clip });
      await page.evaluate('document.adoptedStyleSheets = []');
      expect(withText.equals(termOnly), `${word}: another glyph is painted over it`).toBe(true);
    }
  });
});

describe('headings and the outline', () => {
  it("shows section 1's heading as METI's HTML edition has it, editorial, a peer of its siblings", async () => {
    const entry = toc.find((e) => e.title.includes('日米経済関係'));
    expect(entry?.editorial).toBe(true);
    const link = page.locator(`#outline a[data-section-id="${entry!.id}"]`);
    expect(await link.textContent()).toBe('［1．日米経済関係\u3000最近の動き］');
    expect(await link.getAttribute('title')).toBe('編集部による見出し');
    // In the text: the size and weight of the other parts (2．…), with its marker.
    const style = (id: string) =>
      page.evaluate<string>(`(() => {
        const h = document.querySelector('main [data-heading-for="${id}"]');
        if (!h) return '';
        const s = getComputedStyle(h);
        return s.fontSize + ' ' + s.fontWeight;
      })()`);
    const peer = toc.find((e) => e.kind === entry!.kind && !e.editorial)!;
    await page.click(`#outline a[data-section-id="${peer.id}"]`);
    await page.waitForSelector(`main [data-heading-for="${peer.id}"]`);
    const peerStyle = await style(peer.id);
    await link.click();
    await page.waitForSelector(`main .scroller[data-section-id="${entry!.id}"]`);
    expect(await style(entry!.id)).toBe(peerStyle);
    expect(
      await page.getAttribute(`main [data-heading-for="${entry!.id}"]`, 'aria-description'),
    ).toBe('編集部による見出し');
    expect(await page.textContent(`main [data-heading-for="${entry!.id}"] .ed-mark`)).toBeTruthy();
    // No focus ring left on the outline after a mouse click.
    expect(
      await page.evaluate<boolean>(`!!document.querySelector('#outline :focus-visible')`),
    ).toBe(false);
    await screenshot(page, 'outline-section-1');
  });
});

describe('screenshots at three window sizes', () => {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
    [800, 600],
  ] as const) {
    it(`draws the text and the pages at ${width}×${height}`, async () => {
      await page.setViewportSize({ width, height });
      await page
        .click(`#outline a[data-section-id="us-3"]`, { force: true })
        .catch(() => undefined);
      await nextFrames(page, 3);
      await screenshot(page, `flow-${width}x${height}`);
      await setVertical();
      await setPaged();
      await screenshot(page, `paged-vertical-${width}x${height}`);
      const { label } = await viewState();
      expect(label).toMatch(/^p\. \d+ \/ ~?\d+$/);
    });
  }
});
