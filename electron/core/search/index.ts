// The search engine: a Lunr index for candidates and ranking, and exact matching
// on the search copy for what the reader sees. Standalone (no Electron, no SQLite):
// give it documents, get ranked section hits with offsets into the display text.
//
// Build: every title and paragraph is normalized into the search copy (./copy);
// lunr.Builder indexes its grams (common/search/tokenizer: every character, and
// every pair of adjacent word characters) per section, title and body as two
// fields (./lunr-ja: our tokenizer, our registered pipeline functions). The stored
// form is Lunr's own JSON (lunr.Index#toJSON) beside the search copy.
//
// Query: the reader's text is parsed into literal terms (common/search/query; no
// Lunr query syntax ever). Each term's grams (queryGrams: its word-character pairs,
// and its characters in no pair) become required clauses of `lunr.Index#query`,
// so Lunr returns every section that holds all of them, scored by its BM25. Those
// candidates are then checked term by term on the search copy
// (common/search/match): a term must occur in the title or within one paragraph,
// Latin terms at word starts. Only sections that pass are returned, with every hit
// mapped to display offsets (DisplayMapper). Order: sections with a title hit
// first, then Lunr's score, then reading order.
import lunr from 'lunr';
import type { HitRange } from '../../common/api/types';
import { findOccurrences, firstOccurrence } from '../../common/search/match';
import { DisplayMapper } from '../../common/search/normalize';
import { parseQuery, type QueryTerm } from '../../common/search/query';
import { queryGrams, TOKENIZER_VERSION } from '../../common/search/tokenizer';
import {
  buildSearchCopy,
  parseSearchCopy,
  SearchCopyError,
  serializeSearchCopy,
  UNIT_SEPARATOR,
  unitTexts,
  type CopySection,
} from './copy';
import { BODY_FIELD, lunrBuilder, PIPELINE, registerLunrJa, TITLE_FIELD } from './lunr-ja';

/** Version of the stored index: our format, the Lunr release and the tokenizer. */
export const SEARCH_INDEX_FORMAT = 3;
export const SEARCH_INDEX_VERSION = `hakusho-search-${SEARCH_INDEX_FORMAT}/lunr-${lunr.version}/${TOKENIZER_VERSION}`;

/**
 * At most this many grams become Lunr clauses (Lunr walks its token set once per
 * clause). A longer query still finds exactly its sections: fewer required grams
 * only widen the candidates, which the exact check narrows again.
 */
export const MAX_QUERY_GRAMS = 64;

export interface SearchIndexDocument {
  id: string;
  title: string;
  paragraphs: { id: string; text: string }[];
}

export interface SectionHit {
  /** Section id. */
  id: string;
  /** Position of the section in reading order (the order the index was built in), from 0. */
  ordinal: number;
  /** Lunr's score (BM25 over the query's grams, title and body fields summed). */
  score: number;
  /** Some term occurs in the title. */
  titleHit: boolean;
  /** Every hit: title hits first (paragraphId null), then paragraphs in reading order. */
  hits: HitRange[];
}

export interface SearchOptions {
  /** Most sections to return (default: all). */
  limit?: number;
}

/** The stored form: what the content database keeps (two artifacts) and loadSearchIndex reads. */
export interface StoredSearchIndex {
  version: string;
  /** Lunr's own JSON (lunr.Index#toJSON), as text. */
  lunr: string;
  /** The search copy (./copy), as text. */
  copy: string;
}

export interface SearchIndex {
  readonly version: string;
  readonly sectionCount: number;
  /** The Lunr index itself (candidates and scores come from its `query`). */
  readonly lunr: lunr.Index;
  search(query: string, opts?: SearchOptions): SectionHit[];
  /** The stored form (Lunr's JSON and the search copy). */
  serialize(): StoredSearchIndex;
  /** The same, for JSON.stringify (one document holding both parts). */
  toJSON(): StoredSearchIndex;
}

export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

const REBUILD = 'rebuild the content with "npm run build:content"';

/** Builds an index over sections (any documents: the white paper, later imports). */
export function createSearchIndex(documents: readonly SearchIndexDocument[]): SearchIndex {
  const sections = buildSearchCopy(documents);
  const builder = lunrBuilder();
  sections.forEach((section, s) => {
    const [title, ...paragraphs] = unitTexts(section);
    builder.add({ ref: refOf(s), [TITLE_FIELD]: [title], [BODY_FIELD]: paragraphs });
  });
  return new LunrSearchIndex(builder.build(), sections);
}

/**
 * Loads a stored index (or its JSON text); refuses one of another version, or
 * one that is damaged, with a message saying to rebuild.
 */
