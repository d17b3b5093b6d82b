// The line over a list of search results — “関税”: 5 matches in 2 sections and 1 note —
// for the results panel and the CLI alike. Text sections and notes are counted apart
// (a note is not a section), each only when some matched; the words and their plurals
// come from the string table.
import type { Language } from '../api/types';
import { translate } from './format';

export interface ResultCounts {
  query: string;
  /** Every hit, in the text and in notes. */
  hits: number;
  /** Sections of the text with a hit. */
  sections: number;
  /** The reader's notes with a hit. */
  notes: number;
}

export function resultsSummary(language: Language, counts: ResultCounts): string {
  const parts: string[] = [];
  if (counts.sections > 0 || counts.notes === 0)
    parts.push(translate(language, 'sectionCount', { count: counts.sections }));
  if (counts.notes > 0) parts.push(translate(language, 'noteCount', { count: counts.notes }));
  const where =
    parts.length === 2 ? translate(language, 'listAnd', { a: parts[0]!, b: parts[1]! }) : parts[0]!;
  return translate(language, 'resultsCount', { query: counts.query, hits: counts.hits, where });
}
