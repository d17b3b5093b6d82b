// The search engine: an n-gram index with positional postings and Lunr's BM25
// ranking. Standalone (no Electron, no SQLite): give it documents, get ranked
// section hits with offsets into the display text.
//
// Build (./build): every title and paragraph is normalized (common/search/normalize)
// and its unigrams and bigrams (common/search/tokenizer) are indexed with their
// positions; per term, field (title, body) and section, the BM25 weight Lunr would
// store is computed directly (./bm25, Lunr's formula and term order). The result is
// one binary file (./format) that loads as typed-array views.
//
// Query: parse the reader's text into literal terms (never Lunr query syntax). A
// term's occurrences are the positions where all its n-grams sit at their offsets
// in the term: intersect the shifted position lists, rarest first; once few
// candidates remain, compare them with the stored normalized text. No text is
// scanned, and the text is otherwise read only for Latin word starts and phrases.
// Precision and recall are exact by construction (chained bigrams spell the term).
// Scores are Lunr's: per field, the dot product of the query vector (one clause per
// n-gram) with the section's BM25 field vector, in Lunr's term order, divided by the
// query vector's magnitude; fields summed (lunr.Index#query, bit for bit).
import { isLatinWordChar } from '../../common/search/chars';
import { parseQuery, type QueryTerm } from '../../common/search/query';
import { TOKENIZER_VERSION } from '../../common/search/tokenizer';
import type { HitRange } from '../../common/api/types';
import { buildIndexBytes } from './build';
import { gramKey, IndexFormatError, readIndexHeader, viewIndexBlocks, type Blocks } from './format';

/** Version of the stored index: the format and the tokenizer it was built with. */
export const SEARCH_INDEX_FORMAT = 2;
export const SEARCH_INDEX_VERSION = `hakusho-search-${SEARCH_INDEX_FORMAT}/${TOKENIZER_VERSION}`;

/** At most this many n-grams enter the score (a 10,000-character query stays bounded). */
export const MAX_SCORED_GRAMS = 256;
/** Below this many candidates, the rest of a term is checked on the text directly. */
const FEW_CANDIDATES = 16;

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
  /** The stored form: what the content database keeps and loadSearchIndex reads. */
  serialize(): Uint8Array;
  /** The stored form as JSON (base64 of serialize()). */
  toJSON(): SerializedSearchIndex;
}

/** The JSON form of the index. */
export interface SerializedSearchIndex {
  version: string;
  /** Base64 of the binary index (see ./format). */
  data: string;
}

export class SearchIndexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchIndexError';
  }
}

const REBUILD = 'rebuild the content with "npm run build:content"';

/** Builds an index over sections (any documents: the white paper, later imports). */
export function createSearchIndex(documents: SearchIndexDocument[]): SearchIndex {
  return loadSearchIndex(buildIndexBytes(documents, SEARCH_INDEX_VERSION));
}

/**
 * Loads a stored index (the bytes of serialize(), or its JSON form); refuses one
 * built by another tokenizer or format version. Reads a small header and makes
 * views: postings are decoded on first use.
 */
export function loadSearchIndex(stored: Uint8Array | string | SerializedSearchIndex): SearchIndex {
  let bytes: Uint8Array;
  if (stored instanceof Uint8Array) {
    bytes = stored;
  } else {
    let data: SerializedSearchIndex;
    try {
      data = typeof stored === 'string' ? (JSON.parse(stored) as SerializedSearchIndex) : stored;
    } catch (err) {
      throw new SearchIndexError(
        `the stored search index is not valid JSON (${err instanceof Error ? err.message : String(err)}); ${REBUILD}`,
      );
    }
    if (!data || typeof data !== 'object' || typeof data.version !== 'string') {
      throw new SearchIndexError(`the stored search index has no version; ${REBUILD}`);
    }
    checkVersion(data.version);
    if (typeof data.data !== 'string') {
      throw new SearchIndexError(`the stored search index is incomplete; ${REBUILD}`);
    }
    bytes = new Uint8Array(Buffer.from(data.data, 'base64'));
  }
  try {
    const header = readIndexHeader(bytes);
    checkVersion(header.version);
    const blocks = viewIndexBlocks(bytes, header);
    if (
      blocks.sectionUnits.length !== header.sectionCount + 1 ||
      blocks.unitStart.length !== header.unitCount + 1 ||
      blocks.termKeys.length !== header.termCount ||
      blocks.posOffsets.length !== header.termCount + 1 ||
      blocks.bm25Offsets.length !== header.termCount + 1
    ) {
      throw new IndexFormatError('inconsistent block sizes');
    }
    return new NgramSearchIndex(bytes, header.sectionCount, blocks);
  } catch (err) {
    if (err instanceof IndexFormatError) {
      throw new SearchIndexError(`the stored search index is damaged (${err.message}); ${REBUILD}`);
    }
    throw err;
  }
}

