// How many sections one call may ask for (getSections). A reader draws the few sections
// around the one in view, and a jump on a long document needs half a dozen of them: one
// call instead of one per section. The bound keeps an answer the size of a few screens of
// text, so no call can ask for a whole library document at once. Defined once here: the
// contract refuses more, and the renderer splits its requests by it.

/** Most section ids in one getSections call. */
export const MAX_SECTIONS_PER_CALL = 32;
