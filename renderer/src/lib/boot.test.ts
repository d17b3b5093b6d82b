import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The transport stubbed: each call answers with its method name; the outline has six
// sections, the saved position is in the second, and a section answers with its id
// (several sections, with their ids in the order asked).
const toc = ['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => ({ id }));
vi.mock('./api', () => {
  const call = (method: string) => vi.fn(() => Promise.resolve(method));
  return {
    api: {
      getDocument: call('getDocument'),
      getToc: vi.fn(() => Promise.resolve(toc)),
      getPosition: vi.fn(() => Promise.resolve({ sectionId: 's2', scroll: 0.5 })),
      getPrefs: call('getPrefs'),
      getSection: vi.fn(({ id }: { id: string }) => Promise.resolve({ id })),
      getSections: vi.fn(({ ids }: { ids: string[] }) =>
        Promise.resolve(ids.map((id) => ({ id }))),
      ),
      listAnnotations: vi.fn(() => Promise.resolve([])),
      getGlossary: vi.fn(() => Promise.resolve([])),
    },
  };
});

const { api } = await import('./api');
const { bootAnswered, startBootRequests, startWindow, takeBootRequests } = await import('./boot');

/** Lets the stubbed answers and what follows them run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The section requests made, in order: an id asked alone, or the ids of one batch. */
const asked = () => {
  const one = vi.mocked(api.getSection).mock;
  const many = vi.mocked(api.getSections).mock;
  return [
    ...one.calls.map(([a], i) => [one.invocationCallOrder[i]!, a.id] as const),
    ...many.calls.map(([a], i) => [many.invocationCallOrder[i]!, a.ids] as const),
  ]
    .sort(([a], [b]) => a - b)
    .map(([, ids]) => ids);
};

beforeEach(() => vi.stubGlobal('location', { hash: '' }));
afterEach(() => {
  vi.clearAllMocks();
  vi.unstubAllGlobals();
});

describe('boot requests', () => {
  it('issues the start requests once and hands them over once', async () => {
    startBootRequests();
    startBootRequests();
    expect(api.getToc).toHaveBeenCalledTimes(1);
    const boot = takeBootRequests();
    expect(await boot.toc).toBe(toc);
    expect(await boot.prefs).toBe('getPrefs');
    expect(api.getToc).toHaveBeenCalledTimes(1);
    // Taken: a later start (none issued early) asks afresh.
    await takeBootRequests().document;
    expect(api.getDocument).toHaveBeenCalledTimes(2);
  });

  it('asks for the saved position’s section alone, then the rest of the first screen in one call', async () => {
    startBootRequests();
    const boot = takeBootRequests();
    await settle();
    expect(asked()).toEqual(['s2', ['s3', 's4', 's5']]);
    expect(await boot.section('s2')).toEqual({ id: 's2' });
    // Each section of the batch is handed over with its own answer.
    expect(await boot.section('s4')).toEqual({ id: 's4' });
    // Handed over once: the reader's own requests follow.
    expect(boot.section('s2')).toBeNull();
    expect(boot.section('s6')).toBeNull();
  });

  it('asks for a route’s section at once, before the position arrives', async () => {
    vi.stubGlobal('location', { hash: '#/section/s5' });
    const boot = takeBootRequests();
    expect(asked()).toEqual(['s5']);
    await settle();
    expect(asked()).toEqual(['s5', 's6']);
    expect(boot.section('s5')).not.toBeNull();
  });

  it('never asks again for a section the reader took over before it was asked', async () => {
    const boot = takeBootRequests();
    // The reader asked first (and made its own request): the boot leaves it alone.
    expect(boot.section('s3')).toBeNull();
    await settle();
    expect(asked()).toEqual(['s2', ['s4', 's5']]);
  });

  it('without a saved position, asks for the first section alone before the rest', async () => {
    vi.mocked(api.getPosition).mockResolvedValueOnce(null as never);
    const boot = takeBootRequests();
    await settle();
    expect(asked()).toEqual(['s1', ['s2', 's3', 's4']]);
    expect(await boot.section('s1')).toEqual({ id: 's1' });
  });

  it('a failed batch fails the sections it carried, and only those', async () => {
    vi.mocked(api.getSections).mockRejectedValueOnce(new Error('host gone'));
    const boot = takeBootRequests();
    await settle();
    expect(await boot.section('s2')).toEqual({ id: 's2' });
    for (const id of ['s3', 's4', 's5'])
      await expect(boot.section(id)).rejects.toThrow('host gone');
  });
});

describe('waiting for the start’s answers before the frame is built', () => {
  it('resolves once the first screen’s sections have been answered too', async () => {
    const answers: string[] = [];
    const later = <T>(ids: string[], value: T) =>
      new Promise<T>((resolve) =>
        setTimeout(() => {
          answers.push(...ids);
          resolve(value);
        }, 5),
      );
    vi.mocked(api.getSection).mockImplementationOnce(({ id }: { id: string }) =>
      later([id], { id } as never),
    );
    vi.mocked(api.getSections).mockImplementationOnce(({ ids }: { ids: string[] }) =>
      later(ids, ids.map((id) => ({ id })) as never),
    );
    startBootRequests();
    await bootAnswered(10_000);
    expect(answers.sort()).toEqual(['s2', 's3', 's4', 's5']);
    expect(api.listAnnotations).toHaveBeenCalledTimes(1);
    expect(api.getGlossary).toHaveBeenCalledTimes(1);
    takeBootRequests();
  });

  it('stops waiting after its limit when the host does not answer', async () => {
    vi.useFakeTimers();
    try {
      vi.mocked(api.getToc).mockReturnValueOnce(new Promise(() => undefined));
      startBootRequests();
      let done = false;
      void bootAnswered(500).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(499);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
      takeBootRequests();
    } finally {
      vi.useRealTimers();
    }
  });

  it('resolves at once when nothing was asked early', async () => {
    let done = false;
    void bootAnswered(10_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });
});

describe('startWindow', () => {
  const entries = toc as never[];
  it('is the section and the three after it, from the first without one', () => {
    expect(startWindow(entries, 's2')).toEqual(['s2', 's3', 's4', 's5']);
    expect(startWindow(entries, 's6')).toEqual(['s6']);
    expect(startWindow(entries, null)).toEqual(['s1', 's2', 's3', 's4']);
    expect(startWindow(entries, 'gone')).toEqual(['s1', 's2', 's3', 's4']);
  });
});