export function loadSearchIndex(stored: StoredSearchIndex | string): SearchIndex {
  let parts: StoredSearchIndex;
  if (typeof stored === 'string') {
    try {
      parts = JSON.parse(stored) as StoredSearchIndex;
    } catch (err) {
      throw damaged(err);
    }
  } else {
    parts = stored;
  }
  if (parts === null || typeof parts !== 'object' || typeof parts.version !== 'string') {
    throw new SearchIndexError(`the stored search index has no version; ${REBUILD}`);
  }
  if (parts.version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexError(
      `the stored search index was built by ${parts.version}, this app needs ${SEARCH_INDEX_VERSION}; ${REBUILD}`,
    );
  }
  if (typeof parts.lunr !== 'string' || typeof parts.copy !== 'string') {
    throw new SearchIndexError(`the stored search index is incomplete; ${REBUILD}`);
  }
  let sections: CopySection[];
  try {
    sections = parseSearchCopy(parts.copy, SEARCH_INDEX_VERSION);
  } catch (err) {
    if (err instanceof SearchCopyError) {
      throw new SearchIndexError(`the stored search copy is damaged (${err.message}); ${REBUILD}`);
    }
    throw err;
  }
  let serialized: unknown;
  try {
    serialized = JSON.parse(parts.lunr);
  } catch (err) {
    throw damaged(err);
  }
  const problem = checkLunrJson(serialized, sections.length);
  if (problem !== null) throw damaged(problem);
  registerLunrJa();
  let index: lunr.Index;
  try {
    index = lunr.Index.load(serialized as object);
  } catch (err) {
    throw damaged(err);
  }
  return new LunrSearchIndex(index, sections);
}

function damaged(reason: unknown): SearchIndexError {
  const why = reason instanceof Error ? reason.message : String(reason);
  return new SearchIndexError(`the stored search index is damaged (${why}); ${REBUILD}`);
}

/** What lunr.Index.load would trip on or silently misread; null when it looks whole. */
function checkLunrJson(value: unknown, sectionCount: number): string | null {
  if (value === null || typeof value !== 'object') return 'not a Lunr index';
  const v = value as Record<string, unknown>;
  if (v.version !== lunr.version) return `Lunr ${String(v.version)}, not ${lunr.version}`;
  if (JSON.stringify(v.fields) !== JSON.stringify([TITLE_FIELD, BODY_FIELD])) {
    return 'unexpected fields';
  }
  if (JSON.stringify(v.pipeline) !== JSON.stringify(PIPELINE)) {
    return 'unexpected pipeline';
  }
  if (!Array.isArray(v.invertedIndex) || !Array.isArray(v.fieldVectors)) return 'no postings';
  // One vector per field and section: a section of the copy Lunr lacks could never be found.
  const seen = new Uint8Array(sectionCount);
  for (const entry of v.fieldVectors as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) {
      return 'a field vector is malformed';
    }
    const fieldRef = entry[0] as string;
    const slash = fieldRef.indexOf('/');
    const bit = FIELD_BITS.get(fieldRef.slice(0, slash)) ?? 0;
    const s = ordinalOf(fieldRef.slice(slash + 1), sectionCount);
    if (s < 0 || bit === 0) return 'a document is not in the search copy';
    seen[s] = (seen[s] as number) | bit;
  }
  if (seen.some((bits) => bits !== 3)) return 'a section of the search copy is not indexed';
  return null;
}

const FIELD_BITS: ReadonlyMap<string, number> = new Map([
  [TITLE_FIELD, 1],
  [BODY_FIELD, 2],
]);

/** Lunr's document ref of the section at ordinal s. */
function refOf(s: number): string {
  return String(s);
}

/** The ordinal of a Lunr ref, or -1 when it names no section. */
function ordinalOf(ref: string, sectionCount: number): number {
  const s = Number(ref);
  return Number.isInteger(s) && s >= 0 && s < sectionCount && String(s) === ref ? s : -1;
}

/**
 * The grams that become Lunr clauses: each term's queryGrams,
 * taken in turn from every term so that each term constrains the candidates even
 * when the cap is reached; duplicates once.
 */
export function clauseGrams(terms: readonly QueryTerm[]): string[] {
  const perTerm = terms.map((t) => queryGrams(t.text));
  const out = new Set<string>();
  for (let k = 0; out.size < MAX_QUERY_GRAMS; k++) {
    let more = false;
    for (const grams of perTerm) {
      const gram = grams[k];
      if (gram === undefined) continue;
      more = true;
      out.add(gram);
      if (out.size === MAX_QUERY_GRAMS) break;
    }
    if (!more) break;
  }
  return [...out];
}

interface Candidate {
  section: number;
  score: number;
  titleHit: boolean;
}

class LunrSearchIndex implements SearchIndex {
  readonly version = SEARCH_INDEX_VERSION;
  readonly sectionCount: number;
  private readonly mapper = new DisplayMapper([]);
  /** Per section, where each unit starts in its search copy (computed on first hit). */
  private readonly unitStarts: (Int32Array | undefined)[];

