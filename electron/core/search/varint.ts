// LEB128 varints: the compact encoding of the index's posting lists (document
// numbers as deltas, Lunr BM25 weights in thousandths), so that the stored index
// stays smaller than an FTS5 database and loads as one typed array.

export class VarintWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  write(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads one varint at `pos`; returns the value and stores the next position in `cursor[0]`. */
export function readVarint(bytes: Uint8Array, cursor: Int32Array): number {
  let pos = cursor[0] as number;
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++] as number;
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
    shift += 7;
  }
  cursor[0] = pos;
  return result;
}
