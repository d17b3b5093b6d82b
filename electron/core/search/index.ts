// The search engine: a Lunr index over character n-grams of normalized text, with
// exact verification. Standalone (no Electron, no SQLite): give it documents, get
// ranked section hits with offsets into the display text.
//
// Build: lunr.Builder with our tokenizer (unigrams + bigrams of the normalized
// paragraphs and title, see common/search/tokenizer) and an empty pipeline (no
// trimmer, stemmer or stop words, which would drop Japanese). Lunr computes the
// inverted index and the BM25 field vectors. We store them compactly: the term list,
// and per term and field a posting list of (section, Lunr BM25 weight) as varints,
// beside the normalized text of every paragraph and its offset edits.
//
// Query: parse the reader's text into literal terms (never Lunr query syntax), take
// each term's n-grams, intersect their posting lists (rarest first) to get candidate
// sections, then verify every candidate by exact matching on the normalized text:
// precision and recall are both exact. Scores are Lunr's: the same query-vector
// similarity lunr.Index#query computes from the field vectors (one clause per n-gram).
import lunr from 'lunr';
import { findOccurrences } from '../../common/search/match';
import { DisplayMapper, normalizeForSearch } from '../../common/search/normalize';
import { parseQuery, type QueryTerm } from '../../common/search/query';
import { indexGrams, queryGrams, TOKENIZER_VERSION } from '../../common/search/tokenizer';
import type { HitRange } from '../../common/api/types';
import { readVarint, VarintWriter } from './varint';

/** Version of the stored index: the format and the tokenizer it was built with. */
export const SEARCH_INDEX_FORMAT = 1;
export const SEARCH_INDEX_VERSION = `hakusho-search-${SEARCH_INDEX_FORMAT}/${TOKENIZER_VERSION}`;

/** At most this many n-grams enter the score (a 10,000-character query stays bounded). */
export const MAX_SCORED_GRAMS = 256;
/** Candidate intersection stops once this few sections remain; verification is exact. */
const ENOUGH_CANDIDATES = 8;

export interface SearchIndexDocument {
  id: string;
  title: string;
  paragraphs: { id: string; text: string }[];
}

