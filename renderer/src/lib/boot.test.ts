import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The transport stubbed: each call answers with its method name; the outline has six
// sections, the saved position is in the second, and the start's text is the section it
// opens (the route's when the outline has it, else the position's) and the three after it,
// each answered as its id.
const toc = ['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => ({ id }));
const startOf = ({ sectionId }: { sectionId?: string } = {}) => {
  const opening = toc.some((e) => e.id === sectionId) ? sectionId! : 's2';
  const at = toc.findIndex((e) => e.id === opening);
  return {
    position: { sectionId: 's2', scroll: 0.5 },
    opening,
    sections: toc.slice(at, at + 4).map((e) => ({ id: e.id })),
  };
};
vi.mock('./api', () => {
  const call = (method: string) => vi.fn(() => Promise.resolve(method));
  return {
    api: {
      getDocument: call('getDocument'),
      getToc: vi.fn(() => Promise.resolve(toc)),
      getStart: vi.fn((args: { sectionId?: string }) => Promise.resolve(startOf(args))),
      getPrefs: call('getPrefs'),
      getSection: vi.fn(),
      getSections: vi.fn(),
      listAnnotations: vi.fn(() => Promise.resolve([])),
      getGlossary: vi.fn(() => Promise.resolve([])),
    },
  };
});

const { api } = await import('./api');
const { bootAnswered, startBootRequests, startWindow, takeBootRequests } = await import('./boot');

/** Lets the stubbed answers and what follows them run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

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

  it('asks for the saved position and the first screen’s text in one call', async () => {
    startBootRequests();
    const boot = takeBootRequests();
    await settle();
    expect(api.getStart).toHaveBeenCalledTimes(1);
    expect(api.getStart).toHaveBeenCalledWith({});
    expect(api.getSection).not.toHaveBeenCalled();
    expect(api.getSections).not.toHaveBeenCalled();
    expect(await boot.position).toEqual({ sectionId: 's2', scroll: 0.5 });
    expect(await boot.section('s2')).toEqual({ id: 's2' });
    expect(await boot.section('s5')).toEqual({ id: 's5' });
    // Handed over once: the reader's own requests follow.
    expect(boot.section('s2')).toBeNull();
    expect(boot.section('s6')).toBeNull();
  });

  it('names a route’s section in that call', async () => {
    vi.stubGlobal('location', { hash: '#/section/s5' });
    const boot = takeBootRequests();
    expect(api.getStart).toHaveBeenCalledWith({ sectionId: 's5' });
    await settle();
    expect(await boot.section('s5')).toEqual({ id: 's5' });
    expect(await boot.section('s6')).toEqual({ id: 's6' });
    expect(boot.section('s2')).toBeNull();
  });

  it('never hands over a section the reader took over before the answer', async () => {
    const boot = takeBootRequests();
    // The reader asked first (and made its own request): the boot's answer is not used.
    expect(boot.section('s3')).toBeNull();
    await settle();
    expect(boot.section('s3')).toBeNull();
    expect(await boot.section('s4')).toEqual({ id: 's4' });
  });

  it('a failed start fails the position and hands over no text', async () => {
    vi.mocked(api.getStart).mockRejectedValueOnce(new Error('host gone'));
    startBootRequests();
    await bootAnswered(10_000);
    const boot = takeBootRequests();
    await expect(boot.position).rejects.toThrow('host gone');
    expect(boot.section('s2')).toBeNull();
  });
});

describe('waiting for the start’s answers before the frame is built', () => {
  it('resolves once the start’s text has been answered too', async () => {
    let answered = false;
    vi.mocked(api.getStart).mockImplementationOnce(
      (args) =>
        new Promise((resolve) =>
          setTimeout(() => {
            answered = true;
            resolve(startOf(args) as never);
          }, 5),
        ),
    );
    startBootRequests();
    await bootAnswered(10_000);
    expect(answered).toBe(true);
    expect(api.listAnnotations).toHaveBeenCalledTimes(1);
    expect(api.getGlossary).toHaveBeenCalledTimes(1);
    expect(await takeBootRequests().section('s3')).toEqual({ id: 's3' });
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
