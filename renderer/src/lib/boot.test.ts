import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The transport stubbed: each call answers with its method name; the outline has six
// sections, the saved position is in the second, and a section answers with its id.
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
      listAnnotations: vi.fn(() => Promise.resolve([])),
      getGlossary: vi.fn(() => Promise.resolve([])),
    },
  };
});

const { api } = await import('./api');
const { bootAnswered, startBootRequests, startWindow, takeBootRequests } = await import('./boot');

/** Lets the stubbed answers and what follows them run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const asked = () => vi.mocked(api.getSection).mock.calls.map(([args]) => args.id);

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

  it('asks for the saved position’s section and the first screen after it, each once', async () => {
    startBootRequests();
    const boot = takeBootRequests();
    await settle();
    expect(asked()).toEqual(['s2', 's3', 's4', 's5']);
    expect(await boot.section('s2')).toEqual({ id: 's2' });
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
    expect(asked()).toEqual(['s2', 's4', 's5']);
  });
});

describe('waiting for the start’s answers before the frame is built', () => {
  it('resolves once the first screen’s sections have been answered too', async () => {
    const answers: string[] = [];
    vi.mocked(api.getSection).mockImplementation(
      ({ id }: { id: string }) =>
        new Promise((resolve) =>
          setTimeout(() => {
            answers.push(id);
            resolve({ id } as never);
          }, 5),
        ),
    );
    startBootRequests();
    await bootAnswered(10_000);
    expect(answers.sort()).toEqual(['s2', 's3', 's4', 's5']);
    expect(api.listAnnotations).toHaveBeenCalledTimes(1);
    expect(api.getGlossary).toHaveBeenCalledTimes(1);
    takeBootRequests();
    vi.mocked(api.getSection).mockImplementation(({ id }: { id: string }) =>
      Promise.resolve({ id } as never),
    );
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