export interface SectionHit {
  /** Section id. */
  id: string;
  /** Lunr BM25 score (title and body fields summed). */
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

export interface SearchIndex {
  readonly version: string;
  readonly sectionCount: number;
  search(query: string, opts?: SearchOptions): SectionHit[];
  toJSON(): SerializedSearchIndex;
}

/** The stored form (JSON). */
export interface SerializedSearchIndex {
  version: string;
  /** Sections: id, normalized title, title edits, display length, paragraphs [id, normalized, edits]. */
  docs: SerializedDoc[];
  /** Index terms (n-grams) joined by "\n", in Lunr's term-index order. */
  terms: string;
  /** Base64 little-endian Uint32 byte offset of each term's postings, plus the end. */
  offsets: string;
  /** Base64 varints: per term, per field (title, body): count, section deltas, weights×1000. */
  postings: string;
}

type SerializedDoc = [string, string, number[], number, [string, string, number[]][]];

export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

interface Paragraph {
  id: string;
  text: string;
  edits: number[];
}
interface Section {
  id: string;
  title: string;
  titleEdits: number[];
  length: number;
  paragraphs: Paragraph[];
}

const FIELDS = ['title', 'body'] as const;

/** The parts of lunr.Builder we drive step by step (build() would also make a TokenSet we never use). */
interface LunrBuilderInternals {
  invertedIndex: Record<string, { _index: number }>;
  fieldVectors: Record<string, { elements: number[] }>;
  calculateAverageFieldLengths(): void;
  createFieldVectors(): void;
}

/** Builds an index over sections (any documents: the white paper, later imports). */
export function createSearchIndex(documents: SearchIndexDocument[]): SearchIndex {
  const sections: Section[] = documents.map((doc) => {
    const title = normalizeForSearch(doc.title);
    return {
      id: doc.id,
      title: title.text,
      titleEdits: title.edits,
      length: doc.paragraphs.reduce((sum, p) => sum + p.text.length, 0),
      paragraphs: doc.paragraphs.map((p) => {
        const n = normalizeForSearch(p.text);
        return { id: p.id, text: n.text, edits: n.edits };
      }),
    };
  });

  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.ref('ref');
  for (const field of FIELDS) builder.field(field);
  // Fields arrive as arrays of normalized texts; n-grams never cross two of them.
  builder.tokenizer = ((texts: string[]) => {
    const grams: string[] = [];
    for (const text of texts) indexGrams(text, grams);
    return grams;
  }) as unknown as typeof lunr.tokenizer;
  sections.forEach((s, i) =>
    builder.add({ ref: String(i), title: [s.title], body: s.paragraphs.map((p) => p.text) }),
  );
  const internals = builder as unknown as LunrBuilderInternals;
  internals.calculateAverageFieldLengths();
  internals.createFieldVectors();

  const termCount = Object.keys(internals.invertedIndex).length;
  const terms: string[] = new Array<string>(termCount);
  for (const [term, posting] of Object.entries(internals.invertedIndex))
    terms[posting._index] = term;
  // Invert Lunr's field vectors into per-term posting lists, in section order.
  const lists: number[][][] = FIELDS.map(() => Array.from({ length: termCount }, () => []));
  for (let d = 0; d < sections.length; d++) {
    FIELDS.forEach((field, f) => {
      const vector = internals.fieldVectors[`${field}/${d}`];
      if (!vector) return;
      const el = vector.elements;
      const byTerm = lists[f] as number[][];
      for (let k = 0; k < el.length; k += 2) {
        (byTerm[el[k] as number] as number[]).push(d, Math.round((el[k + 1] as number) * 1000));
      }
    });
  }
  const writer = new VarintWriter();
  const offsets = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) {
    offsets[t] = writer.length;
    for (let f = 0; f < FIELDS.length; f++) {
      const list = (lists[f] as number[][])[t] as number[];
      writer.write(list.length / 2);
      let prev = 0;
      for (let k = 0; k < list.length; k += 2) {
        writer.write((list[k] as number) - prev);
        prev = list[k] as number;
      }
      for (let k = 1; k < list.length; k += 2) writer.write(Math.max(0, list[k] as number));
    }
  }
  offsets[termCount] = writer.length;
  return new NgramSearchIndex(sections, terms, offsets, writer.bytes());
}

/** Loads a stored index; refuses one built by another tokenizer or format version. */
export function loadSearchIndex(json: string | SerializedSearchIndex): SearchIndex {
  let data: SerializedSearchIndex;
  try {
    data = typeof json === 'string' ? (JSON.parse(json) as SerializedSearchIndex) : json;
  } catch (err) {
    throw new SearchIndexError(
      `the stored search index is not valid JSON (${err instanceof Error ? err.message : String(err)}); rebuild the content with "npm run build:content"`,
    );
  }
  if (!data || typeof data !== 'object' || typeof data.version !== 'string') {
    throw new SearchIndexError(
      'the stored search index has no version; rebuild the content with "npm run build:content"',
    );
  }
  if (data.version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexError(
      `the stored search index was built by ${data.version}, this app needs ${SEARCH_INDEX_VERSION}; rebuild the content with "npm run build:content"`,
    );
  }
  if (
    !Array.isArray(data.docs) ||
    typeof data.terms !== 'string' ||
    typeof data.offsets !== 'string' ||
    typeof data.postings !== 'string'
  ) {
    throw new SearchIndexError('the stored search index is incomplete; rebuild the content');
  }
  const sections: Section[] = data.docs.map(([id, title, titleEdits, length, paragraphs]) => ({
    id,
    title,
    titleEdits,
    length,
    paragraphs: paragraphs.map(([pid, text, edits]) => ({ id: pid, text, edits })),
  }));
  const offsetBytes = Buffer.from(data.offsets, 'base64');
  const offsets = new Uint32Array(offsetBytes.length / 4);
  for (let i = 0; i < offsets.length; i++) offsets[i] = offsetBytes.readUInt32LE(i * 4);
  const terms = data.terms.length === 0 ? [] : data.terms.split('\n');
  if (offsets.length !== terms.length + 1) {
    throw new SearchIndexError(
      'the stored search index is damaged (term table); rebuild the content',
    );
  }
  const postings = new Uint8Array(Buffer.from(data.postings, 'base64'));
  return new NgramSearchIndex(sections, terms, offsets, postings);
}

