// The text of an import file, the same in every host: UTF-8 with or without a byte
// order mark, and nothing else. A host that reads bytes (the CLI, the renderer's file
// picker) decodes them here, refusing bytes that are not UTF-8 with a clear error
// rather than replacing them; a host handed text (the HTTP API) passes it through
// importText, which drops a leading BOM and refuses replacement characters (U+FFFD),
// the mark of a file decoded from another encoding. Either way nothing with a
// replacement character is ever stored.

// The WHATWG decoder every runtime here has (Node, Electron, the browser); this
// folder compiles without Node or DOM types, so its shape is declared here.
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean },
) => { decode(bytes: Uint8Array): string };

/** Why a file's bytes or text cannot be imported as UTF-8. */
export class ImportEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportEncodingError';
  }
}

const SAVE_AS_UTF8 = 'save it as UTF-8 and import it again';

/** The bytes of an import file as text (UTF-8, BOM optional); refuses any other encoding. */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    throw new ImportEncodingError(`the file is UTF-16 (little-endian), not UTF-8: ${SAVE_AS_UTF8}`);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    throw new ImportEncodingError(`the file is UTF-16 (big-endian), not UTF-8: ${SAVE_AS_UTF8}`);
  let text: string;
  try {
    // fatal: invalid bytes are an error, never U+FFFD; a leading BOM is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportEncodingError(
      `the file is not valid UTF-8 (another encoding?): ${SAVE_AS_UTF8}`,
    );
  }
  return importText(text);
}

/** Text handed to an import: a leading BOM dropped; a replacement character refused. */
export function importText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = body.indexOf('\uFFFD');
  if (at >= 0)
    throw new ImportEncodingError(
      `the file contains a replacement character (U+FFFD) at character ${at + 1}: it was decoded from another encoding; ${SAVE_AS_UTF8}`,
    );
  return body;
}
