// Builds the stored search index from documents in a few linear passes over typed
// arrays: normalize every title and paragraph (a "unit"), lay the normalized texts
// end to end, then walk their n-grams once (each code point, and each pair within a
// space-separated chunk, in the order Lunr's tokenizer would see them) to collect
// - per term, every position in the text (positional postings: hits come from
//   intersecting shifted position lists, no text scan), and
// - per term, field and section, the term frequency from which Lunr's BM25 weights
//   are computed directly (./bm25: the same formula and floating-point steps).
// Term ids are assigned in order of first use, which is Lunr's term index order, so
// scores sum in Lunr's order too.
import { normalizeForSearch } from '../../common/search/normalize';
import { lunrIdf, lunrWeightThousandths } from './bm25';
import { gramKey, writeIndexFile, type Blocks } from './format';
import { VarintWriter } from './varint';

export interface IndexDocument {
  id: string;
  title: string;
  paragraphs: { id: string; text: string }[];
}

/** A growable Int32 list. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/**
 * n-gram (first code point, second or -1) → term id, by open addressing: a Map keyed
 * by doubles cost a third of the build on a large corpus.
 */
class GramTable {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private ids: Int32Array;
  private mask: number;
  size = 0;
  constructor(bits = 16) {
    this.firsts = new Int32Array(1 << bits);
    this.seconds = new Int32Array(1 << bits);
    this.ids = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }
  private slot(first: number, second: number): number {
    let h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 2, 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & this.mask;
    for (;;) {
      const f = this.firsts[i] as number;
      if (f === 0 || (f === first + 1 && this.seconds[i] === second)) return i;
      i = (i + 1) & this.mask;
    }
  }
  /** The term id of a gram, or -1. */
  get(first: number, second: number): number {
    const i = this.slot(first, second);
    return this.firsts[i] === 0 ? -1 : (this.ids[i] as number);
  }
  set(first: number, second: number, id: number): void {
    const i = this.slot(first, second);
    if (this.firsts[i] === 0) this.size++;
    this.firsts[i] = first + 1;
    this.seconds[i] = second;
    this.ids[i] = id;
    if (this.size * 2 > this.mask) this.grow();
  }
  private grow(): void {
    const { firsts, seconds, ids } = this;
    const n = (this.mask + 1) * 2;
    this.firsts = new Int32Array(n);
    this.seconds = new Int32Array(n);
    this.ids = new Int32Array(n);
    this.mask = n - 1;
    for (let k = 0; k < firsts.length; k++) {
      const f = firsts[k] as number;
      if (f === 0) continue;
      const i = this.slot(f - 1, seconds[k] as number);
      this.firsts[i] = f;
      this.seconds[i] = seconds[k] as number;
      this.ids[i] = ids[k] as number;
    }
  }
}

const FIELD_COUNT = 2; // 0 title, 1 body

