// What a complete icon set is, and how to read one back. electron-builder takes
// the Linux icons from a folder of NxN.png files, the Windows icon from an .ico
// and the macOS icon from an .icns; a missing size silently falls back to a
// blurry rescale (or to Electron's default icon), so `npm run icons` writes the
// whole set and both the unit tests and `npm run dist:check` verify it here.
import { createHash } from 'node:crypto';

/** Square PNG sizes written to build/icons/ (Linux hicolor sizes plus the masters for ico/icns). */
export const ICON_PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Sizes the Windows .ico must hold (16–256; 256 is what Explorer shows in large views). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/**
 * Pixel sizes the .icns must hold (ic11–ic14 are the @2x variants of 16, 32,
 * 128 and 256 pt; 16 px comes as is32 + s8mk). macOS Finder and Dock use 16…1024.
 */
export const ICNS_REQUIRED_PX = [16, 32, 64, 128, 256, 512, 1024] as const;

export const ICON_DIR = 'build/icons';
export const ICO_FILE = 'icon.ico';
export const ICNS_FILE = 'icon.icns';
/** SHA-256 of the master SVG the set was generated from (stale-set detection). */
export const SOURCE_HASH_FILE = 'icon.svg.sha256';

export function pngName(size: number): string {
  return `${size}x${size}.png`;
}

export function expectedIconFiles(): string[] {
  return [...ICON_PNG_SIZES.map(pngName), ICO_FILE, ICNS_FILE, SOURCE_HASH_FILE];
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(data: Uint8Array): { width: number; height: number } | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Pixel sizes of the images in an .ico directory (0 in the header means 256). */
export function icoSizes(data: Uint8Array): number[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 6 || buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) {
    throw new Error('not an ICO file (bad header)');
  }
  const count = buf.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + i * 16;
    if (entry + 16 > buf.length) throw new Error('ICO directory is truncated');
    const width = buf.readUInt8(entry) || 256;
    const height = buf.readUInt8(entry + 1) || 256;
    const bytes = buf.readUInt32LE(entry + 8);
    const offset = buf.readUInt32LE(entry + 12);
    if (width !== height) throw new Error(`ICO image ${i} is not square (${width}x${height})`);
    if (offset + bytes > buf.length) throw new Error(`ICO image ${i} points past the end`);
    sizes.push(width);
  }
  return sizes;
}

/** Pixel size of each image-holding ICNS element type (is32/il32: PackBits RGB with s8mk/l8mk masks). */
const ICNS_PNG_TYPES: Record<string, number> = {
  is32: 16,
  il32: 32,
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

/** Element types of an .icns file, with the pixel size each represents where known. */
export function icnsEntries(data: Uint8Array): { type: string; px: number | null }[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== 'icns') {
    throw new Error('not an ICNS file (bad magic)');
  }
  if (buf.readUInt32BE(4) !== buf.length) throw new Error('ICNS length field does not match');
  const entries: { type: string; px: number | null }[] = [];
  let pos = 8;
  while (pos < buf.length) {
    if (pos + 8 > buf.length) throw new Error('ICNS element header is truncated');
    const type = buf.toString('latin1', pos, pos + 4);
    const len = buf.readUInt32BE(pos + 4);
    if (len < 8 || pos + len > buf.length) throw new Error(`ICNS element ${type} has a bad length`);
    entries.push({ type, px: ICNS_PNG_TYPES[type] ?? null });
    pos += len;
  }
  return entries;
}

/** Reads one file of the set (relative to the icon folder); null when it does not exist. */
export type IconFileReader = (name: string) => Uint8Array | null;

/**
 * Every problem with an icon set, as human-readable lines (empty when complete):
 * missing files, PNGs of the wrong size, .ico/.icns lacking sizes, or a set
 * generated from another version of the master SVG.
 */
export function iconSetProblems(read: IconFileReader, masterSvg: string | null): string[] {
  const problems: string[] = [];
  for (const size of ICON_PNG_SIZES) {
    const name = pngName(size);
    const data = read(name);
    if (data === null) {
      problems.push(`missing ${name}`);
      continue;
    }
    const dim = pngSize(data);
    if (dim === null) problems.push(`${name} is not a PNG`);
    else if (dim.width !== size || dim.height !== size)
      problems.push(`${name} is ${dim.width}x${dim.height}, expected ${size}x${size}`);
  }
  const ico = read(ICO_FILE);
  if (ico === null) problems.push(`missing ${ICO_FILE}`);
  else {
    try {
      const have = new Set(icoSizes(ico));
      const lacking = ICO_SIZES.filter((s) => !have.has(s));
      if (lacking.length > 0) problems.push(`${ICO_FILE} lacks sizes ${lacking.join(', ')}`);
    } catch (err) {
      problems.push(`${ICO_FILE}: ${(err as Error).message}`);
    }
  }
  const icns = read(ICNS_FILE);
  if (icns === null) problems.push(`missing ${ICNS_FILE}`);
  else {
    try {
      const have = new Set(icnsEntries(icns).map((e) => e.px));
      const lacking = ICNS_REQUIRED_PX.filter((px) => !have.has(px));
      if (lacking.length > 0) problems.push(`${ICNS_FILE} lacks sizes ${lacking.join(', ')}`);
    } catch (err) {
      problems.push(`${ICNS_FILE}: ${(err as Error).message}`);
    }
  }
  if (masterSvg !== null) {
    const recorded = read(SOURCE_HASH_FILE);
    const current = sha256(masterSvg);
    if (recorded === null) problems.push(`missing ${SOURCE_HASH_FILE}`);
    else if (Buffer.from(recorded).toString('utf8').trim() !== current)
      problems.push('icons are stale: build/icon.svg changed since `npm run icons` last ran');
  }
  return problems;
}
