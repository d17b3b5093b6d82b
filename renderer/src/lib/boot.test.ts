import { afterEach, describe, expect, it, vi } from 'vitest';

// The transport stubbed: each call answers with its method name.
vi.mock('./api', () => {
  const call = (method: string) => vi.fn(() => Promise.resolve(method));
  return {
    api: {
      getDocument: call('getDocument'),
      getToc: call('getToc'),
      getPosition: call('getPosition'),
      getPrefs: call('getPrefs'),
    },
  };
});

const { api } = await import('./api');
const { startBootRequests, takeBootRequests } = await import('./boot');

afterEach(() => vi.clearAllMocks());

describe('boot requests', () => {
  it('issues the start requests once and hands them over once', async () => {
    startBootRequests();
    startBootRequests();
    expect(api.getToc).toHaveBeenCalledTimes(1);
    const boot = takeBootRequests();
    expect(await boot.toc).toBe('getToc');
    expect(await boot.prefs).toBe('getPrefs');
    expect(api.getToc).toHaveBeenCalledTimes(1);
    // Taken: a later start (none issued early) asks afresh.
    await takeBootRequests().document;
    expect(api.getDocument).toHaveBeenCalledTimes(2);
  });
});
