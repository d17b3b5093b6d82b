// The search copy: every title and paragraph normalized for search
// (common/search/normalize), with the offset edits that map a hit back to display
// offsets. Lunr only proposes candidate sections; this copy is what the search
// checks every query term against (exact matching), so precision and recall do
// not depend on what Lunr indexed.
//
// A section's units (title first, then paragraphs) are joined by a line feed, a
// character no search copy and no query term contains (normalization turns every
// line break into a space or nothing), so one indexOf walk over the section finds
// every occurrence, none spans two units, and a unit's start is a word start.
// Stored beside the Lunr index as compact JSON (an array per section), loaded
// with one JSON.parse and used as it is.
import { normalizeForSearch } from '../../common/search/normalize';

export interface CopyDocument {
  id: string;
  title: string;
  paragraphs: { id: string; text: string }[];
}

/** Between units in a section's search copy. */
export const UNIT_SEPARATOR = '\n';

/**
 * One section: its id; the search copies of its title and paragraphs joined by
 * UNIT_SEPARATOR; the paragraph ids; each unit's offset edits (title first).
 */
export type CopySection = [id: string, text: string, paragraphIds: string[], edits: number[][]];

/** The JSON form. */
interface StoredCopy {
  version: string;
  sections: CopySection[];
}

export class SearchCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchCopyError';
  }
}

export function buildSearchCopy(documents: readonly CopyDocument[]): CopySection[] {
  return documents.map((doc) => {
    const title = normalizeForSearch(doc.title);
    const texts = [title.text];
    const edits = [title.edits];
    for (const p of doc.paragraphs) {
      const n = normalizeForSearch(p.text);
      texts.push(n.text);
      edits.push(n.edits);
    }
    if (texts.some((t) => t.includes(UNIT_SEPARATOR))) {
      // normalization turns line breaks into spaces: reaching this is a bug there
      throw new SearchCopyError(`a search copy in ${doc.id} holds a line break`);
    }
    return [doc.id, texts.join(UNIT_SEPARATOR), doc.paragraphs.map((p) => p.id), edits];
  });
}

/** The search copies of a section's units (title first). */
export function unitTexts(section: CopySection): string[] {
  return section[1].split(UNIT_SEPARATOR);
}

export function serializeSearchCopy(sections: CopySection[], version: string): string {
  const stored: StoredCopy = { version, sections };
  return JSON.stringify(stored);
}

/** Parses a stored copy; throws SearchCopyError when it is not one (or of another version). */
export function parseSearchCopy(text: string, version: string): CopySection[] {
  let stored: StoredCopy;
  try {
    stored = JSON.parse(text) as StoredCopy;
  } catch (err) {
    throw new SearchCopyError(
      `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (stored === null || typeof stored !== 'object' || typeof stored.version !== 'string') {
    throw new SearchCopyError('no version');
  }
  if (stored.version !== version) {
    throw new SearchCopyError(`built by ${stored.version}, this app needs ${version}`);
  }
  if (!Array.isArray(stored.sections)) throw new SearchCopyError('no sections');
  for (const section of stored.sections) {
    if (!isSection(section)) throw new SearchCopyError('a section is malformed');
  }
  return stored.sections;
}

function isSection(value: unknown): value is CopySection {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [id, text, ids, edits] = value as unknown[];
  if (typeof id !== 'string' || typeof text !== 'string') return false;
  if (!Array.isArray(ids) || !ids.every((p) => typeof p === 'string')) return false;
  if (!Array.isArray(edits) || edits.length !== ids.length + 1) return false;
  let separators = 0;
  for (let at = text.indexOf(UNIT_SEPARATOR); at >= 0; at = text.indexOf(UNIT_SEPARATOR, at + 1)) {
    separators++;
  }
  if (separators !== ids.length) return false;
  return edits.every(
    (e) => Array.isArray(e) && e.length % 3 === 0 && e.every((x) => Number.isInteger(x)),
  );
}
