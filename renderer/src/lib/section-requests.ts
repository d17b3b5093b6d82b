// Asking the core for several sections at once: a long document's reader draws the few
// sections around the one in view, and one call per section cost a round trip each (an
// HTTP request or an IPC message, and the host's work for it). Here the ids go out in
// as few calls as the contract allows — getSections, MAX_SECTIONS_PER_CALL ids each; a
// lone id as getSection — and each id gets its own promise, as if it had been asked for
// alone: a failed call fails the ids it carried, and only those.
import type { ApiClient } from '../../../electron/common/api/contract';
import type { SectionView } from '../../../electron/common/api/types';
import { sectionBatches } from '../../../electron/common/rules/sections';

export type SectionsApi = Pick<ApiClient, 'getSection' | 'getSections'>;

/**
 * One request per MAX_SECTIONS_PER_CALL ids (an id given twice is asked for once: the
 * contract refuses a repeated id); each id's promise resolves with its own view.
 */
export function requestSections(
  api: SectionsApi,
  ids: readonly string[],
): Map<string, Promise<SectionView>> {
  const requests = new Map<string, Promise<SectionView>>();
  for (const run of sectionBatches([...new Set(ids)])) {
    if (run.length === 1) {
      requests.set(run[0]!, api.getSection({ id: run[0]! }));
      continue;
    }
    const batch = api.getSections({ ids: run });
    run.forEach((id, i) =>
      requests.set(
        id,
        batch.then((views) => {
          const view = views[i];
          // The contract answers in the order asked; anything else is a broken host.
          if (view?.id !== id) throw new Error(`getSections: no answer for section "${id}"`);
          return view;
        }),
      ),
    );
  }
  return requests;
}
