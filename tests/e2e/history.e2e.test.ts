// The reader's history and in-app routes in headless Chromium against the browser
// edition: every section opened is a history entry (#/section/<id>), Back/Forward walk
// through them and come back to where one was, a route in the URL opens its section (and
// an annotation's passage) at start, and a route to a section that does not exist falls
// back to the saved position with a notice.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Annotation, SectionView, TocEntry } from '../../electron/common/api/types';
import type { RunningEdition } from './testing/server';
import { useE2eSession } from './testing/session';
import {
  callApi,
  cspViolations,
  currentSectionId,
  longestSection,
  openReader,
  pageErrors,
  scrollFraction,
  scrollInto,
  waitReady,
} from './testing/reader-page';

const session = useE2eSession({ viewport: { width: 1100, height: 700 } });
let edition: RunningEdition;
let page: Page;
let toc: TocEntry[];
let longest: SectionView;

const hash = (p: Page) => p.evaluate<string>('location.hash');
const historyLength = (p: Page) => p.evaluate<number>('history.length');

async function showing(p: Page, id: string): Promise<void> {
  await p.waitForSelector(`main .scroller[data-section-id="${id}"]`);
  await p.waitForSelector(`#outline a[data-section-id="${id}"][aria-current="page"]`);
}

/**
 * Opens the reader in a new tab of the same browser at `hash`. A new tab has a
 * sessionStorage of its own, so it opens the printed URL (with its token) plus the route.
 */
async function openAt(routeHash: string): Promise<Page> {
  return openReader(session.browser.context, `${edition.url}${routeHash}`);
}

beforeAll(async () => {
  edition = await session.start(session.tempDir('history'));
  page = await openReader(session.browser.context, edition.url);
  toc = await callApi<TocEntry[]>(page, 'getToc');
  longest = await longestSection(page);
});

describe('history', () => {
  it('gives each opened section an entry that Back and Forward return to', async () => {
    const first = await currentSectionId(page);
    expect(await hash(page)).toBe(`#/section/${first}`);
    const start = await historyLength(page);

    await page.click('#outline a[data-section-id="us-1"]');
    await showing(page, 'us-1');
    await page.click('#outline a[data-section-id="us-3"]');
    await showing(page, 'us-3');
    await page.locator('main').press(']');
    const next = (await callApi<SectionView>(page, 'getSection', { id: 'us-3' })).next!;
    await showing(page, next);
    expect(await hash(page)).toBe(`#/section/${next}`);
    expect(await historyLength(page)).toBe(start + 3);

    // Re-opening the section being read adds no entry.
    await page.click(`#outline a[data-section-id="${next}"]`);
    await showing(page, next);
    expect(await historyLength(page)).toBe(start + 3);

    await page.evaluate('history.back()');
    await showing(page, 'us-3');
    expect(await hash(page)).toBe('#/section/us-3');
    await page.evaluate('history.back()');
    await showing(page, 'us-1');
    await page.evaluate('history.forward()');
    await showing(page, 'us-3');
    await page.evaluate('history.forward()');
    await showing(page, next);
    // Following history moves through entries; it creates none.
    expect(await historyLength(page)).toBe(start + 3);
    expect(await cspViolations(page)).toEqual([]);
    expect(await pageErrors(page)).toEqual([]);
  });

  it('comes back to where one was in a section', async () => {
    await page.click(`#outline a[data-section-id="${longest.id}"]`);
    await showing(page, longest.id);
    await scrollInto(page, longest.id, 0.6);
    const before = await scrollFraction(page, longest.id);
    expect(before).toBeGreaterThan(0.5);
    // Once the scroll is recorded in the history entry, leave and come back.
    await expect
      .poll(() => page.evaluate<number | null>('history.state?.hakushoScroll ?? null'))
      .toBeGreaterThan(0.4);
    const other = toc.find((e) => e.id !== longest.id)!.id;
    await page.click(`#outline a[data-section-id="${other}"]`);
    await showing(page, other);
    expect(await scrollFraction(page)).toBe(0);
    await page.evaluate('history.back()');
    await showing(page, longest.id);
    // The entry keeps a share of the section's characters: back within a line or two.
    await expect.poll(() => scrollFraction(page, longest.id)).toBeCloseTo(before, 1);
  });

  it('follows a route written into the address bar (hashchange)', async () => {
    await page.evaluate(`location.hash = '#/section/canada'`);
    await showing(page, 'canada');
  });
});

describe('routes at start', () => {
  it('opens the section a route names, replacing the entry', async () => {
    // A new tab's history length with no route (the blank page counts too), for comparison.
    const plain = await openAt('');
    const base = await historyLength(plain);
    await plain.close();
    const tab = await openAt('#/section/us-3');
    try {
      expect(await currentSectionId(tab)).toBe('us-3');
      expect(await tab.textContent('main [data-heading-for="us-3"]')).toContain('3．');
      expect(await historyLength(tab)).toBe(base);
      expect(await hash(tab)).toBe('#/section/us-3');
    } finally {
      await tab.close();
    }
  });

  it("scrolls to an annotation's passage and flashes it", async () => {
    const paragraph = longest.paragraphs[longest.paragraphs.length - 1]!;
    const note = await callApi<Annotation>(page, 'addAnnotation', {
      startParagraphId: paragraph.id,
      startOffset: 0,
      endOffset: Math.min(12, paragraph.text.length),
      color: 'green',
    });
    // Start elsewhere, so the route (not the saved position) must do the work.
    await callApi(page, 'setPosition', { sectionId: 'us-1', scroll: 0 });
    const tab = await openAt(`#/section/${longest.id}?annotation=${note.id}`);
    try {
      expect(await currentSectionId(tab)).toBe(longest.id);
      const mark = tab.locator(`main [data-annotation-id="${note.id}"]`).first();
      await mark.waitFor();
      await expect.poll(() => mark.evaluate((el) => el.classList.contains('flash'))).toBe(true);
      // In view: inside the scroller's box, which had to scroll to get there.
      await expect
        .poll(() =>
          tab.evaluate<boolean>(`(() => {
            const box = document.querySelector('main .scroller').getBoundingClientRect();
            const r = document.querySelector('main [data-annotation-id="${note.id}"]').getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom;
          })()`),
        )
        .toBe(true);
      expect(await scrollFraction(tab)).toBeGreaterThan(0.3);
      expect(await cspViolations(tab)).toEqual([]);
      expect(await pageErrors(tab)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('falls back to the saved position with a notice for an unknown section', async () => {
    await callApi(page, 'setPosition', { sectionId: 'us-4', scroll: 0 });
    const tab = await openAt('#/section/no-such-section');
    try {
      expect(await currentSectionId(tab)).toBe('us-4');
      expect(await tab.textContent('main .inline-error[role="alert"]')).toContain(
        'no-such-section',
      );
      expect(await hash(tab)).toBe('#/section/us-4');
      // The reader works on: the next section opens, and the notice goes.
      await tab.locator('main').press(']');
      await waitReady(tab);
      await tab.waitForSelector('main .scroller:not([data-section-id="us-4"])');
      expect(await tab.locator('main .inline-error').count()).toBe(0);
      expect(await pageErrors(tab)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('ignores what is not a route and opens the saved position', async () => {
    await callApi(page, 'setPosition', { sectionId: 'us-3', scroll: 0 });
    const tab = await openAt('#/section/..%2Fx?annotation=a&b');
    try {
      expect(await currentSectionId(tab)).toBe('us-3');
      expect(await hash(tab)).toBe('#/section/us-3');
    } finally {
      await tab.close();
    }
  });
});
