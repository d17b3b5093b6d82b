// Other names (表記ゆれ): the same law, body or agreement written another way —
// インフレ抑制法 for the text's インフレ削減法, IRA for both. When a query finds few or no
// results, the reader is offered the same query with the name written the other ways
// ("also search for …"): a suggestion the reader chooses, never results mixed in
// silently, so a hit list always means exactly what was typed.
//
// "Few" is fewer than FEW_HITS (3) results, counted as the search reports them. With
// 0–2 results the reader has most likely missed passages that use another name (the
// chapter writes IRA twice and インフレ削減法 three times); from 3 on the query works and a
// suggestion would only distract. The table is the curated groups plus every glossary
// pair (long form ⇔ abbreviation), merged where they share a name; names compare as
// search compares them (the search normalization: width, case, spacing, 異体字).
import type { GlossaryEntry, OtherNamesGroup } from './types';
import { FEW_HITS } from '../rules/search';
import { isLatinWordChar } from '../search/chars';
import { normalizeForSearch, normalizeText, toDisplayRange } from '../search/normalize';

/** Suggestions are offered when a query has fewer results than this (the rule's home). */
export { FEW_HITS };
/** At most this many suggestions. */
export const MAX_SUGGESTIONS = 5;

export interface SearchSuggestion {
  /** The whole query to run instead. */
  query: string;
  /** What it replaces in the reader's query, and with what. */
  replaced: string;
  by: string;
  /** Its result count, when the caller could count them. */
  hits?: number;
}

export interface SuggestOptions {
  /** Offer suggestions below this many hits (default FEW_HITS). */
  few?: number;
  max?: number;
  /** Counts a suggestion's results: those with none are dropped, the rest ranked by count. */
  countHits?: (query: string) => number;
}

/** Merges the curated groups and the glossary's pairs into groups of names (first spelling kept). */
export function otherNamesTable(
  curated: readonly Pick<OtherNamesGroup, 'names'>[],
  glossary: readonly Pick<GlossaryEntry, 'abbreviation' | 'longForm' | 'variants'>[],
): string[][] {
  const groups = [
    ...curated.map((g) => g.names),
    ...glossary.map((e) => [e.longForm, e.abbreviation, ...e.variants]),
  ];
  const parent = groups.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const owner = new Map<string, number>();
  groups.forEach((names, i) => {
    for (const name of names) {
      const key = normalizeText(name);
      if (key.length === 0) continue;
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[root(i)] = root(other);
    }
  });
  const merged = new Map<number, { keys: Set<string>; names: string[] }>();
  groups.forEach((names, i) => {
    const r = root(i);
    const group = merged.get(r) ?? { keys: new Set<string>(), names: [] };
    merged.set(r, group);
    for (const name of names) {
      const key = normalizeText(name);
      if (key.length === 0 || group.keys.has(key)) continue;
      group.keys.add(key);
      group.names.push(name);
    }
  });
  return [...merged.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, g]) => g.names)
    .filter((names) => names.length >= 2);
}

const SPACE = /([ \t\u3000]+)/;

/** Where `needle` stands in `haystack` (both normalized), not inside a Latin word; or -1. */
function findName(haystack: string, needle: string): number {
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (
      isLatinWordChar(needle.charCodeAt(0)) &&
      i > 0 &&
      isLatinWordChar(haystack.charCodeAt(i - 1))
    )
      continue;
    if (
      isLatinWordChar(needle.charCodeAt(needle.length - 1)) &&
      end < haystack.length &&
      isLatinWordChar(haystack.charCodeAt(end))
    )
      continue;
    return i;
  }
  return -1;
}

/**
 * "Also search for …": the query with a name it contains written the other ways, when
 * it found fewer than `few` results; [] otherwise. Pure: the caller runs nothing.
 */
export function alsoSearchFor(
  query: string,
  hitCount: number,
  table: readonly (readonly string[])[],
  options: SuggestOptions = {},
): SearchSuggestion[] {
  const few = options.few ?? FEW_HITS;
  const max = options.max ?? MAX_SUGGESTIONS;
  if (!(hitCount < few) || max <= 0) return [];
  const pieces = query.split(SPACE);
  const own = normalizeText(query);
  const seen = new Set<string>([own]);
  const found: SearchSuggestion[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 1 || piece.length === 0) return; // separators sit at odd indexes
    const { text, edits } = normalizeForSearch(piece);
    for (const names of table) {
      // The longest name of the group that the piece contains.
      let best: { name: string; at: number; length: number } | null = null;
      for (const name of names) {
        const key = normalizeText(name);
        if (key.length === 0 || (best && key.length <= best.length)) continue;
        const at = findName(text, key);
        if (at !== -1) best = { name, at, length: key.length };
      }
      if (!best) continue;
      const [start, end] = toDisplayRange(edits, best.at, best.at + best.length);
      const bestKey = normalizeText(best.name);
      for (const other of names) {
        if (normalizeText(other) === bestKey) continue;
        const replacedPieces = [...pieces];
        replacedPieces[index] = piece.slice(0, start) + other + piece.slice(end);
        const suggestion = replacedPieces.join('');
        const key = normalizeText(suggestion);
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ query: suggestion, replaced: piece.slice(start, end), by: other });
      }
    }
  });
  if (!options.countHits) return found.slice(0, max);
  const count = options.countHits;
  return found
    .map((s) => ({ ...s, hits: count(s.query) }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, max);
}
