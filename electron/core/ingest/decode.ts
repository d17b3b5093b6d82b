// Rule 1 (decoding): turns the bytes of a source file into text, or refuses them.
// Government text files come as UTF-8 (with or without BOM), UTF-16 with a BOM, or
// Shift_JIS/CP932; anything else — empty, binary, or bytes valid in none of these —
// is refused with one line naming the file. Never guesses: every decoder is fatal,
// so a wrong guess fails instead of producing mojibake. Line ends become LF.
import { ContentBuildError } from './errors';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface DecodedSource {
  text: string;
  encoding: SourceEncoding;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: the BOM has already been recognised and sliced off by the caller.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, LF, CR and form feed: the signature of binary data. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex

/** CRLF and lone CR become LF; a form feed (pdftotext's page break) becomes a line break too. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?|\f/g, '\n');
}

/**
 * Decodes a source file. `name` is only used in error messages (the path to show).
 * Throws ContentBuildError for empty, binary or undecodable input.
 */
export function decodeSource(bytes: Uint8Array, name: string): DecodedSource {
  if (bytes.length === 0) throw new ContentBuildError(`${name}: empty file`);
  let encoding: SourceEncoding;
  let text: string | null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = decodeStrict('utf-8', bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = bytes.length % 2 === 0 ? decodeStrict('utf-16le', bytes.subarray(2)) : null;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = bytes.length % 2 === 0 ? decodeStrict('utf-16be', bytes.subarray(2)) : null;
  } else {
    if (bytes.includes(0)) throw new ContentBuildError(`${name}: binary file (contains NUL bytes)`);
    encoding = 'utf-8';
    text = decodeStrict('utf-8', bytes);
    if (text === null) {
      encoding = 'shift_jis'; // WHATWG shift_jis is CP932 (Windows-31J): ①② and NEC/IBM extensions
      text = decodeStrict('shift_jis', bytes);
    }
  }
  if (text === null)
    throw new ContentBuildError(
      encoding === 'shift_jis'
        ? `${name}: undecodable bytes (neither UTF-8 nor Shift_JIS/CP932)`
        : `${name}: undecodable bytes (invalid ${encoding.replace('-bom', '')} after its byte-order mark)`,
    );
  const control = CONTROL_CHARACTER.exec(text);
  if (control)
    throw new ContentBuildError(
      `${name}: binary file (control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at character ${control.index})`,
    );
  const normalized = normalizeLineEnds(text);
  if (/^[ \t\n\f\u3000]*$/.test(normalized))
    throw new ContentBuildError(`${name}: empty file (no text, only blank lines)`);
  return { text: normalized, encoding };
}
