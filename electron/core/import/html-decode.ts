// Turns the bytes of a saved web page into text: a byte-order mark wins, then the
// charset the page declares (<meta charset>, <meta http-equiv content>, or an XML
// declaration) within its first 2 KiB, as browsers do; without one, the bundled
// decoder's rule (UTF-8, else Shift_JIS/CP932). Decoding is fatal: bytes that do not
// fit the declared charset fall back to that rule instead of turning into mojibake.
import { ImportError } from './errors';
import { decodeText } from './text';

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset a document declares in its first 2 KiB, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

export function decodeHtml(bytes: Uint8Array, name: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeText(bytes, name); // UTF-8 with BOM
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return decodeText(bytes, name);
  const declared = declaredCharset(bytes);
  if (declared) {
    let label: string | null;
    try {
      // Normalises aliases (x-sjis, windows-31j, csShiftJIS …) to the WHATWG name.
      label = new TextDecoder(declared).encoding;
    } catch {
      label = null;
    }
    const text = label ? tryDecode(label, bytes) : null;
    if (text !== null && label) {
      if (text.trim().length === 0) throw new ImportError('empty', `${name}: empty file`);
      return { text, encoding: label };
    }
  }
  return decodeText(bytes, name);
}
