// Search in the reader's own notes and tags: a small in-memory index kept current
// by the library (rebuilt after any write). Matching is on folded text — NFKC
// (full/half width) and lower case — with every whitespace-separated term
// required, so 「ｉｐｅｆ 交渉」 (or with an ideographic space) finds a note that says "IPEF の交渉".
// Offsets of hits are mapped back to the original note text for highlighting.
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
  /** Part of the note around the first hit (or the tags when only they match). */
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
  for (const ch of original) {
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
  tags: string;
}

export class NoteSearchIndex {
  private entries: IndexedNote[] = [];

  constructor(docs: NoteDoc[] = []) {
    this.replace(docs);
  }

  replace(docs: NoteDoc[]): void {
    this.entries = docs
      .filter((d) => d.note.length > 0 || d.tags.length > 0)
      .map((doc) => ({ doc, note: foldText(doc.note), tags: foldText(doc.tags.join(' ')).text }));
  }

  get size(): number {
    return this.entries.length;
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): NoteHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const out: NoteHit[] = [];
    for (const entry of this.entries) {
      const ranges: [number, number][] = [];
      let tagHits = 0;
      let ok = true;
      for (const term of terms) {
        let found = false;
        let from = 0;
        for (;;) {
          const at = entry.note.text.indexOf(term, from);
          if (at < 0) break;
          found = true;
          ranges.push([entry.note.map[at] as number, entry.note.map[at + term.length] as number]);
          from = at + term.length;
        }
        if (entry.tags.includes(term)) {
          found = true;
          tagHits += 1;
        }
        if (!found) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      ranges.sort((a, b) => a[0] - b[0]);
      const note = entry.doc.note;
      let snippet: string;
      let highlights: [number, number][];
      if (ranges.length > 0) {
        const first = ranges[0] as [number, number];
        let start = Math.max(0, first[0] - SNIPPET_BEFORE);
        if (start > 0 && /[\uDC00-\uDFFF]/.test(note[start] ?? '')) start -= 1;
        let end = Math.min(note.length, start + SNIPPET_LENGTH);
        if (end < note.length && /[\uDC00-\uDFFF]/.test(note[end] ?? '')) end += 1;
        snippet = `${start > 0 ? '…' : ''}${note.slice(start, end)}${end < note.length ? '…' : ''}`;
        const shift = start > 0 ? 1 - start : -start;
        highlights = ranges
          .filter(([s, e]) => s >= start && e <= end)
          .map(([s, e]) => [s + shift, e + shift] as [number, number]);
      } else {
        snippet = entry.doc.tags.map((t) => `#${t}`).join(' ');
        highlights = [];
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
