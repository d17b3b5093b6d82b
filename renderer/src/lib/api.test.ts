import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiCallError, toErrorBody } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
});

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('api transport', () => {
  it('posts JSON to /api/<method> with no cookie when there is no preload bridge', async () => {
    const fetchMock = vi.fn(async () => reply(200, { ok: true, result: [{ id: 's1' }] }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(api.getToc({})).resolves.toEqual([{ id: 's1' }]);
    expect(fetchMock).toHaveBeenCalledWith('/api/getToc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'omit',
      body: '{}',
    });
  });

  it('lets a saved position outlive the page (keepalive), and no other call', async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
      reply(200, { ok: true, result: null }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await api.setPosition({ sectionId: 'us-1', scroll: 0.5 });
    await api.getPrefs({});
    expect(fetchMock.mock.calls.map(([url, init]) => [url, init.keepalive])).toEqual([
      ['/api/setPosition', true],
      ['/api/getPrefs', undefined],
    ]);
  });

  it('turns an error reply into an ApiCallError with the typed code', async () => {
    vi.stubGlobal('fetch', async () =>
      reply(404, { ok: false, error: { code: 'not_found', message: 'no section x' } }),
    );
    const err = await api.getSection({ id: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect(err).toMatchObject({ code: 'not_found', message: 'no section x', method: 'getSection' });
  });

  it('reports a network failure or a non-JSON reply as unavailable', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.getPrefs({})).rejects.toMatchObject({ code: 'unavailable' });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    await expect(api.getPrefs({})).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('uses window.api when the preload exposes it', async () => {
    const getPrefs = vi.fn(async () => ({ theme: 'dark' }));
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('window', { api: { getPrefs } });
    await expect(api.getPrefs({})).resolves.toEqual({ theme: 'dark' });
    expect(getPrefs).toHaveBeenCalledWith({});
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('normalizes whatever a bridge rejects with', () => {
    expect(toErrorBody({ code: 'conflict', message: 'm' })).toEqual({
      code: 'conflict',
      message: 'm',
    });
    expect(toErrorBody({ code: 'Not A Code!', message: 'm' })).toEqual({
      code: 'internal',
      message: 'm',
    });
    expect(toErrorBody('boom')).toEqual({ code: 'internal', message: 'boom' });
  });
});
