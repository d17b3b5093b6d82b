// The outline of a long document, in headless Chromium against the browser edition: the
// chapter twenty times over (240 entries, more than the LONG_OUTLINE built whole at
// start). With the first text, the outline holds the parts around the section being read
// (the entry being read among them, in view in the outline column); the rest arrives once
// that text has been painted, at idle, without moving the current entry out of view; and
// an entry of a part built later opens its section.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TocEntry } from '../../electron/common/api/types';
import { defaultContentInputs } from '../../electron/core/content/inputs';
import { buildSyntheticContentDb } from '../../electron/core/ingest/synthetic';
import { LONG_OUTLINE, NEAR_PARTS } from '../../renderer/src/lib/outline';
import { SATURATED_RUN, WARMUP_BATCH } from '../../renderer/src/lib/document-chars';
import { useE2eSession } from './testing/session';
import { startEdition, type RunningEdition } from './testing/server';
import { DEFAULT_PREFS } from './testing/prefs';
import {
  callApi,
  cspViolations,
  currentSectionId,
  openReader,
  pageErrors,
  screenshot,
  waitReady,
  watchedPage,
} from './testing/reader-page';

const COPIES = 20;
const session = useE2eSession();
let edition: RunningEdition;
let page: Page;
let toc: TocEntry[];

beforeAll(async () => {
  const dir = session.tempDir('long-outline');
  const dbPath = path.join(dir, `content-${COPIES}x.sqlite`);
  buildSyntheticContentDb({ inputs: defaultContentInputs(), dbPath, copies: COPIES });
  edition = await startEdition(path.join(dir, 'user'), { content: dbPath });
  page = await openReader(session.browser.context, edition.url);
  toc = await callApi<TocEntry[]>(page, 'getToc');
}, 300_000);

afterAll(async () => {
  await edition?.stop();
});

/** Outline entries drawn, and whether the current one lies inside the outline's box. */
const OUTLINE_STATE = `(() => {
  const nav = document.querySelector('#outline');
  const links = nav.querySelectorAll('a[data-section-id]');
  const current = nav.querySelector('a[aria-current="page"]');
  const box = nav.getBoundingClientRect();
  const r = current?.getBoundingClientRect();
  return {
    entries: links.length,
    current: current?.dataset.sectionId ?? null,
    // Well inside, not at an edge: the entries around it are in view too.
    currentInView: !!r && r.top >= box.top + r.height && r.bottom <= box.bottom - r.height,
  };
})()`;

/**
 * Waits until `expression` holds in the page (evaluated by the driver: the page's CSP
 * forbids the string evaluation waitForFunction would do in it).
 */
async function until(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > end) throw new Error(`not true within ${timeoutMs} ms: ${expression}`);
    await page.waitForTimeout(50);
  }
}

interface OutlineState {
  entries: number;
  current: string | null;
  currentInView: boolean;
}

describe('the outline of a long document', () => {
  it('starts with the parts near the reader, then builds the rest at idle', async () => {
    expect(toc.length).toBe(12 * COPIES);
    expect(toc.length).toBeGreaterThan(LONG_OUTLINE);
    const parts = toc.filter((e) => e.parent === null);
    // The reader was in a part in the middle.
    const middle = toc.find((e) => e.parent === parts[Math.floor(parts.length / 2)]!.id)!;
    await callApi(page, 'setPrefs', DEFAULT_PREFS);
    await callApi(page, 'setPosition', { sectionId: middle.id, scroll: 0 });

    // A fresh start, with what the outline held when the first paragraph appeared.
    const fresh = await watchedPage(session.browser.context);
    await fresh.addInitScript(`
      new MutationObserver((_, mo) => {
        if (!document.querySelector('main p[data-paragraph-id]')) return;
        mo.disconnect();
        window.__outlineAtFirstText = document.querySelectorAll('#outline a[data-section-id]').length;
      }).observe(document, { childList: true, subtree: true });
    `);
    await fresh.goto(edition.url);
    await waitReady(fresh);
    const atFirstText = await fresh.evaluate<number>('window.__outlineAtFirstText');
    // The part read and NEAR_PARTS parts on either side of it, each with its sections.
    const partOf = (entry: TocEntry): string => {
      let e = entry;
      while (e.parent !== null) e = toc.find((p) => p.id === e.parent)!;
      return e.id;
    };
    const at = parts.findIndex((p) => p.id === partOf(middle));
    const near = new Set(parts.slice(at - NEAR_PARTS, at + NEAR_PARTS + 1).map((p) => p.id));
    expect(atFirstText).toBe(toc.filter((e) => near.has(partOf(e))).length);
    expect(atFirstText).toBeLessThan(toc.length / 2);

    await until(
      fresh,
      `document.querySelectorAll('#outline a[data-section-id]').length === ${toc.length}`,
    );
    const built = await fresh.evaluate<OutlineState>(OUTLINE_STATE);
    expect(built).toEqual({ entries: toc.length, current: middle.id, currentInView: true });
    expect(await currentSectionId(fresh)).toBe(middle.id);
    await screenshot(fresh, 'long-outline');

    // An entry of a part built at idle (the last section) opens its section.
    const last = toc[toc.length - 1]!;
    const link = fresh.locator(`#outline a[data-section-id="${last.id}"]`);
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await until(
      fresh,
      `document.querySelector('main .scroller')?.dataset.sectionId === '${last.id}'`,
    );
    expect((await fresh.evaluate<OutlineState>(OUTLINE_STATE)).current).toBe(last.id);
    expect(await cspViolations(fresh)).toEqual([]);
    expect(await pageErrors(fresh)).toEqual([]);
    await fresh.close();
  });

  it('reads the text for the font warm-up in a few calls, not one per section', async () => {
    const fresh = await watchedPage(session.browser.context);
    /** Each section call of the start: how many ids it carried. */
    const calls: number[] = [];
    fresh.on('request', (request) => {
      const method = /\/api\/(getSections?)$/.exec(request.url())?.[1];
      if (method === 'getSection') calls.push(1);
      if (method === 'getSections')
        calls.push((JSON.parse(request.postData() ?? '{}') as { ids: string[] }).ids.length);
    });
    await fresh.goto(edition.url);
    await waitReady(fresh);
    // Until no section call has gone out for two seconds (the warm-up runs at idle).
    let seen = -1;
    while (seen !== calls.length) {
      seen = calls.length;
      await fresh.waitForTimeout(2000);
    }
    const ids = calls.reduce((a, b) => a + b, 0);
    // The warm-up reads the document until SATURATED_RUN sections in a row bring no new
    // character: on a document that repeats the chapter, a few dozen sections.
    expect(ids).toBeGreaterThan(SATURATED_RUN);
    expect(ids).toBeLessThan(toc.length / 2);
    // WARMUP_BATCH ids a call: a handful of calls, where one call per section made dozens.
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(ids / WARMUP_BATCH) + 3);
    expect(await pageErrors(fresh)).toEqual([]);
    await fresh.close();
  });
});
