// How many sections one call may ask for (getSections). A reader draws the few sections
// around the one in view, and a jump on a long document needs half a dozen of them: one
// call instead of one per section. The bound keeps an answer the size of a few screens of
// text, so no call can ask for a whole library document at once. Defined once here: the
// contract refuses more, and callers split their requests by it (sectionBatches).

/** Most section ids in one getSections call. */
export const MAX_SECTIONS_PER_CALL = 32;

/** `ids` in runs of at most MAX_SECTIONS_PER_CALL, in order: one getSections call each. */
export function sectionBatches<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < ids.length; at += MAX_SECTIONS_PER_CALL)
    out.push(ids.slice(at, at + MAX_SECTIONS_PER_CALL));
  return out;
}
