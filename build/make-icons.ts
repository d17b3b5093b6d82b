// `npm run icons`: renders the master SVG (build/icon.svg) into the icon set every
// platform's installer needs, written to build/icons/ and committed. Each PNG
// size is rendered from the vector master (crisper at 16–48 px than a downscale);
// the .ico and .icns containers are packed by png2icons from the 1024 px render.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import {
  ICNS_FILE,
  ICO_FILE,
  ICON_PNG_SIZES,
  SOURCE_HASH_FILE,
  iconSetProblems,
  pngName,
  sha256,
} from './icon-set';

const buildDir = path.dirname(fileURLToPath(import.meta.url));
const masterPath = path.join(buildDir, 'icon.svg');
const outDir = path.join(buildDir, 'icons');

export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
    shapeRendering: 2,
  });
  return Buffer.from(resvg.render().asPng());
}

function main(): void {
  const svg = readFileSync(masterPath, 'utf8');
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  let master: Buffer | null = null;
  for (const size of ICON_PNG_SIZES) {
    const png = renderPng(svg, size);
    writeFileSync(path.join(outDir, pngName(size)), png);
    written.push(pngName(size));
    if (size === 1024) master = png;
  }
  if (master === null) throw new Error('the 1024 px master was not rendered');
  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
  if (ico === null) throw new Error('png2icons could not create the .ico');
  writeFileSync(path.join(outDir, ICO_FILE), ico);
  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (icns === null) throw new Error('png2icons could not create the .icns');
  writeFileSync(path.join(outDir, ICNS_FILE), icns);
  writeFileSync(path.join(outDir, SOURCE_HASH_FILE), `${sha256(svg)}\n`);
  written.push(ICO_FILE, ICNS_FILE, SOURCE_HASH_FILE);

  const problems = iconSetProblems((name) => {
    try {
      return readFileSync(path.join(outDir, name));
    } catch {
      return null;
    }
  }, svg);
  if (problems.length > 0) {
    throw new Error(`the generated icon set is incomplete:\n  ${problems.join('\n  ')}`);
  }
  console.log(`icons: wrote ${written.length} files to ${path.relative(process.cwd(), outDir)}/`);
}

main();
