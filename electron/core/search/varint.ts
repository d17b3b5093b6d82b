// LEB128 varints: the compact encoding of the index's posting lists (positions and
// section numbers as deltas, Lunr BM25 weights in thousandths) and offset edits, so
// that the stored index stays smaller than an FTS5 database. The reader is inlined
// in the query loops of ./index (a function call per varint cost measurable time).

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
