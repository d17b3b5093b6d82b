// What the browser tests and the benchmark do with the reader page, in one place:
// open the app at a host's startup URL, wait until it is ready, read its state.
// In-page code is passed as strings: this file is compiled without DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { SectionView, TocEntry } from '../../../electron/common/api/types';
import { REPO_ROOT } from './server';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const README_SHOTS_DIR = path.join(REPO_ROOT, 'tests', 'e2e', 'screenshots');

/**
 * Installed before any page script: collects CSP violations and page errors, so a
 * test can assert that normal use triggers none.
 */
const WATCHDOG = `
  window.__hakusho = { csp: [], errors: [] };
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__hakusho.csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
  });
  window.addEventListener('error', (e) => window.__hakusho.errors.push(String(e.message)));
`;

/** A new page that records CSP violations and page errors (cspViolations, pageErrors). */
export async function watchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(WATCHDOG);
  return page;
}

export async function openReader(context: BrowserContext, url: string): Promise<Page> {
  const page = await watchedPage(context);
  await page.goto(url);
  await waitReady(page);
  return page;
}

/** The outline is painted and the text placed where the reader starts. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('#outline a[aria-current="page"]', { state: 'attached' });
  await page.waitForSelector('main .scroller[data-ready]');
}

/**
 * Loads the reader afresh at the top of a section, by its route. The page being left saves
 * its place as it unloads (pagehide), and that save can land after a position a test has
 * just stored, so a test must not rely on the saved position to start somewhere. Leaving
 * through about:blank makes it a real load, not a same-document hash change.
 */
export async function loadAtSection(page: Page, origin: string, sectionId: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${origin}/#/section/${sectionId}`);
  await waitReady(page);
}

export async function currentSectionId(page: Page): Promise<string | null> {
  return page.getAttribute('main .scroller', 'data-section-id');
}

export async function theme(page: Page): Promise<string | null> {
  return page.evaluate<string | null>('document.documentElement.dataset.theme ?? null');
}

export async function writingMode(page: Page): Promise<string> {
  return page.evaluate<string>(
    `getComputedStyle(document.querySelector('main .scroller')).writingMode`,
  );
}

/**
 * How far the start of the view is through the section in view (or `sectionId`), along
 * the reading direction: 0 at its heading, 1 at its end (the text is one continuous scroll).
 */
export async function scrollFraction(page: Page, sectionId?: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const box = document.querySelector('main .scroller');
    const id = ${JSON.stringify(sectionId ?? null)} ?? box.dataset.sectionId;
    const sec = box.querySelector('section[data-section-id="' + id + '"]');
    if (!sec) return -1;
    const vertical = getComputedStyle(box).writingMode === 'vertical-rl';
    const b = box.getBoundingClientRect();
    const r = sec.getBoundingClientRect();
    const into = vertical ? r.right - b.right : b.top - r.top;
    const size = vertical ? r.width : r.height;
    return size > 0 ? Math.min(1, Math.max(0, into / size)) : 0;
  })()`);
}

/** Scrolls the continuous view to `fraction` of the way through section `sectionId`. */
export async function scrollInto(page: Page, sectionId: string, fraction: number): Promise<void> {
  await page.evaluate(`(() => {
    const box = document.querySelector('main .scroller');
    const sec = box.querySelector('section[data-section-id="${sectionId}"]');
    const vertical = getComputedStyle(box).writingMode === 'vertical-rl';
    const b = box.getBoundingClientRect();
    const r = sec.getBoundingClientRect();
    if (vertical) box.scrollLeft += -(b.right - r.right + r.width * ${fraction});
    else box.scrollTop += r.top - b.top + r.height * ${fraction};
  })()`);
}

/** The section with the most text (room to scroll), read through the contract. */
export async function longestSection(page: Page): Promise<SectionView> {
  const toc = await callApi<TocEntry[]>(page, 'getToc');
  const views = await Promise.all(
    toc.map((e) => callApi<SectionView>(page, 'getSection', { id: e.id })),
  );
  const size = (v: SectionView) => v.paragraphs.reduce((n, p) => n + p.text.length, 0);
  return views.reduce((a, b) => (size(b) > size(a) ? b : a));
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__hakusho.csp.slice()');
}

export async function pageErrors(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__hakusho.errors.slice()');
}

/** Calls the contract from the page with the tab's token (as the renderer does). */
export async function callApi<T>(page: Page, method: string, args: object = {}): Promise<T> {
  return page.evaluate<T>(`(async () => {
    const r = await fetch('/api/${method}', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer ' + sessionStorage.getItem('hakusho.token'),
      },
      credentials: 'omit',
      body: ${JSON.stringify(JSON.stringify(args))},
    });
    const body = await r.json();
    if (!body.ok) throw new Error(body.error.code + ': ' + body.error.message);
    return body.result;
  })()`);
}

/** Resolves after the page has painted `count` more frames (its pending updates are on screen). */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(`new Promise((resolve) => {
    let left = ${count};
    const step = () => (--left <= 0 ? resolve(undefined) : requestAnimationFrame(step));
    requestAnimationFrame(step);
  })`);
}

/**
 * Waits until the bundled fonts' stylesheet is in (the app adds it after the first
 * paint) and every face the page uses has loaded — for faithful screenshots.
 */
export async function fontsReady(page: Page): Promise<void> {
  // Waited for in the page (waitForFunction would eval a string there, which the app's
  // CSP rightly refuses): the faces appear when the stylesheet's <link> has loaded, and
  // `load` does not bubble, so it is caught on its way down. 10 s is a limit, not a wait.
  const added = await page.evaluate<boolean>(`new Promise((resolve) => {
    const added = () =>
      [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Noto Serif JP');
    if (added()) return resolve(true);
    const onLoad = () => {
      if (!added()) return;
      document.removeEventListener('load', onLoad, true);
      resolve(true);
    };
    document.addEventListener('load', onLoad, true);
    setTimeout(() => resolve(added()), 10000);
  })`);
  if (!added) throw new Error('the bundled fonts (Noto Serif JP) were never added to the page');
  await page.evaluate('document.fonts.ready.then(() => undefined)');
}

/**
 * Saves a screenshot as a test artifact (test-results/e2e) and, when
 * HAKUSHO_UPDATE_SCREENSHOTS=1, as the README's copy (tests/e2e/screenshots).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fontsReady(page);
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.HAKUSHO_UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(README_SHOTS_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(README_SHOTS_DIR, `${name}.png`));
  }
  return file;
}
