// Bounds of what the reader writes (notes, tags, bookmark labels) and of the files
// that bring notes in: the same limits in the contract, in stored records, in an
// imported file and in the editor's input fields.

export const MAX_NOTE_LENGTH = 20_000;
export const MAX_TAG_LENGTH = 50;
export const MAX_TAGS = 32;
export const MAX_LABEL_LENGTH = 200;
/** Largest annotation export accepted by an import (JSON-LD text, in characters). */
export const MAX_IMPORT_BYTES = 50_000_000;
/** Longest backup file name accepted (names are checked against the backup pattern too). */
export const MAX_BACKUP_NAME_LENGTH = 200;
