// Writes wait (without blocking) while another connection holds the write lock;
// everything else is answered at once.
import { describe, expect, it } from 'vitest';
import { invoke, type ApiHandlers } from '../common/api/contract';
import { gateWrites, WRITING_METHODS } from './write-gate';

describe('gateWrites', () => {
  it('holds writing methods until the lock is let go, and nothing else', async () => {
    const calls: string[] = [];
    const handlers = {
      getPosition: () => (calls.push('getPosition'), null),
      setPosition: (p: unknown) => (calls.push('setPosition'), p),
    } as unknown as ApiHandlers;
    let release!: () => void;
    let held: Promise<void> | null = new Promise<void>((resolve) => (release = resolve));
    const gated = gateWrites(handlers, () => held);
    const write = invoke(gated, 'setPosition', { sectionId: 's1', scroll: 0.5 });
    expect(await invoke(gated, 'getPosition', {})).toBeNull();
    expect(calls).toEqual(['getPosition']);
    held = null;
    release();
    expect(await write).toEqual({ sectionId: 's1', scroll: 0.5 });
    expect(calls).toEqual(['getPosition', 'setPosition']);
  });

  it('lists the methods that write the reader’s data', () => {
    for (const m of ['setPosition', 'setPrefs', 'toggleBookmark', 'updateAnnotation'])
      expect(WRITING_METHODS).toContain(m);
    expect(WRITING_METHODS).not.toContain('importProgress');
  });
});
