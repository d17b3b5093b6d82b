// Importing a W3C Web Annotation export (ours) into the reader's notes: a verified
// backup of the state before, the whole file parsed and stored in one transaction
// (all or nothing; importing the same file twice adds nothing), then the imported
// highlights re-anchored against this edition.
import { ApiError } from '../../common/api/contract';
import { makeNotice } from '../../common/i18n/notices';
import type { ImportSummary } from '../../common/api/types';
import { ImportFormatError, parseW3c } from '../../common/annotations/w3c';
import type { ContentStore } from '../content/store-types';
import type { SqliteLibrary } from './library';
import { reanchorAnnotations } from './reanchor';

/** Parses and stores a W3C export in one transaction: all or nothing, idempotent. */
export function importW3cInto(library: SqliteLibrary, body: string): ImportSummary {
  let parsed;
  try {
    parsed = parseW3c(body);
  } catch (err) {
    if (err instanceof ImportFormatError)
      throw new ApiError('invalid_input', `import: ${err.message}`);
    throw err;
  }
  const summary: ImportSummary = {
    annotationsAdded: 0,
    annotationsUpdated: 0,
    annotationsUnchanged: 0,
    bookmarksAdded: 0,
    bookmarksUnchanged: 0,
  };
  library.write(() => {
    for (const a of parsed.annotations) {
      const outcome = library.annotations.importRecord(a);
      if (outcome === 'added') summary.annotationsAdded += 1;
      else if (outcome === 'updated') summary.annotationsUpdated += 1;
      else summary.annotationsUnchanged += 1;
    }
    for (const b of parsed.bookmarks) {
      if (library.bookmarks.importRecord(b)) summary.bookmarksAdded += 1;
      else summary.bookmarksUnchanged += 1;
    }
  });
  return summary;
}

/** The whole import as the contract's importAnnotations runs it. */
export async function importAnnotations(
  library: SqliteLibrary,
  content: ContentStore,
  body: string,
): Promise<ImportSummary> {
  // A verified copy of the state before the import (an update may replace older copies of notes).
  await library.backupIfChanged('pre-import');
  const summary = importW3cInto(library, body);
  // Imported notes are re-anchored against this edition right away.
  const after = reanchorAnnotations(library, content);
  if (after.orphaned > 0)
    library.addNotice(makeNotice('imported_annotations_orphaned', { count: after.orphaned }));
  await library.idle();
  return summary;
}
