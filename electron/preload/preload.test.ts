// The preload exposes exactly the contract's methods as `window.api` and
// nothing that reaches ipcRenderer; replies and errors are unwrapped.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../common/api/contract';
import { API_CHANNEL } from '../common/api/channel';
import { MAX_DOCUMENT_FILE_BYTES } from '../common/rules/library';
import { buildApi } from './api';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (_channel: string, method: string, _args: unknown) => ({
  ok: true,
  result: `result of ${method}`,
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  },
  ipcRenderer: { invoke: (...a: [string, string, unknown]) => invoke(...a) },
}));

(globalThis as { __HAKUSHO_API_METHODS__?: readonly string[] }).__HAKUSHO_API_METHODS__ =
  API_METHODS;

describe('preload', () => {
  beforeEach(() => invoke.mockClear());

  it('exposes window.api with exactly the contract method names', async () => {
    await import('./index');
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.getPrototypeOf(api)).toBeNull();
    expect('ipcRenderer' in api).toBe(false);
    expect('invoke' in api).toBe(false);
    expect('send' in api).toBe(false);
  });

  it('sends (method, args) on the one channel and returns the result', async () => {
    await import('./index');
    const api = exposed.get('api') as Record<string, (a: unknown) => Promise<unknown>>;
    await expect(api.getSection!({ id: 's1' })).resolves.toBe('result of getSection');
    expect(invoke).toHaveBeenCalledWith(API_CHANNEL, 'getSection', { id: 's1' });
    const ids = ['s1', 's2'];
    await expect(api.getSections!({ ids })).resolves.toBe('result of getSections');
    expect(invoke).toHaveBeenCalledWith(API_CHANNEL, 'getSections', { ids });
  });
});

describe('buildApi', () => {
  it('rejects with a plain {code, message} for typed errors, transport errors and bad replies', async () => {
    const failing = buildApi(API_METHODS, async () => ({
      ok: false,
      error: { code: 'not_found', message: 'no section', extra: 'dropped' },
    }));
    await expect(failing.getSection({ id: 'x' })).rejects.toEqual({
      code: 'not_found',
      message: 'no section',
    });
    const broken = buildApi(API_METHODS, async () => {
      throw new Error("Error invoking remote method 'hakusho:api'");
    });
    await expect(broken.getToc({})).rejects.toEqual({
      code: 'internal',
      message: "Error invoking remote method 'hakusho:api'",
    });
    const odd = buildApi(API_METHODS, async () => 'not an envelope');
    await expect(odd.getToc({})).rejects.toMatchObject({ code: 'internal' });
  });

  it("refuses a file over its method's limit before sending it to main", async () => {
    const send = vi.fn(async () => ({ ok: true, result: null }));
    const api = buildApi(API_METHODS, send);
    const big = new Uint8Array(MAX_DOCUMENT_FILE_BYTES + 1);
    await expect(api.importDocument({ name: 'big.pdf', file: big })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringContaining(`(${MAX_DOCUMENT_FILE_BYTES} bytes)`),
    });
    expect(send).not.toHaveBeenCalled();
    await api.importDocument({ name: 'small.pdf', file: new Uint8Array(3) });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