/** The bytes of a search index over `documents`, stamped with `version`. */
export function buildIndexBytes(documents: IndexDocument[], version: string): Uint8Array {
  const sectionCount = documents.length;
  // 1. Units: each section's title, then its paragraphs, normalized and laid end to end.
  const sectionUnits = new Int32Array(sectionCount + 1);
  const sectionLength = new Int32Array(sectionCount);
  const texts: string[] = [];
  const editLists: number[][] = [];
  const ids: string[] = documents.map((d) => d.id);
  for (let s = 0; s < sectionCount; s++) {
    const doc = documents[s] as IndexDocument;
    sectionUnits[s] = texts.length;
    const title = normalizeForSearch(doc.title);
    texts.push(title.text);
    editLists.push(title.edits);
    ids.push('');
    let length = 0;
    for (const p of doc.paragraphs) {
      const n = normalizeForSearch(p.text);
      texts.push(n.text);
      editLists.push(n.edits);
      ids.push(p.id);
      length += p.text.length;
    }
    sectionLength[s] = length;
  }
  const unitCount = texts.length;
  sectionUnits[sectionCount] = unitCount;
  const unitStart = new Int32Array(unitCount + 1);
  let total = 0;
  for (let u = 0; u < unitCount; u++) {
    unitStart[u] = total;
    total += (texts[u] as string).length + 1; // a U+0000 after each unit
  }
  unitStart[unitCount] = total;
  const text = new Uint16Array(total);
  for (let u = 0; u < unitCount; u++) {
    const t = texts[u] as string;
    const base = unitStart[u] as number;
    for (let i = 0; i < t.length; i++) text[base + i] = t.charCodeAt(i);
  }

  // 2. Edits, as varints per unit.
  const editWriter = new VarintWriter();
  const editOffsets = new Uint32Array(unitCount + 1);
  for (let u = 0; u < unitCount; u++) {
    editOffsets[u] = editWriter.length;
    const e = editLists[u] as number[];
    editWriter.write(e.length / 3);
    let prevEnd = 0;
    for (let k = 0; k < e.length; k += 3) {
      editWriter.write((e[k] as number) - prevEnd);
      editWriter.write((e[k + 1] as number) - (e[k] as number));
      editWriter.write(e[k + 2] as number);
      prevEnd = e[k + 1] as number;
    }
  }
  editOffsets[unitCount] = editWriter.length;

  // 3. Ids.
  const idOffsets = new Uint32Array(ids.length + 1);
  let idLength = 0;
  ids.forEach((id, k) => {
    idOffsets[k] = idLength;
    idLength += id.length;
  });
  idOffsets[ids.length] = idLength;
  const idBytes = new TextEncoder().encode(ids.join(''));

  // 4. One pass over the n-grams: term ids (Lunr order), positions, term frequencies.
  const bigramIds = new GramTable();
  const unigramIds = new Int32Array(0x110000).fill(-1);
  const keys: number[] = [];
  // at most two grams per UTF-16 unit
  const occTerm = { data: new Int32Array(2 * total), length: 0 };
  const occPos = { data: new Int32Array(2 * total), length: 0 };
  let tf = new Int32Array(1 << 12);
  const touched = new IntList();
  const fieldLength = [new Int32Array(sectionCount), new Int32Array(sectionCount)];
  // (term, section, tf) per field, in section order
  const triples = [0, 1].map(() => ({
    term: new IntList(),
    section: new IntList(),
    tf: new IntList(),
  }));
  const newTerm = (first: number, second: number): number => {
    const t = keys.length;
    keys.push(gramKey(first, second));
    if (t >= tf.length) {
      const bigger = new Int32Array(tf.length * 2);
      bigger.set(tf);
      tf = bigger;
    }
    return t;
  };
  const terms = occTerm.data;
  const positions = occPos.data;
  let occ = 0;
  for (let s = 0; s < sectionCount; s++) {
    const first = sectionUnits[s] as number;
    const end = sectionUnits[s + 1] as number;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const from = f === 0 ? first : first + 1;
      const to = f === 0 ? first + 1 : end;
      const fieldStart = occ;
      for (let u = from; u < to; u++) {
        const stop = (unitStart[u + 1] as number) - 1;
        let prev = -1;
        let prevAt = -1;
        let i = unitStart[u] as number;
        while (i < stop) {
          let cp = text[i] as number;
          let width = 1;
          if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < stop) {
            const low = text[i + 1] as number;
            if (low >= 0xdc00 && low <= 0xdfff) {
              cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
              width = 2;
            }
          }
          if (cp === 0x20) {
            prev = -1;
          } else {
            let t = unigramIds[cp] as number;
            if (t < 0) {
              t = newTerm(cp, -1);
              unigramIds[cp] = t;
            }
            terms[occ] = t;
            positions[occ++] = i;
            if (tf[t] === 0) touched.push(t);
            tf[t] = (tf[t] as number) + 1;
            if (prev >= 0) {
              let b = bigramIds.get(prev, cp);
              if (b < 0) {
                b = newTerm(prev, cp);
                bigramIds.set(prev, cp, b);
              }
              terms[occ] = b;
              positions[occ++] = prevAt;
              if (tf[b] === 0) touched.push(b);
              tf[b] = (tf[b] as number) + 1;
            }
            prev = cp;
            prevAt = i;
          }
          i += width;
        }
      }
      const tokens = occ - fieldStart;
      fieldLength[f]![s] = tokens;
      const out = triples[f]!;
      for (let k = 0; k < touched.length; k++) {
        const t = touched.data[k] as number;
        out.term.push(t);
        out.section.push(s);
        out.tf.push(tf[t] as number);
        tf[t] = 0;
      }
      touched.length = 0;
    }
  }
  occTerm.length = occ;
  occPos.length = occ;
  const termCount = keys.length;

  // 5. BM25 weights as Lunr computes them (documentsWithTerm counts field/section pairs).
  const documentsWithTerm = new Int32Array(termCount);
  for (const tr of triples)
    for (let k = 0; k < tr.term.length; k++) {
      const t = tr.term.data[k] as number;
      documentsWithTerm[t] = (documentsWithTerm[t] as number) + 1;
    }
  const averageLength = fieldLength.map((lengths) => {
    let sum = 0;
    for (const l of lengths) sum += l;
    return sum / sectionCount;
  });
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++)
    idf[t] = lunrIdf(documentsWithTerm[t] as number, sectionCount);

  // 6. Dictionary in key order; postings grouped by term (counting sort keeps order).
  const order = Array.from({ length: termCount }, (_, t) => t).sort(
    (a, b) => (keys[a] as number) - (keys[b] as number),
  );
  const rank = new Int32Array(termCount);
  order.forEach((t, r) => (rank[t] = r));
  const termKeys = new Float64Array(termCount);
  const termLunr = new Uint32Array(termCount);
  order.forEach((t, r) => {
    termKeys[r] = keys[t] as number;
    termLunr[r] = t;
  });
  // Values scattered into term order in one pass (a gather by index would read the
  // occurrence arrays at random: cache misses dominated the build).
  const grouped = (
    termIds: { data: Int32Array; length: number },
    values: { data: Int32Array; length: number }[],
  ): { start: Int32Array; columns: Int32Array[] } => {
    const start = new Int32Array(termCount + 1);
    for (let k = 0; k < termIds.length; k++) {
      const r = rank[termIds.data[k] as number] as number;
      start[r + 1] = (start[r + 1] as number) + 1;
    }
    for (let r = 0; r < termCount; r++)
      start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    const fill = start.slice(0, termCount);
    const columns = values.map(() => new Int32Array(termIds.length));
    const [a, b] = values;
    const [ca, cb] = columns;
    for (let k = 0; k < termIds.length; k++) {
      const r = rank[termIds.data[k] as number] as number;
      const at = fill[r] as number;
      fill[r] = at + 1;
      ca![at] = a!.data[k] as number;
      if (b) cb![at] = b.data[k] as number;
    }
    return { start, columns };
  };
  const posGroups = grouped(occTerm, [occPos]);
  const positionsByTerm = posGroups.columns[0] as Int32Array;
  const posWriter = new VarintWriter();
  const posOffsets = new Uint32Array(termCount + 1);
  for (let r = 0; r < termCount; r++) {
    posOffsets[r] = posWriter.length;
    const a = posGroups.start[r] as number;
    const b = posGroups.start[r + 1] as number;
    posWriter.write(b - a);
    let prev = 0;
    for (let k = a; k < b; k++) {
      const p = positionsByTerm[k] as number;
      posWriter.write(p - prev);
      prev = p;
    }
  }
  posOffsets[termCount] = posWriter.length;
  const fieldGroups = triples.map((tr) => grouped(tr.term, [tr.section, tr.tf]));
  const bmWriter = new VarintWriter();
  const bm25Offsets = new Uint32Array(termCount + 1);
  for (let r = 0; r < termCount; r++) {
    bm25Offsets[r] = bmWriter.length;
    const t = order[r] as number;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const g = fieldGroups[f]!;
      const sections = g.columns[0] as Int32Array;
      const tfs = g.columns[1] as Int32Array;
      const lengths = fieldLength[f] as Int32Array;
      const a = g.start[r] as number;
      const b = g.start[r + 1] as number;
      bmWriter.write(b - a);
      let prev = 0;
      for (let k = a; k < b; k++) {
        const s = sections[k] as number;
        bmWriter.write(s - prev);
        prev = s;
      }
      for (let k = a; k < b; k++) {
        bmWriter.write(
          lunrWeightThousandths(
            idf[t] as number,
            tfs[k] as number,
            lengths[sections[k] as number] as number,
            averageLength[f] as number,
          ),
        );
      }
    }
  }
  bm25Offsets[termCount] = bmWriter.length;

  const blocks: Blocks = {
    sectionUnits,
    sectionLength,
    unitStart,
    text,
    editOffsets,
    edits: editWriter.bytes(),
    idOffsets,
    ids: idBytes,
    termKeys,
    termLunr,
    posOffsets,
    positions: posWriter.bytes(),
    bm25Offsets,
    bm25: bmWriter.bytes(),
  };
  return writeIndexFile({ version, sectionCount, unitCount, termCount }, blocks);
}
