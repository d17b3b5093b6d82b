import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ICNS_FILE,
  ICO_FILE,
  ICON_PNG_SIZES,
  SOURCE_HASH_FILE,
  expectedIconFiles,
  icnsEntries,
  icoSizes,
  iconSetProblems,
  pngName,
  pngSize,
  sha256,
} from './icon-set';

const iconDir = path.join(import.meta.dirname, 'icons');
const masterSvg = readFileSync(path.join(import.meta.dirname, 'icon.svg'), 'utf8');
const readCommitted = (name: string): Uint8Array | null => {
  try {
    return readFileSync(path.join(iconDir, name));
  } catch {
    return null;
  }
};

describe('the committed icon set', () => {
  it('is complete, sized right and generated from the current build/icon.svg', () => {
    expect(iconSetProblems(readCommitted, masterSvg)).toEqual([]);
  });

  it('covers 16 to 1024 px in PNG, .ico up to 256 and .icns up to 1024', () => {
    expect(ICON_PNG_SIZES[0]).toBe(16);
    expect(ICON_PNG_SIZES.at(-1)).toBe(1024);
    expect(icoSizes(readCommitted(ICO_FILE)!)).toEqual(
      expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]),
    );
    const px = icnsEntries(readCommitted(ICNS_FILE)!).map((e) => e.px);
    expect(px).toEqual(expect.arrayContaining([16, 32, 64, 128, 256, 512, 1024]));
  });
});

describe('iconSetProblems', () => {
  const committed = new Map(expectedIconFiles().map((n) => [n, readCommitted(n)!]));

  it('names a missing PNG size', () => {
    const read = (n: string) => (n === pngName(48) ? null : (committed.get(n) ?? null));
    expect(iconSetProblems(read, masterSvg)).toEqual(['missing 48x48.png']);
  });

  it('names a PNG whose pixels are not the size its name says', () => {
    const read = (n: string) =>
      n === pngName(64) ? committed.get(pngName(32))! : (committed.get(n) ?? null);
    expect(iconSetProblems(read, masterSvg)).toEqual(['64x64.png is 32x32, expected 64x64']);
  });

  it('rejects an .ico or .icns that is something else', () => {
    const junk = new TextEncoder().encode('not an icon at all');
    const read = (n: string) =>
      n === ICO_FILE || n === ICNS_FILE ? junk : (committed.get(n) ?? null);
    const problems = iconSetProblems(read, masterSvg);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^icon\.ico: not an ICO/);
    expect(problems[1]).toMatch(/^icon\.icns: not an ICNS/);
  });

  it('notices a set generated from another version of the master', () => {
    const problems = iconSetProblems((n) => committed.get(n) ?? null, `${masterSvg}<!-- x -->`);
    expect(problems).toEqual([
      'icons are stale: build/icon.svg changed since `npm run icons` last ran',
    ]);
  });

  it('reports every missing file of an empty folder', () => {
    expect(iconSetProblems(() => null, masterSvg)).toHaveLength(expectedIconFiles().length);
  });
});

describe('file readers', () => {
  it('reads PNG dimensions and refuses non-PNG bytes', () => {
    expect(pngSize(readCommitted(pngName(128))!)).toEqual({ width: 128, height: 128 });
    expect(pngSize(new Uint8Array(40))).toBeNull();
  });

  it('refuses an .ico whose directory points past its end', () => {
    const ico = Buffer.from(readCommitted(ICO_FILE)!);
    expect(() => icoSizes(ico.subarray(0, 200))).toThrow(/past the end/);
  });

  it('refuses an .icns whose length field lies', () => {
    const icns = Buffer.from(readCommitted(ICNS_FILE)!);
    expect(() => icnsEntries(icns.subarray(0, icns.length - 1))).toThrow(/length/);
  });

  it('records the master hash as hex', () => {
    expect(Buffer.from(readCommitted(SOURCE_HASH_FILE)!).toString().trim()).toBe(sha256(masterSvg));
  });
});
