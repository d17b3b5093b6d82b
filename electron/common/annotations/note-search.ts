// Search in the reader's own notes and tags: a small in-memory index kept current
// by the library (rebuilt after any write). Matching is on folded text — NFKC
// (full/half width) and lower case — with every whitespace-separated term
// required, so 「ｉｐｅｆ 交渉」 (or with an ideographic space) finds a note that says "IPEF の交渉".
// Offsets of hits are mapped back to the original note text for highlighting. A
// hit in a tag is marked too: the snippet ends with the note's tags (#タグ) when a
// term is found in one, each hit in them highlighted like a hit in the note.
import { DEFAULT_SEARCH_LIMIT } from '../rules/search';

export interface NoteDoc {
  id: string;
  sectionId: string;
  note: string;
  tags: string[];
}

export interface NoteHit {
  id: string;
  sectionId: string;
  /**
   * Part of the note around its first hit (when the note has one), then the tags as
   * `#tag`, separated by a space, when a term is found in a tag.
   */
  snippet: string;
  /** [start, end) ranges into `snippet`. */
  highlights: [number, number][];
  hits: number;
  score: number;
}

interface Folded {
  text: string;
  /** Original UTF-16 offset of each folded code unit, plus one past the end. */
  map: number[];
}

/** Folds text for matching and keeps the way back to the original offsets. */
export function foldText(original: string): Folded {
  let text = '';
  const map: number[] = [];
  let i = 0;
  // A character and the sound marks after it (half-width ﾌﾟ, or ふ and a combining mark) fold
  // together, into one character (プ, ぷ): folded one by one they would not compose.
  for (const [ch] of original.matchAll(/[\s\S]?(?:\uFF9E|\uFF9F|\u3099|\u309A)+|[\s\S]/gu)) {
    const folded = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < folded.length; k += 1) map.push(i);
    text += folded;
    i += ch.length;
  }
  map.push(original.length);
  return { text, map };
}

export function queryTerms(query: string): string[] {
  return foldText(query)
    .text.split(/[\s\u3000]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 32);
}

const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

interface IndexedNote {
  doc: NoteDoc;
  note: Folded;
  tags: Folded[];
}

/** Every occurrence of each term in folded text, as ranges of the original text. */
function rangesOf(folded: Folded, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (
      let at = folded.text.indexOf(term);
      at >= 0;
      at = folded.text.indexOf(term, at + term.length)
    )
      ranges.push([folded.map[at] as number, folded.map[at + term.length] as number]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The note around its first hit, with "…" where it is cut; highlights into it. */
function noteSnippet(note: string, ranges: [number, number][]) {
  const first = ranges[0] as [number, number];
  let start = Math.max(0, first[0] - SNIPPET_BEFORE);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(note[start] ?? '')) start -= 1;
  let end = Math.min(note.length, start + SNIPPET_LENGTH);
  if (end < note.length && /[\uDC00-\uDFFF]/.test(note[end] ?? '')) end += 1;
  const text = `${start > 0 ? '…' : ''}${note.slice(start, end)}${end < note.length ? '…' : ''}`;
  const shift = start > 0 ? 1 - start : -start;
  const highlights = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift] as [number, number]);
  return { text, highlights };
}

export class NoteSearchIndex {
  private entries: IndexedNote[] = [];

  constructor(docs: NoteDoc[] = []) {
    this.replace(docs);
  }

  replace(docs: NoteDoc[]): void {
    this.entries = docs
      .filter((d) => d.note.length > 0 || d.tags.length > 0)
      .map((doc) => ({ doc, note: foldText(doc.note), tags: doc.tags.map(foldText) }));
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): NoteHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const out: NoteHit[] = [];
    for (const entry of this.entries) {
      // Every term in the note or in a tag (a term holds no space: it cannot span two tags).
      const found = (term: string) =>
        entry.note.text.includes(term) || entry.tags.some((t) => t.text.includes(term));
      if (!terms.every(found)) continue;
      const ranges = rangesOf(entry.note, terms);
      const tagRanges = entry.tags.map((t) => rangesOf(t, terms));
      const tagHits = tagRanges.reduce((n, r) => n + r.length, 0);
      const parts = ranges.length > 0 ? [noteSnippet(entry.doc.note, ranges)] : [];
      if (tagHits > 0)
        entry.doc.tags.forEach((tag, i) =>
          parts.push({
            text: `#${tag}`,
            highlights: (tagRanges[i] ?? []).map(([s, e]) => [s + 1, e + 1] as [number, number]),
          }),
        );
      let snippet = '';
      const highlights: [number, number][] = [];
      for (const part of parts) {
        if (snippet.length > 0) snippet += ' ';
        const shift = snippet.length;
        highlights.push(
          ...part.highlights.map(([s, e]) => [s + shift, e + shift] as [number, number]),
        );
        snippet += part.text;
      }
      out.push({
        id: entry.doc.id,
        sectionId: entry.doc.sectionId,
        snippet,
        highlights,
        hits: ranges.length + tagHits,
        score: ranges.length + 2 * tagHits,
      });
    }
    return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }
}
