// The one id rule: section, paragraph, annotation and bookmark ids are short
// ASCII slugs. The contract's schemas, the stored records, deep links and every
// host check ids against this, so an id one layer accepts is never refused by
// another (or the other way round).

/** Longest id accepted anywhere. */
export const MAX_ID_LENGTH = 200;

/** ASCII letters, digits, ".", "_", ":" and "-". */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

/** The message a refused id gets. */
export const ID_RULE = 'ids are ASCII letters, digits, ".", "_", ":" and "-"';

/** True for a string that follows the id rule. */
export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    ID_PATTERN.test(value)
  );
}
