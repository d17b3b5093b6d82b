// Loaded with `node --import` into electronegativity's process only (test:security).
//
// Why: electronegativity writes its CSV report with two fs.writeFile calls issued in the
// same tick — the header (truncating the file) and the rows (appending) — so which one
// lands first is up to libuv's thread pool. Now and then the header is written over the
// start of the rows, and the report reads as one mangled finding (a clean CI run failed
// that way). Here every fs.writeFile of that process is carried out synchronously, in the
// order it was called, and its callback still runs asynchronously as the caller expects.
import fs from 'node:fs';

/**
 * @param {import('node:fs').PathOrFileDescriptor} file
 * @param {string | NodeJS.ArrayBufferView} data
 * @param {import('node:fs').WriteFileOptions | ((err: unknown) => void)} options
 * @param {(err: unknown) => void} [callback]
 */
function writeFileInCallOrder(file, data, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'function' ? undefined : options;
  let failure = null;
  try {
    fs.writeFileSync(file, data, opts);
  } catch (err) {
    failure = err;
  }
  if (typeof done === 'function') process.nextTick(done, failure);
}

// Replaced on the module object electronegativity requires (its own writeFile calls read it).
Object.assign(fs, { writeFile: writeFileInCallOrder });