function checkVersion(version: string): void {
  if (version !== SEARCH_INDEX_VERSION) {
    throw new SearchIndexError(
      `the stored search index was built by ${version}, this app needs ${SEARCH_INDEX_VERSION}; ${REBUILD}`,
    );
  }
}

/** One n-gram of a term: its term rank in the dictionary and its offset in the term. */
interface Constraint {
  rank: number;
  shift: number;
  count: number;
}

/** The n-grams of a normalized term, with offsets (UTF-16) and distinct keys for the score. */
function termGrams(text: string): { grams: { key: number; shift: number }[]; keys: number[] } {
  const grams: { key: number; shift: number }[] = [];
  const keys = new Set<number>();
  let i = 0;
  while (i < text.length) {
    // one space-separated chunk
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 0x20) j++;
    const cps: { cp: number; at: number }[] = [];
    for (let k = i; k < j;) {
      const cp = text.codePointAt(k) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      cps.push({ cp, at: k });
      k += width;
    }
    if (cps.length === 1) {
      const key = gramKey(cps[0]!.cp, -1);
      grams.push({ key, shift: i });
      keys.add(key);
    }
    for (let k = 1; k < cps.length; k++) {
      const key = gramKey(cps[k - 1]!.cp, cps[k]!.cp);
      grams.push({ key, shift: cps[k - 1]!.at });
      keys.add(key);
    }
    i = j + 1;
  }
  return { grams, keys: [...keys] };
}

class NgramSearchIndex implements SearchIndex {
  readonly version = SEARCH_INDEX_VERSION;
  private readonly unitSection: Int32Array;
  private idText: string | null = null;
  private readonly unitIds: (string | undefined)[];
  /** Text position where each section starts (and, last, the end of the text). */
  private readonly sectionPos: Int32Array;
  /** Text position where each section's title unit ends. */
  private readonly titleEnd: Int32Array;
  private readonly cursor = { pos: 0 };
  private edits: { table: Int32Array; unitEdits: Int32Array } | null = null;
  private afterWord: Uint8Array | null = null;

  constructor(
    private readonly bytes: Uint8Array,
    readonly sectionCount: number,
    private readonly b: Blocks,
  ) {
    const units = b.unitStart.length - 1;
    this.unitSection = new Int32Array(units);
    for (let s = 0; s < sectionCount; s++) {
      this.unitSection.fill(s, b.sectionUnits[s] as number, b.sectionUnits[s + 1] as number);
    }
    this.unitIds = new Array<string | undefined>(units);
    this.sectionPos = new Int32Array(sectionCount + 1);
    this.titleEnd = new Int32Array(sectionCount);
    for (let s = 0; s <= sectionCount; s++) {
      const u = b.sectionUnits[s] as number;
      this.sectionPos[s] = b.unitStart[u] as number;
      if (s < sectionCount) {
        this.titleEnd[s] = b.unitStart[u < (b.sectionUnits[s + 1] as number) ? u + 1 : u] as number;
      }
    }
  }

  serialize(): Uint8Array {
    return this.bytes;
  }

