// Reading a zip archive (an EPUB) that may be hostile, with yauzl: the central
// directory is checked against the limits (./limits.ts ZipLimits) before a single
// byte is inflated — entry count, each entry's and the total uncompressed size, the
// compression ratio — and yauzl refuses entry names that are absolute or climb out
// with "../" (validateFileName) and streams whose real size differs from the declared
// one (validateEntrySizes), so a forged header cannot smuggle a bomb past the checks.
// Only entries that are asked for are inflated, each into memory of its declared size.
import yauzl from 'yauzl';
import { ImportError, reason } from './errors';
import { formatBytes, RATIO_CHECK_MIN_BYTES, type ZipLimits } from './limits';

export interface ZipArchive {
  /** Entry names (files only), as in the archive. */
  names(): string[];
  has(name: string): boolean;
  /** The entry's bytes; throws ImportError for a missing or damaged entry. */
  read(name: string): Promise<Uint8Array>;
  close(): void;
}

function unsafe(name: string, what: string): ImportError {
  return new ImportError('unsafe_archive', `${name}: refused: ${what}`);
}

function classify(name: string, err: unknown): ImportError {
  const text = reason(err);
  if (/invalid relative path|absolute path|invalid characters in fileName/i.test(text))
    return unsafe(name, `an entry's path leaves the archive (${text})`);
  if (/too many bytes|too few bytes|expected uncompressed size/i.test(text))
    return unsafe(name, `an entry's real size differs from its declared size (${text})`);
  return new ImportError('damaged', `${name}: damaged zip archive (${text})`);
}

export function openZip(bytes: Uint8Array, name: string, limits: ZipLimits): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(classify(name, err));
        if (zip.entryCount > limits.maxEntries) {
          zip.close();
          return reject(
            unsafe(name, `${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`),
          );
        }
        const entries = new Map<string, yauzl.Entry>();
        let total = 0;
        let failed = false;
        const fail = (error: ImportError) => {
          if (failed) return;
          failed = true;
          zip.close();
          reject(error);
        };
        zip.on('error', (e) => fail(classify(name, e)));
        zip.on('entry', (entry: yauzl.Entry) => {
          if (failed) return;
          const file = entry.fileName;
          if (!file.endsWith('/')) {
            if (entry.uncompressedSize > limits.maxEntryBytes)
              return fail(
                unsafe(
                  name,
                  `entry ${file} expands to ${formatBytes(entry.uncompressedSize)}, more than the limit of ${formatBytes(limits.maxEntryBytes)}`,
                ),
              );
            total += entry.uncompressedSize;
            if (total > limits.maxTotalBytes)
              return fail(
                unsafe(
                  name,
                  `the archive expands to more than the limit of ${formatBytes(limits.maxTotalBytes)}`,
                ),
              );
            if (
              entry.uncompressedSize >= RATIO_CHECK_MIN_BYTES &&
              entry.uncompressedSize > Math.max(1, entry.compressedSize) * limits.maxRatio
            )
              return fail(
                unsafe(
                  name,
                  `entry ${file} is compressed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1, more than the limit of ${limits.maxRatio}:1 (a zip bomb)`,
                ),
              );
            if (entries.has(file)) return fail(unsafe(name, `entry ${file} appears twice`));
            entries.set(file, entry);
          }
          zip.readEntry();
        });
        zip.on('end', () => {
          if (failed) return;
          resolve({
            names: () => [...entries.keys()],
            has: (file) => entries.has(file),
            read(file) {
              const entry = entries.get(file);
              if (!entry)
                return Promise.reject(new ImportError('damaged', `${name}: ${file} is missing`));
              if (entry.isEncrypted())
                return Promise.reject(
                  new ImportError('encrypted', `${name}: ${file} is encrypted (DRM)`),
                );
              return new Promise((res, rej) => {
                zip.openReadStream(entry, (e, stream) => {
                  if (e || !stream) return rej(classify(name, e));
                  const out = new Uint8Array(entry.uncompressedSize);
                  let at = 0;
                  stream.on('data', (chunk: Buffer) => {
                    if (at + chunk.length > out.length) {
                      stream.destroy(new Error('too many bytes in the stream'));
                      return;
                    }
                    out.set(chunk, at);
                    at += chunk.length;
                  });
                  stream.on('error', (se) => rej(classify(name, se)));
                  stream.on('end', () => res(out.subarray(0, at)));
                });
              });
            },
            close: () => zip.close(),
          });
        });
        zip.readEntry();
      },
    );
  });
}
