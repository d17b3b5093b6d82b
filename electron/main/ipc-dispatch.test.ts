// IPC calls: refused from any frame but our own top-level document, unknown
// methods and bad arguments answered with typed errors, never thrown.
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../core/api';
import { memoryContentStore } from '../core/testing/content-store';
import { tempLibrary } from '../core/testing/user-data';
import { dispatchIpcCall } from './ipc-dispatch';
import { APP_ENTRY_URL } from './security';

const user = tempLibrary();
const handlers = createHandlers({
  content: memoryContentStore(),
  search: null,
  library: user.library,
});
afterAll(() => user.cleanup());
const trusted = { url: APP_ENTRY_URL, isMainFrame: true };

describe('dispatchIpcCall', () => {
  it('answers our own frame', async () => {
    const reply = await dispatchIpcCall(handlers, trusted, 'getSection', { id: 's1-3' });
    expect(reply.ok).toBe(true);
    if (reply.ok) expect((reply.result as { title: string }).title).toBe('3．半導体産業政策');
  });

  it('answers a batch of sections in the order asked, naming unknown ids', async () => {
    const reply = await dispatchIpcCall(handlers, trusted, 'getSections', { ids: ['s1-3', 's1'] });
    expect(reply.ok && (reply.result as { id: string }[]).map((v) => v.id)).toEqual(['s1-3', 's1']);
    expect(
      await dispatchIpcCall(handlers, trusted, 'getSections', { ids: ['s1', 'nope'] }),
    ).toEqual({ ok: false, error: { code: 'not_found', message: 'no section with id "nope"' } });
    const twice = await dispatchIpcCall(handlers, trusted, 'getSections', { ids: ['s1', 's1'] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses other frames before looking at the call', async () => {
    let called = false;
    const spy = { ...handlers, setPrefs: () => ((called = true), handlers.getPrefs({})) };
    for (const sender of [
      null,
      { url: 'https://attacker.example/', isMainFrame: true },
      { url: APP_ENTRY_URL, isMainFrame: false },
      { url: 'file:///tmp/x.html', isMainFrame: true },
      { url: 'app://reader.attacker.com/index.html', isMainFrame: true },
    ]) {
      const reply = await dispatchIpcCall(spy, sender, 'setPrefs', { theme: 'dark' });
      expect(reply).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'IPC call from an untrusted frame' },
      });
    }
    expect(called).toBe(false);
  });

  it('turns unknown methods and invalid arguments into typed errors', async () => {
    for (const method of ['nope', '__proto__', 'constructor', 42, null]) {
      const reply = await dispatchIpcCall(handlers, trusted, method, {});
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('not_found');
    }
    const bad = await dispatchIpcCall(handlers, trusted, 'setPrefs', { fontSize: 'huge' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await dispatchIpcCall(handlers, trusted, 'getSection', { id: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reports a handler crash as internal, not as a thrown error', async () => {
    const broken = {
      ...handlers,
      getToc: () => {
        throw new TypeError('boom');
      },
    };
    expect(await dispatchIpcCall(broken, trusted, 'getToc', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'getToc: boom' },
    });
  });
});
