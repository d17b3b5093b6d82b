// The search copy: every title and paragraph normalized for search
// (common/search/normalize), with the offset edits that map a hit back to display
// offsets. Lunr only proposes candidate sections; this copy is what the search
// checks every query term against (exact matching), so precision and recall do
// not depend on what Lunr indexed. Stored beside the Lunr index as compact JSON
// (an array per section), loaded with one JSON.parse and used as it is.
import { normalizeForSearch } from '../../common/search/normalize';

export interface CopyDocument {
  id: string;
  title: string;
  paragraphs: { id: string; text: string }[];
}

/** One unit: paragraph id (null for the title), search copy, offset edits. */
export type CopyUnit = [id: string | null, text: string, edits: number[]];

/** One section: its id, then its units, the title first. */
export type CopySection = [id: string, units: CopyUnit[]];

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
    const units: CopyUnit[] = [[null, title.text, title.edits]];
    for (const p of doc.paragraphs) {
      const n = normalizeForSearch(p.text);
      units.push([p.id, n.text, n.edits]);
    }
    return [doc.id, units];
  });
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
  if (!Array.isArray(value) || typeof value[0] !== 'string' || !Array.isArray(value[1])) {
    return false;
  }
  const units = value[1] as unknown[];
  if (units.length === 0) return false;
  return units.every(
    (u, k) =>
      Array.isArray(u) &&
      (k === 0 ? u[0] === null : typeof u[0] === 'string') &&
      typeof u[1] === 'string' &&
      Array.isArray(u[2]) &&
      u[2].length % 3 === 0 &&
      (u[2] as unknown[]).every((x) => Number.isInteger(x)),
  );
}
