// A file's SHA-256 (how the library tells the same file imported twice), computed in
// slices with a turn of the event loop between them: a 200 MB document hashed at once
// would hold up every request the host serves meanwhile for a noticeable moment.
import crypto from 'node:crypto';

/** Bytes hashed between two turns of the event loop. */
const SLICE_BYTES = 8 * 1024 * 1024;

export async function sha256InSlices(bytes: Uint8Array): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    hash.update(bytes.subarray(at, at + SLICE_BYTES));
    if (at + SLICE_BYTES < bytes.length) await new Promise((r) => setImmediate(r));
  }
  return hash.digest('hex');
}
