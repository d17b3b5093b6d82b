// Opening a PDF with pdf.js (pdfjs-dist's legacy build, the one meant for Node) in
// its safest configuration: no eval (isEvalSupported: false), no font faces and no
// system fonts (nothing installed or loaded outside the process), no WebAssembly
// decoders (text only: images are never decoded), no network (data is passed in
// bytes; CMaps and standard-font data are read from pdfjs-dist's own folders, which
// Japanese PDFs need: cMapPacked). Its errors become one ImportError line each.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { ImportError, reason } from '../errors';

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded once on first use (it is large, and most imports are not PDFs) from
 * pdfjsDataDir() by file URL: the minified legacy build and its worker, which pdf.js
 * runs in this thread (its "fake worker"). Loading by path keeps it out of bundles,
 * so a packaged app ships the package's files as they are.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const build = path.join(pdfjsDataDir(), 'legacy', 'build');
    const pdfjs = (await import(pathToFileURL(path.join(build, 'pdf.min.mjs')).href)) as PdfJs;
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
      path.join(build, 'pdf.worker.min.mjs'),
    ).href;
    return pdfjs;
  })();
  pdfjsModule.catch(() => {
    pdfjsModule = null;
  });
  return pdfjsModule;
}

/** Names a copy of pdfjs-dist's files (legacy/build/, cmaps/, standard_fonts/). */
export const PDFJS_DIR_ENV = 'HAKUSHO_PDFJS_DIR';
/** Where an installer ships that copy, inside resources/ (electron-builder.yml extraResources). */
export const PDFJS_RESOURCE = 'pdfjs';
/** The files of it the importer loads (checked in the packed app by dist:check). */
export const PDFJS_FILES = [
  'legacy/build/pdf.min.mjs',
  'legacy/build/pdf.worker.min.mjs',
  'cmaps/UniJIS-UCS2-H.bcmap',
  'cmaps/Adobe-Japan1-UCS2.bcmap',
  'standard_fonts/FoxitSerif.pfb',
] as const;

/**
 * pdfjs-dist's folder (legacy/build/, cmaps/, standard_fonts/). HAKUSHO_PDFJS_DIR points
 * at a copy (a packaged app ships those beside its bundle); by default the installed package.
 */
export function pdfjsDataDir(): string {
  const override = process.env[PDFJS_DIR_ENV];
  if (override) return override;
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

function folderUrl(dir: string, sub: string): string {
  const folder = path.join(dir, sub);
  if (!fs.existsSync(folder))
    throw new ImportError('unsupported', `PDF support is incomplete: ${folder} is missing`);
  return `${folder}${path.sep}`;
}

/** A PDF must end with %%EOF (within its last 4 KiB, as readers allow): else it is cut short. */
export function hasEndOfFile(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(
    Math.max(0, bytes.byteLength - 4096),
  );
  return tail.includes('%%EOF');
}

export async function openPdf(bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  if (!hasEndOfFile(bytes))
    throw new ImportError(
      'damaged',
      `${name}: truncated PDF (no end-of-file marker): download it again`,
    );
  const pdfjs = await loadPdfJs();
  const dir = pdfjsDataDir();
  // pdf.js may keep (transfer) the buffer it is given: give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    cMapUrl: folderUrl(dir, 'cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folderUrl(dir, 'standard_fonts'),
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const kind = err instanceof Error ? err.name : '';
    if (kind === 'PasswordException')
      throw new ImportError(
        'encrypted',
        `${name}: encrypted PDF (it needs a password to open): save a copy without the password and import that`,
      );
    if (kind === 'InvalidPDFException')
      throw new ImportError('damaged', `${name}: damaged PDF (${reason(err)})`);
    throw new ImportError('damaged', `${name}: cannot read this PDF (${reason(err)})`);
  }
}
