// The browser edition's session belongs to one instance. Cookies ignore ports, so the
// token is never a cookie: each tab keeps its instance's token in sessionStorage (per
// origin, port included) and sends it as `Authorization: Bearer`. Two instances open
// side by side in one browser both keep working, each on its own notes; a page served
// by another local server learns nothing — no cookie reaches it, it cannot read the
// token, and its requests to the reader's port (read or write) are refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Bookmark } from '../../electron/common/api/types';
import type { RunningEdition } from './testing/server';
import { useE2eSession } from './testing/session';
import {
  callApi,
  currentSectionId,
  openReader,
  pageErrors,
  waitReady,
} from './testing/reader-page';

const session = useE2eSession();
let first: RunningEdition;
let second: RunningEdition;

/** Opens a section from the outline and waits until it is shown (a contract call with the token). */
async function openSection(page: Page, id: string): Promise<void> {
  await page.click(`#outline a[data-section-id="${id}"]`);
  await page.waitForSelector(`main .scroller[data-section-id="${id}"]`);
}

beforeAll(async () => {
  first = await session.start(session.tempDir('first'));
  second = await session.start(session.tempDir('second'));
});

describe('two instances side by side in one browser', () => {
  it('both keep working, each with its own token and its own notes; no cookie is set', async () => {
    expect(first.port).not.toBe(second.port);
    const a = await openReader(session.browser.context, first.url);
    const b = await openReader(session.browser.context, second.url);
    // The first tab keeps working after the second instance was opened…
    await openSection(a, 'us-1');
    await callApi(a, 'toggleBookmark', { sectionId: 'us-1', label: 'A' });
    await openSection(b, 'us-3');
    await callApi(b, 'toggleBookmark', { sectionId: 'us-3', label: 'B' });
    // …and after a reload of each (the token is kept by the tab, not by a cookie).
    await a.reload();
    await waitReady(a);
    await b.reload();
    await waitReady(b);
    expect(await currentSectionId(a)).toBe('us-1');
    expect(await currentSectionId(b)).toBe('us-3');
    expect(new URL(a.url()).searchParams.has('token')).toBe(false);
    const listA = await callApi<Bookmark[]>(a, 'listBookmarks');
    const listB = await callApi<Bookmark[]>(b, 'listBookmarks');
    expect(listA.map((x) => x.label)).toEqual(['A']);
    expect(listB.map((x) => x.label)).toEqual(['B']);
    // Each tab holds its own instance's token, and the browser holds no cookie at all.
    const tokenOf = (p: Page) =>
      p.evaluate<string | null>("sessionStorage.getItem('hakusho.token')");
    expect(await tokenOf(a)).toBe(new URL(first.url).searchParams.get('token'));
    expect(await tokenOf(b)).toBe(new URL(second.url).searchParams.get('token'));
    expect(await session.browser.context.cookies()).toEqual([]);
    expect(await pageErrors(a)).toEqual([]);
    expect(await pageErrors(b)).toEqual([]);
    await a.close();
    await b.close();
  });
});

describe('a page on another local port', () => {
  let other: http.Server;
  let otherOrigin: string;
  const seen: { url: string; cookie: string | undefined; authorization: string | undefined }[] = [];
  let report: Record<string, unknown> | null = null;

  beforeAll(async () => {
    // The page tries what a hostile local page would: read cookies and storage, call the
    // reader's API (readable with CORS, blind with no-cors), write a bookmark blind, and
    // load the reader's start page without the token.
    const page = `<!doctype html><meta charset="utf-8"><title>other</title><script>
      (async () => {
        const target = ${JSON.stringify(first.origin)};
        const out = { cookie: document.cookie, token: sessionStorage.getItem('hakusho.token'),
          local: localStorage.length };
        try {
          const r = await fetch(target + '/api/listBookmarks', { method: 'POST',
            credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' });
          out.read = 'answered ' + r.status + ' ' + (await r.text());
        } catch (e) { out.read = 'failed: ' + e.name; }
        try {
          const r = await fetch(target + '/api/toggleBookmark', { method: 'POST', mode: 'no-cors',
            credentials: 'include', headers: { 'Content-Type': 'text/plain' },
            body: JSON.stringify({ sectionId: 'us-2', label: 'stolen' }) });
          out.blind = r.type;
        } catch (e) { out.blind = 'failed: ' + e.name; }
        try {
          const r = await fetch(target + '/', { credentials: 'include' });
          out.start = 'answered ' + r.status;
        } catch (e) { out.start = 'failed: ' + e.name; }
        await fetch('/report', { method: 'POST', body: JSON.stringify(out) });
      })();
    </script>`;
    other = http.createServer((req, res) => {
      seen.push({
        url: req.url ?? '',
        cookie: req.headers.cookie,
        authorization: req.headers.authorization,
      });
      if (req.url === '/report') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          report = JSON.parse(body) as Record<string, unknown>;
          res.end('ok');
        });
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  });

  it('learns nothing: no cookie reaches it, no token to read, every call refused', async () => {
    const reader = await openReader(session.browser.context, first.url);
    const before = await callApi<Bookmark[]>(reader, 'listBookmarks');
    const hostile = await session.browser.context.newPage();
    await hostile.goto(`${otherOrigin}/page`);
    await expect.poll(() => report, { timeout: 30_000 }).not.toBeNull();
    expect(report).toMatchObject({ cookie: '', token: null, local: 0 });
    // Reading the API cross-origin fails (no CORS), or at most sees a refusal.
    expect(String(report!.read)).toMatch(/^failed: TypeError$|^answered 40[13] /);
    expect(String(report!.read)).not.toContain('"A"');
    // The start page without the token is only the renderer: no user data in it.
    expect(String(report!.start)).toMatch(/^failed: TypeError$|^answered 200$/);
    // Nothing the reader's host knows reached the other server.
    for (const request of seen) {
      expect(request.cookie, request.url).toBeUndefined();
      expect(request.authorization, request.url).toBeUndefined();
    }
    // The blind write was refused: the reader's bookmarks are as they were.
    expect(await callApi<Bookmark[]>(reader, 'listBookmarks')).toEqual(before);
    await hostile.close();
    await reader.close();
  });
});
