// While an import's worker thread holds user.sqlite's write lock (its one
// transaction), a write from the host's thread would wait for it inside SQLite —
// synchronously, with every other request queued behind it. Calls that write wait
// here instead, without blocking: reading, searching and the import's own progress
// go on being answered, and each write runs once the import has committed (or
// rolled back). The list of writing methods is kept here, once.
import type { ApiHandlers, ApiMethod } from '../common/api/contract';

export const WRITING_METHODS = [
  'setPrefs',
  'setPosition',
  'toggleBookmark',
  'addBookmark',
  'renameBookmark',
  'deleteBookmark',
  'restoreBookmark',
  'addAnnotation',
  'addSectionNote',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'createBackup',
  'restoreBackup',
  'deleteBackup',
] as const satisfies readonly ApiMethod[];

/**
 * `handlers` with each writing method first awaiting `held()` (a promise while writes
 * must wait, null when they need not).
 */
export function gateWrites<H extends Partial<ApiHandlers>>(
  handlers: H,
  held: () => Promise<void> | null,
): H {
  const gated: Record<string, unknown> = { ...handlers };
  for (const method of WRITING_METHODS) {
    const handler = handlers[method] as ((args: unknown) => unknown) | undefined;
    if (!handler) continue;
    gated[method] = async (args: unknown) => {
      const wait = held();
      if (wait) await wait;
      return handler(args);
    };
  }
  return gated as H;
}