  constructor(
    readonly lunr: lunr.Index,
    private readonly sections: CopySection[],
  ) {
    this.sectionCount = sections.length;
    this.unitStarts = new Array<Int32Array | undefined>(sections.length);
  }

  serialize(): StoredSearchIndex {
    return {
      version: this.version,
      lunr: JSON.stringify(this.lunr),
      copy: serializeSearchCopy(this.sections, this.version),
    };
  }

  toJSON(): StoredSearchIndex {
    return this.serialize();
  }

  search(query: string, opts: SearchOptions = {}): SectionHit[] {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    const grams = clauseGrams(terms);
    let results: lunr.Index.Result[];
    try {
      results = this.lunr.query((q) => {
        for (const gram of grams) {
          q.term(gram, {
            presence: lunr.Query.presence.REQUIRED,
            wildcard: lunr.Query.wildcard.NONE,
            usePipeline: true,
          });
        }
      });
    } catch (err) {
      // Only a damaged index makes Lunr throw here (e.g. a posting for a
      // document it has no vector for).
      throw damaged(err);
    }
    const candidates: Candidate[] = [];
    for (const r of results) {
      const section = ordinalOf(r.ref, this.sectionCount);
      if (section < 0) continue;
      const text = (this.sections[section] as CopySection)[1];
      const separator = text.indexOf(UNIT_SEPARATOR);
      const title = separator < 0 ? text : text.slice(0, separator);
      const titleHit = terms.some((t) => firstOccurrence(title, t) >= 0);
      candidates.push({ section, score: r.score, titleHit });
    }
    candidates.sort(
      (a, b) =>
        Number(b.titleHit) - Number(a.titleHit) || b.score - a.score || a.section - b.section,
    );
    const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : Infinity;
    const out: SectionHit[] = [];
    for (const c of candidates) {
      if (out.length >= limit) break;
      const section = this.sections[c.section] as CopySection;
      // The exact check: every term in the title or within one paragraph.
      if (!terms.every((t) => firstOccurrence(section[1], t) >= 0)) continue;
      out.push({
        id: section[0],
        ordinal: c.section,
        score: c.score,
        titleHit: c.titleHit,
        hits: this.hits(c.section, terms),
      });
    }
    return out;
  }

  /**
   * Every hit of a section in reading order (title first; within a unit by
   * position, ties in term order), mapped to display offsets unit by unit.
   */
  private hits(s: number, terms: readonly QueryTerm[]): HitRange[] {
    const [, text, paragraphIds, edits] = this.sections[s] as CopySection;
    const starts = this.startsOf(s);
    const lists = terms.map((t) => findOccurrences(text, t));
    const cursor = new Int32Array(terms.length);
    let total = 0;
    for (const list of lists) total += list.length / 2;
    const hits = new Array<HitRange>(total);
    let unit = 0;
    let unitStart = 0;
    let nextStart = starts.length > 1 ? (starts[1] as number) : Infinity;
    let mapper = this.mapper.reset(edits[0] as number[]);
    let id: string | null = null;
    for (let n = 0; n < total; n++) {
      // the next occurrence by position, ties in term order
      let best = 0;
      let at = Infinity;
      for (let t = 0; t < lists.length; t++) {
        const i = cursor[t] as number;
        const list = lists[t] as number[];
        if (i < list.length && (list[i] as number) < at) {
          at = list[i] as number;
          best = t;
        }
      }
      const end = (lists[best] as number[])[(cursor[best] as number) + 1] as number;
      cursor[best] = (cursor[best] as number) + 2;
      if (at >= nextStart) {
        do unit++;
        while (unit + 1 < starts.length && at >= (starts[unit + 1] as number));
        unitStart = starts[unit] as number;
        nextStart = unit + 1 < starts.length ? (starts[unit + 1] as number) : Infinity;
        mapper = this.mapper.reset(edits[unit] as number[]);
        id = paragraphIds[unit - 1] as string;
      }
      const start = mapper.start(at - unitStart);
      hits[n] = { paragraphId: id, start, end: Math.max(start, mapper.end(end - unitStart)) };
    }
    return hits;
  }

  /** Where each unit of section s starts in its search copy. */
  private startsOf(s: number): Int32Array {
    let starts = this.unitStarts[s];
    if (starts === undefined) {
      const [, text, paragraphIds] = this.sections[s] as CopySection;
      starts = new Int32Array(paragraphIds.length + 1);
      let at = -1;
      for (let u = 1; u < starts.length; u++) {
        at = text.indexOf(UNIT_SEPARATOR, at + 1);
        starts[u] = at + 1;
      }
      this.unitStarts[s] = starts;
    }
    return starts;
  }
}
