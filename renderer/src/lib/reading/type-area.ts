// When the type area changes: a new text size, typeface, writing direction or 和欧間スペース
// re-flows every line, so both reading views lay the text out again and return the reader
// to the character they were at. One key names the type area; the watch tells a view
// when the key it last saw has changed (not the first time it sees one: that is the start).

/** The settings that shape the lines of the text. */
export interface TypeAreaSettings {
  writingMode: string;
  fontSize: number;
  fontFamily: string;
  autospace: boolean;
}

/** A key that changes whenever the type area does. */
export function typeAreaKey(s: TypeAreaSettings): string {
  return `${s.writingMode}|${s.fontSize}|${s.fontFamily}|${s.autospace}`;
}

/** Remembers the last key seen. */
export class TypeAreaWatch {
  private seen = '';

  /** Takes the current key; true when it differs from an earlier one. */
  changed(key: string): boolean {
    const was = this.seen;
    this.seen = key;
    return was !== '' && was !== key;
  }
}
