// Bounds of what the reader writes (notes, tags, bookmark labels) and of the files
// that bring notes in: the same limits in the contract, in stored records, in an
// imported file and in the editor's input fields.

export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAG_LENGTH = 50;
export const MAX_TAGS = 32;
export const MAX_LABEL_LENGTH = 200;
/** Largest annotation export accepted by an import (JSON-LD text, in characters). */
export const MAX_IMPORT_BYTES = 50_000_000;
/**
 * Largest import file taken as bytes: UTF-8 needs at most 3 bytes per character of
 * the text (4 per surrogate pair), so any file within MAX_IMPORT_BYTES characters fits.
 */
export const MAX_IMPORT_FILE_BYTES = 3 * MAX_IMPORT_BYTES;
/** Most items (annotations and bookmarks) one import file may hold. */
export const MAX_IMPORT_ITEMS = 100_000;
/**
 * How far in the future an imported item's `created`/`modified` may lie (clock skew
 * between machines): beyond it, the item is refused.
 */
export const MAX_IMPORT_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Conflicts and refusals an import reports one by one (the rest are counted). */
export const MAX_IMPORT_REPORTS = 1000;
/** Longest backup file name accepted (names are checked against the backup pattern too). */
export const MAX_BACKUP_NAME_LENGTH = 200;