  toJSON(): SerializedSearchIndex {
    return {
      version: this.version,
      data: Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length).toString(
        'base64',
      ),
    };
  }

  // ---------- dictionary and postings ----------

  private rankOf(key: number): number {
    const keys = this.b.termKeys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = keys[mid] as number;
      if (v < key) lo = mid + 1;
      else if (v > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  private varint(bytes: Uint8Array): number {
    let pos = this.cursor.pos;
    let b = bytes[pos++] as number;
    let result = b & 0x7f;
    let shift = 7;
    while (b >= 0x80) {
      b = bytes[pos++] as number;
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    }
    this.cursor.pos = pos;
    return result;
  }

  private positionCount(rank: number): number {
    this.cursor.pos = this.b.posOffsets[rank] as number;
    return this.varint(this.b.positions);
  }

  /** Every position of a term in the text, ascending (decoded once per query). */
  private positions(rank: number, cache: Map<number, Int32Array>): Int32Array {
    const hit = cache.get(rank);
    if (hit) return hit;
    const out = this.decodePositions(rank);
    cache.set(rank, out);
    return out;
  }

  /** Every position of a term in the text, ascending, in a new array. */
  private decodePositions(rank: number): Int32Array {
    const bytes = this.b.positions;
    const n = this.positionCount(rank);
    const out = new Int32Array(n);
    let pos = this.cursor.pos;
    let prev = 0;
    for (let k = 0; k < n; k++) {
      let b = bytes[pos++] as number;
      let v = b & 0x7f;
      let shift = 7;
      while (b >= 0x80) {
        b = bytes[pos++] as number;
        v |= (b & 0x7f) << shift;
        shift += 7;
      }
      prev += v;
      out[k] = prev;
    }
    return out;
  }

  // ---------- occurrences of one term ----------

  /** Start positions (global) of the non-overlapping occurrences of a term, or null if none. */
  private occurrences(term: QueryTerm, cache: Map<number, Int32Array>): Int32Array | null {
    const { grams } = termGrams(term.text);
    const seen = new Set<string>();
    const constraints: Constraint[] = [];
    for (const g of grams) {
      const rank = this.rankOf(g.key);
      if (rank < 0) return null;
      const id = `${rank}:${g.shift}`;
      if (seen.has(id)) continue;
      seen.add(id);
      constraints.push({ rank, shift: g.shift, count: this.positionCount(rank) });
    }
    if (constraints.length === 0) return null;
    constraints.sort((a, b) => a.count - b.count || a.shift - b.shift);
    const first = constraints[0] as Constraint;
    let cand: Int32Array;
    if (constraints.length === 1 && first.shift === 0) {
      // One n-gram at the term's start (a 1-character term): its positions are the
      // candidates, decoded straight into a list of their own (filtered in place below).
      cand = this.decodePositions(first.rank);
    } else {
      const driver = this.positions(first.rank, cache);
      cand = new Int32Array(driver.length);
      let n = 0;
      for (let k = 0; k < driver.length; k++) {
        const p = (driver[k] as number) - first.shift;
        if (p >= 0) cand[n++] = p;
      }
      cand = cand.subarray(0, n);
    }
    let k = 1;
    for (; k < constraints.length && cand.length > FEW_CANDIDATES; k++) {
      const c = constraints[k] as Constraint;
      cand = filterShifted(cand, this.positions(c.rank, cache), c.shift);
      if (cand.length === 0) return null;
    }
    const text = this.b.text;
    const needle = term.text;
    const len = needle.length;
    // Text check: when constraints remain, or for spaces (never indexed) and U+0000.
    if (k < constraints.length || needle.includes(' ') || needle.includes('\0')) {
      let m = 0;
      for (let i = 0; i < cand.length; i++) {
        const p = cand[i] as number;
        if (p + len > text.length) continue;
        let ok = true;
        for (let j = 0; j < len; j++) {
          if (text[p + j] !== needle.charCodeAt(j)) {
            ok = false;
            break;
          }
        }
        if (ok && needle.includes('\0') && !this.withinOneUnit(p, len)) ok = false;
        if (ok) cand[m++] = p;
      }
      cand = cand.subarray(0, m);
    }
    // Latin terms start at a word start; then occurrences do not overlap (indexOf order).
    let m = 0;
    let lastEnd = -1;
    const afterWord = term.wordStart ? this.afterWordChar() : null;
    for (let i = 0; i < cand.length; i++) {
      const p = cand[i] as number;
      if (p < lastEnd) continue;
      if (afterWord !== null && ((afterWord[p >>> 3] as number) >>> (p & 7)) & 1) continue;
      cand[m++] = p;
      lastEnd = p + len;
    }
    return m === 0 ? null : cand.subarray(0, m);
  }

  /**
   * Bit p set when the character before position p is a Latin word character (so
   * no Latin term starts at p); built on the first Latin query. One bit per
   * position: the check on common letters reads 1/16 of the memory the text takes.
   */
  private afterWordChar(): Uint8Array {
    if (this.afterWord !== null) return this.afterWord;
    const text = this.b.text;
    const bits = new Uint8Array((text.length >>> 3) + 1);
    for (let p = 1; p < text.length; p++) {
      if (latinWordChar(text[p - 1] as number))
        bits[p >>> 3] = (bits[p >>> 3] as number) | (1 << (p & 7));
    }
    this.afterWord = bits;
    return bits;
  }

  private unitAt(p: number): number {
    const starts = this.b.unitStart;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private withinOneUnit(p: number, len: number): boolean {
    const u = this.unitAt(p);
    return p + len <= (this.b.unitStart[u + 1] as number) - 1;
  }

  // ---------- search ----------

  search(query: string, opts: SearchOptions = {}): SectionHit[] {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    const cache = new Map<number, Int32Array>();
    const occ: Int32Array[] = [];
    for (const term of terms) {
      const o = this.occurrences(term, cache);
      if (o === null) return [];
      occ.push(o);
    }
    // Sections holding every term, with their hit counts and title hits: per term,
    // one run of positions per section (found by binary search), not a step per hit.
    const { sectionPos, titleEnd } = this;
    const termsIn = new Int32Array(this.sectionCount);
    const hitCount = new Int32Array(this.sectionCount);
    const titleHit = new Uint8Array(this.sectionCount);
    for (let t = 0; t < occ.length; t++) {
      const list = occ[t] as Int32Array;
      let s = 0;
      for (let i = 0; i < list.length;) {
        const p = list[i] as number;
        if (p >= (sectionPos[s + 1] as number)) s = upperBound(sectionPos, p, s + 1) - 1;
        const j = lowerBound(list, sectionPos[s + 1] as number, i + 1);
        if (termsIn[s] === t) termsIn[s] = t + 1;
        hitCount[s] = (hitCount[s] as number) + (j - i);
        if (p < (titleEnd[s] as number)) titleHit[s] = 1;
        i = j;
        s++;
      }
    }
    const matched: number[] = [];
    for (let s = 0; s < this.sectionCount; s++) if (termsIn[s] === occ.length) matched.push(s);
    if (matched.length === 0) return [];
    const scores = this.scores(terms, matched);
    const density = (s: number) =>
      ((hitCount[s] as number) * 1000) / Math.max(1, this.b.sectionLength[s] as number);
    const order = matched.map((s, k) => k);
    order.sort((x, y) => {
      const a = matched[x] as number;
      const b = matched[y] as number;
      return (
        (titleHit[b] as number) - (titleHit[a] as number) ||
        (scores[y] as number) - (scores[x] as number) ||
        density(b) - density(a) ||
        a - b
      );
    });
    const limit = opts.limit !== undefined && opts.limit >= 0 ? opts.limit : order.length;
    const lengths = terms.map((t) => t.text.length);
    return order.slice(0, limit).map((k) => {
      const s = matched[k] as number;
      return {
        id: this.id(s),
        score: scores[k] as number,
        titleHit: titleHit[s] === 1,
        hits: this.displayHits(s, occ, lengths),
      };
    });
  }

  /**
   * Hits of one section in reading order (title first), mapped to display offsets.
   * Positions are read straight from the occurrence lists into the final objects;
   * the display mapping walks the unit's decoded edit table with two cursors (one
   * for starts, one for ends), so a hit costs a few comparisons, and a unit without
   * edits (normalized text = display text) costs none.
   */
  private displayHits(s: number, occ: Int32Array[], lengths: number[]): HitRange[] {
    const { unitStart, sectionUnits } = this.b;
    const { table, unitEdits } = this.editTable();
    const from = unitStart[sectionUnits[s] as number] as number;
    const to = unitStart[sectionUnits[s + 1] as number] as number;
    const terms = occ.length;
    // Each term's run inside the section: [idx[t], stop[t]); merged by position (ties: term order).
    const idx = new Int32Array(terms);
    const stop = new Int32Array(terms);
    let count = 0;
    for (let t = 0; t < terms; t++) {
      const o = occ[t] as Int32Array;
      const i = lowerBound(o, from, 0);
      const j = lowerBound(o, to, i);
      idx[t] = i;
      stop[t] = j;
      count += j - i;
    }
    const hits = new Array<HitRange>(count);
    const single = occ[0] as Int32Array;
    let next = idx[0] as number;
    const singleLength = lengths[0] as number;
    let u = sectionUnits[s] as number;
    let unitEnd = unitStart[u + 1] as number;
    let base = unitStart[u] as number;
    let pid = this.unitId(u);
    let e0 = unitEdits[u] as number;
    let e1 = unitEdits[u + 1] as number;
    let ks = e0;
    let ke = e0;
    for (let n = 0; n < count; n++) {
      let pos: number;
      let len: number;
      if (terms === 1) {
        pos = single[next++] as number;
        len = singleLength;
      } else {
        let best = -1;
        pos = to;
        for (let t = 0; t < terms; t++) {
          const i = idx[t] as number;
          if (i < (stop[t] as number)) {
            const p = (occ[t] as Int32Array)[i] as number;
            if (p < pos) {
              best = t;
              pos = p;
            }
          }
        }
        idx[best] = (idx[best] as number) + 1;
        len = lengths[best] as number;
      }
      if (pos >= unitEnd) {
        do u++;
        while (pos >= (unitStart[u + 1] as number));
        unitEnd = unitStart[u + 1] as number;
        base = unitStart[u] as number;
        pid = this.unitId(u);
        e0 = unitEdits[u] as number;
        e1 = unitEdits[u + 1] as number;
        ks = e0;
        ke = e0;
      }
      const x = pos - base;
      if (e0 === e1) {
        hits[n] = { paragraphId: pid, start: x, end: x + len };
        continue;
      }
      // Edit k (4 ints: normalized start, normalized end, display start, display end);
      // the cursor is the first edit whose normalized end is past the offset.
      while (ks > e0 && (table[4 * ks - 3] as number) > x) ks--;
      while (ks < e1 && (table[4 * ks + 1] as number) <= x) ks++;
      const start =
        ks < e1 && x >= (table[4 * ks] as number)
          ? (table[4 * ks + 2] as number)
          : ks > e0
            ? x + (table[4 * ks - 1] as number) - (table[4 * ks - 3] as number)
            : x;
      const y = x + len - 1;
      while (ke > e0 && (table[4 * ke - 3] as number) > y) ke--;
      while (ke < e1 && (table[4 * ke + 1] as number) <= y) ke++;
      const end =
        ke < e1 && y >= (table[4 * ke] as number)
          ? (table[4 * ke + 3] as number)
          : ke > e0
            ? y + 1 + (table[4 * ke - 1] as number) - (table[4 * ke - 3] as number)
            : y + 1;
      hits[n] = { paragraphId: pid, start, end: end > start ? end : start };
    }
    return hits;
  }

  /**
   * Every unit's offset edits, decoded once on first use (a few MB at most): per
   * edit its normalized start and end and its display start and end; edits of unit
   * u are [unitEdits[u], unitEdits[u + 1]). Same mapping as DisplayMapper.
   */
  private editTable(): { table: Int32Array; unitEdits: Int32Array } {
    if (this.edits !== null) return this.edits;
    const bytes = this.b.edits;
    const offsets = this.b.editOffsets;
    const units = offsets.length - 1;
    const unitEdits = new Int32Array(units + 1);
    for (let u = 0; u < units; u++) {
      this.cursor.pos = offsets[u] as number;
      unitEdits[u + 1] = (unitEdits[u] as number) + this.varint(bytes);
    }
    const table = new Int32Array(4 * (unitEdits[units] as number));
    for (let u = 0; u < units; u++) {
      this.cursor.pos = offsets[u] as number;
      const n = this.varint(bytes);
      let dispEnd = 0;
      let normEnd = 0;
      for (let k = unitEdits[u] as number, last = k + n; k < last; k++) {
        const ds = dispEnd + this.varint(bytes);
        const de = ds + this.varint(bytes);
        const ns = normEnd + (ds - dispEnd);
        const ne = ns + this.varint(bytes);
        table[4 * k] = ns;
        table[4 * k + 1] = ne;
        table[4 * k + 2] = ds;
        table[4 * k + 3] = de;
        dispEnd = de;
        normEnd = ne;
      }
    }
    this.edits = { table, unitEdits };
    return this.edits;
  }

  private ids(): string {
    if (this.idText === null) this.idText = new TextDecoder().decode(this.b.ids);
    return this.idText;
  }

  private id(s: number): string {
    return this.ids().slice(this.b.idOffsets[s], this.b.idOffsets[s + 1]);
  }

  /** Paragraph id of a unit; null for a title. */
  private unitId(u: number): string | null {
    if (u === this.b.sectionUnits[this.unitSection[u] as number]) return null;
    let id = this.unitIds[u];
    if (id === undefined) {
      const k = this.sectionCount + u;
      id = this.ids().slice(this.b.idOffsets[k], this.b.idOffsets[k + 1]);
      this.unitIds[u] = id;
    }
    return id;
  }

  /**
   * Lunr's score for a query with one clause per n-gram (lunr.Index#query): per field,
   * the dot product of the query vector with the section's field vector, summed in
   * Lunr's term order, divided by the query vector's magnitude; the fields added.
   */
  private scores(terms: QueryTerm[], sections: number[]): Float64Array {
    const clauseCounts = new Map<number, number>();
    for (const term of terms) {
      for (const key of termGrams(term.text).keys) {
        const rank = this.rankOf(key);
        if (rank >= 0) clauseCounts.set(rank, (clauseCounts.get(rank) ?? 0) + 1);
      }
    }
    let sumOfSquares = 0;
    const clauses = [...clauseCounts]
      .map(([rank, count]) => ({ rank, count, lunr: this.b.termLunr[rank] as number }))
      .sort((a, b) => a.lunr - b.lunr);
    for (const c of clauses) sumOfSquares += c.count * c.count;
    const magnitude = Math.sqrt(sumOfSquares);
    const scored = clauses.slice(0, MAX_SCORED_GRAMS);
    const dots = [new Float64Array(this.sectionCount), new Float64Array(this.sectionCount)];
    const bytes = this.b.bm25;
    for (const c of scored) {
      this.cursor.pos = this.b.bm25Offsets[c.rank] as number;
      for (let f = 0; f < 2; f++) {
        const dot = dots[f] as Float64Array;
        const n = this.varint(bytes);
        const docs = new Int32Array(n);
        let prev = 0;
        for (let k = 0; k < n; k++) {
          prev += this.varint(bytes);
          docs[k] = prev;
        }
        for (let k = 0; k < n; k++) {
          const d = docs[k] as number;
          dot[d] = (dot[d] as number) + c.count * (this.varint(bytes) / 1000);
        }
      }
    }
    const out = new Float64Array(sections.length);
    sections.forEach((s, k) => {
      const title = (dots[0]![s] as number) / magnitude || 0;
      const body = (dots[1]![s] as number) / magnitude || 0;
      out[k] = title + body;
    });
    return out;
  }
}

/** A local binding: called once per candidate, not through the module namespace. */
const latinWordChar = isLatinWordChar;

/** Candidates p (ascending) for which `list` (ascending) holds p + shift. */
function filterShifted(cand: Int32Array, list: Int32Array, shift: number): Int32Array {
  let n = 0;
  let j = 0;
  for (let i = 0; i < cand.length; i++) {
    const want = (cand[i] as number) + shift;
    while (j < list.length && (list[j] as number) < want) j++;
    if (j === list.length) break;
    if (list[j] === want) cand[n++] = cand[i] as number;
  }
  return cand.subarray(0, n);
}

/** First index (from `lo` on) whose value is > x. */
function upperBound(sorted: Int32Array, x: number, lo: number): number {
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index (from `lo` on) whose value is ≥ x. */
function lowerBound(sorted: Int32Array, x: number, lo: number): number {
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
