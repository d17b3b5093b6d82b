// The binary layout of a stored search index: a small JSON header (version, counts,
// where each block lies) followed by 8-byte-aligned blocks that load as typed-array
// views with no parsing. Loading reads the header and makes views; a term's postings
// are decoded on first use. (The first version stored JSON with the texts inside and
// spent seconds in JSON.parse on a 5-million-character corpus.)

const MAGIC = 0x58534b48; // "HKSX" little-endian

/** Blocks of the index file, in file order, with their element type. */
export const BLOCKS = {
  /** Int32 [sectionCount + 1]: first unit of each section (its title), then its paragraphs. */
  sectionUnits: Int32Array,
  /** Int32 [sectionCount]: display length of the section's paragraphs (hit density). */
  sectionLength: Int32Array,
  /** Int32 [unitCount + 1]: start of each unit's normalized text in `text`. */
  unitStart: Int32Array,
  /** Uint16: every unit's normalized text, a U+0000 between units (Latin word starts, phrases). */
  text: Uint16Array,
  /** Uint32 [unitCount + 1]: byte offset of each unit's edits in `edits`. */
  editOffsets: Uint32Array,
  /** Varints per unit: count of edit triples, then (start − previous end, end − start, length). */
  edits: Uint8Array,
  /** Uint32 [sectionCount + unitCount + 1]: offsets into the decoded `ids` string. */
  idOffsets: Uint32Array,
  /** UTF-8: section ids, then unit ids (paragraph ids; empty for titles), concatenated. */
  ids: Uint8Array,
  /** Float64 [termCount], ascending: the n-gram key of each term (see gramKey). */
  termKeys: Float64Array,
  /** Uint32 [termCount]: the term's index in Lunr's inverted index (order of first use). */
  termLunr: Uint32Array,
  /** Uint32 [termCount + 1]: byte offset of each term's positions in `positions`. */
  posOffsets: Uint32Array,
  /** Varints per term: count, then global text positions as deltas (ascending). */
  positions: Uint8Array,
  /** Uint32 [termCount + 1]: byte offset of each term's BM25 postings in `bm25`. */
  bm25Offsets: Uint32Array,
  /** Varints per term, per field (title, body): count, section deltas, Lunr weights × 1000. */
  bm25: Uint8Array,
} as const;

export type BlockName = keyof typeof BLOCKS;
type ViewOf<C> = C extends Int32ArrayConstructor
  ? Int32Array
  : C extends Uint32ArrayConstructor
    ? Uint32Array
    : C extends Uint16ArrayConstructor
      ? Uint16Array
      : C extends Float64ArrayConstructor
        ? Float64Array
        : Uint8Array;
export type Blocks = { [K in BlockName]: ViewOf<(typeof BLOCKS)[K]> };

export interface IndexHeader {
  version: string;
  sectionCount: number;
  unitCount: number;
  termCount: number;
  /** [byte offset, element count] of each block. */
  blocks: Record<BlockName, [number, number]>;
}

export class IndexFormatError extends Error {}

/** The key of an n-gram of one or two code points (exact in a double: < 2^53). */
export function gramKey(first: number, second: number): number {
  return first * 0x110001 + (second < 0 ? 0 : second + 1);
}

const align8 = (n: number) => (n + 7) & ~7;

/** Lays out the header and blocks into one byte array. */
export function writeIndexFile(
  head: Omit<IndexHeader, 'blocks'>,
  blocks: Blocks,
): Uint8Array<ArrayBuffer> {
  const names = Object.keys(BLOCKS) as BlockName[];
  // The header's size depends on the offsets it lists: fix it by padding the JSON.
  const placeholder: Record<string, [number, number]> = {};
  for (const name of names) placeholder[name] = [0xffffffff, 0xffffffff];
  let headerBytes = new TextEncoder().encode(JSON.stringify({ ...head, blocks: placeholder }));
  const headerSpace = align8(8 + headerBytes.length);
  let offset = headerSpace;
  const layout = {} as Record<BlockName, [number, number]>;
  for (const name of names) {
    layout[name] = [offset, blocks[name].length];
    offset = align8(offset + blocks[name].byteLength);
  }
  headerBytes = new TextEncoder().encode(JSON.stringify({ ...head, blocks: layout }));
  const out = new Uint8Array(offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  out.fill(0x20, 8 + headerBytes.length, headerSpace);
  for (const name of names) {
    const b = blocks[name];
    out.set(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), layout[name][0]);
  }
  return out;
}

/** Reads the header only (cheap): the version check happens before anything else. */
export function readIndexHeader(bytes: Uint8Array): IndexHeader {
  if (bytes.length < 8) throw new IndexFormatError('too short to be a search index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new IndexFormatError('not a search index file');
  const length = view.getUint32(4, true);
  if (8 + length > bytes.length) throw new IndexFormatError('truncated header');
  let header: IndexHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as IndexHeader;
  } catch {
    throw new IndexFormatError('unreadable header');
  }
  if (!header || typeof header.version !== 'string') throw new IndexFormatError('no version');
  return header;
}

/** Typed-array views on the blocks (copies once if the bytes are not 8-byte aligned). */
export function viewIndexBlocks(input: Uint8Array, header: IndexHeader): Blocks {
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const out = {} as Record<BlockName, unknown>;
  for (const name of Object.keys(BLOCKS) as BlockName[]) {
    const at = header.blocks?.[name];
    const Type = BLOCKS[name];
    if (!Array.isArray(at) || at.length !== 2) throw new IndexFormatError(`no block ${name}`);
    const [offset, count] = at;
    if (
      !Number.isInteger(offset) ||
      !Number.isInteger(count) ||
      offset % 8 !== 0 ||
      offset < 0 ||
      count < 0 ||
      offset + count * Type.BYTES_PER_ELEMENT > bytes.length
    ) {
      throw new IndexFormatError(`block ${name} lies outside the file`);
    }
    out[name] = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, count);
  }
  return out as Blocks;
}