interface Posting {
  docs: Int32Array;
  weights: Int32Array;
}

class NgramSearchIndex implements SearchIndex {
  readonly version = SEARCH_INDEX_VERSION;
  private readonly termIds = new Map<string, number>();
  private readonly cursor = new Int32Array(1);

  constructor(
    private readonly sections: Section[],
    private readonly terms: string[],
    private readonly offsets: Uint32Array,
    private readonly postings: Uint8Array,
  ) {
    for (let t = 0; t < terms.length; t++) this.termIds.set(terms[t] as string, t);
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  /** Number of sections whose field (0 title, 1 body) contains the term, without decoding. */
  private count(term: number, field: number): number {
    this.cursor[0] = this.offsets[term] as number;
    let n = readVarint(this.postings, this.cursor);
    if (field === 0) return n;
    for (let k = 0; k < 2 * n; k++) readVarint(this.postings, this.cursor);
    n = readVarint(this.postings, this.cursor);
    return n;
  }

  private posting(term: number, field: number, cache: Map<number, Posting>): Posting {
    const key = term * 2 + field;
    const hit = cache.get(key);
    if (hit) return hit;
    const n = this.count(term, field); // leaves the cursor after the count
    const docs = new Int32Array(n);
    const weights = new Int32Array(n);
    let prev = 0;
    for (let k = 0; k < n; k++) {
      prev += readVarint(this.postings, this.cursor);
      docs[k] = prev;
    }
    for (let k = 0; k < n; k++) weights[k] = readVarint(this.postings, this.cursor);
    const posting = { docs, weights };
    cache.set(key, posting);
    return posting;
  }

  /** Sections whose field holds every gram (a superset of those containing the term). */
  private candidatesInField(ids: number[], field: number, cache: Map<number, Posting>): Int32Array {
    const order = ids.map((id) => ({ id, n: this.count(id, field) })).sort((a, b) => a.n - b.n);
    if (order.length === 0 || order[0]!.n === 0) return new Int32Array(0);
    let current = this.posting(order[0]!.id, field, cache).docs;
    for (let k = 1; k < order.length && current.length > ENOUGH_CANDIDATES; k++) {
      current = intersect(current, this.posting(order[k]!.id, field, cache).docs);
      if (current.length === 0) break;
    }
    return current;
  }

  search(query: string, opts: SearchOptions = {}): SectionHit[] {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    const cache = new Map<number, Posting>();
    const gramIds: number[][] = [];
    for (const term of terms) {
      const ids: number[] = [];
      for (const gram of queryGrams(term.text)) {
        const id = this.termIds.get(gram);
        if (id === undefined) return []; // a gram no section has: no section has the term
        ids.push(id);
      }
      gramIds.push(ids);
    }
    // Candidate sections: for each term, (all grams in the body) ∪ (all grams in the title).
    let candidates: Int32Array | null = null;
    for (const ids of gramIds) {
      const inTerm = union(
        this.candidatesInField(ids, 1, cache),
        this.candidatesInField(ids, 0, cache),
      );
      candidates = candidates === null ? inTerm : intersect(candidates, inTerm);
      if (candidates.length === 0) return [];
    }
    const verified: {
      doc: number;
      titleHit: boolean;
      count: number;
      norm: Map<number, number[]>;
    }[] = [];
    for (const doc of candidates ?? []) {
      const found = this.verify(this.sections[doc] as Section, terms);
      if (found) verified.push({ doc, ...found });
    }
    if (verified.length === 0) return [];
    const scores = this.scores(
      verified.map((v) => v.doc),
      gramIds,
      cache,
    );
    const ranked = verified.map((v, k) => ({
      ...v,
      score: scores[k] as number,
      density: (v.count * 1000) / Math.max(1, (this.sections[v.doc] as Section).length),
    }));
    ranked.sort(
      (a, b) =>
        Number(b.titleHit) - Number(a.titleHit) ||
        b.score - a.score ||
        b.density - a.density ||
        a.doc - b.doc,
    );
    const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : ranked.length;
    return ranked.slice(0, limit).map((r) => {
      const section = this.sections[r.doc] as Section;
      return {
        id: section.id,
        score: r.score,
        titleHit: r.titleHit,
        hits: this.displayHits(section, r.norm, terms.length),
      };
    });
  }

  /**
   * Exact check: every term in the title or within one paragraph. Returns the
   * normalized hit pairs per field (index 0 title, k+1 paragraph k; sparse) or null.
   */
  private verify(
    section: Section,
    terms: QueryTerm[],
  ): { titleHit: boolean; count: number; norm: Map<number, number[]> } | null {
    const norm = new Map<number, number[]>();
    let titleHit = false;
    let count = 0;
    const scratch: number[] = [];
    for (const term of terms) {
      let found = 0;
      for (let k = 0; k <= section.paragraphs.length; k++) {
        const text = k === 0 ? section.title : (section.paragraphs[k - 1] as Paragraph).text;
        scratch.length = 0;
        findOccurrences(text, term, scratch);
        if (scratch.length === 0) continue;
        if (k === 0) titleHit = true;
        found += scratch.length / 2;
        const list = norm.get(k);
        if (list) list.push(...scratch);
        else norm.set(k, scratch.slice());
      }
      if (found === 0) return null;
      count += found;
    }
    return { titleHit, count, norm };
  }

  private displayHits(section: Section, norm: Map<number, number[]>, terms: number): HitRange[] {
    const hits: HitRange[] = [];
    const fields = [...norm.keys()].sort((a, b) => a - b);
    for (const k of fields) {
      const pairs = norm.get(k) as number[];
      const paragraph = k === 0 ? null : (section.paragraphs[k - 1] as Paragraph);
      const mapper = new DisplayMapper(paragraph ? paragraph.edits : section.titleEdits);
      const paragraphId = paragraph ? paragraph.id : null;
      let order: number[] = [];
      for (let i = 0; i < pairs.length; i += 2) order.push(i);
      if (terms > 1) order = order.sort((a, b) => (pairs[a] as number) - (pairs[b] as number));
      for (const i of order) {
        const start = mapper.start(pairs[i] as number);
        const end = Math.max(start, mapper.end(pairs[i + 1] as number));
        hits.push({ paragraphId, start, end });
      }
    }
    return hits;
  }

  /**
   * Lunr's score for a query with one clause per n-gram: per field, the dot product
   * of the query vector (clause counts) with the section's BM25 field vector,
   * divided by the query vector's magnitude; fields summed (lunr.Index#query).
   */
  private scores(docs: number[], gramIds: number[][], cache: Map<number, Posting>): number[] {
    const clauseCounts = new Map<number, number>();
    for (const ids of gramIds)
      for (const id of ids) clauseCounts.set(id, (clauseCounts.get(id) ?? 0) + 1);
    let magnitude = 0;
    for (const c of clauseCounts.values()) magnitude += c * c;
    magnitude = Math.sqrt(magnitude);
    const scored = [...clauseCounts].sort((a, b) => a[0] - b[0]).slice(0, MAX_SCORED_GRAMS);
    return docs.map((doc) => {
      let dot = 0;
      for (const [id, c] of scored) {
        for (let f = 0; f < FIELDS.length; f++) {
          const p = this.posting(id, f, cache);
          const at = binarySearch(p.docs, doc);
          if (at >= 0) dot += c * ((p.weights[at] as number) / 1000);
        }
      }
      return magnitude > 0 ? dot / magnitude : 0;
    });
  }

  toJSON(): SerializedSearchIndex {
    const offsetBytes = Buffer.alloc(this.offsets.length * 4);
    this.offsets.forEach((v, i) => offsetBytes.writeUInt32LE(v, i * 4));
    return {
      version: this.version,
      docs: this.sections.map((s) => [
        s.id,
        s.title,
        s.titleEdits,
        s.length,
        s.paragraphs.map((p): [string, string, number[]] => [p.id, p.text, p.edits]),
      ]),
      terms: this.terms.join('\n'),
      offsets: offsetBytes.toString('base64'),
      postings: Buffer.from(
        this.postings.buffer,
        this.postings.byteOffset,
        this.postings.length,
      ).toString('base64'),
    };
  }
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

function union(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    if (x < y) out[n++] = a[i++] as number;
    else if (y < x) out[n++] = b[j++] as number;
    else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v < value) lo = mid + 1;
    else if (v > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}
