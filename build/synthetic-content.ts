// `npm run build:content:synthetic [-- --copies N] [--out FILE]`: builds the synthetic
// long document (the chapter repeated N times, 100 by default, ids suffixed --rN)
// into data/content-100x.sqlite (or FILE), through the real content build; see
// electron/core/ingest/synthetic.ts. Serve it with
// `npm run serve -- --content data/content-100x.sqlite`.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultContentInputs } from '../electron/core/content/inputs';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';
import { buildSyntheticContentDb, DEFAULT_COPIES } from '../electron/core/ingest/synthetic';

/** Where the synthetic database goes by default (git-ignored like every data/*.sqlite). */
export function defaultSyntheticPath(copies = DEFAULT_COPIES, root = repoRoot()): string {
  return path.join(root, 'data', `content-${copies}x.sqlite`);
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { copies: { type: 'string' }, out: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const copies = values.copies === undefined ? DEFAULT_COPIES : Number(values.copies);
  if (values.copies !== undefined && !/^\d+$/.test(values.copies))
    throw new Error(`--copies must be a whole number, not "${values.copies}"`);
  const dbPath = path.resolve(values.out ?? defaultSyntheticPath(copies));
  const started = Date.now();
  const result = buildSyntheticContentDb({ inputs: defaultContentInputs(), dbPath, copies });
  process.stdout.write(
    `${path.relative(process.cwd(), result.dbPath) || result.dbPath}: ${result.copies}× the chapter, ` +
      `${result.sections} sections, ${result.paragraphs} paragraphs, ${result.bytes} bytes, ` +
      `sha256 ${result.dbSha256.slice(0, 16)}… (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  return 0;
}

if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(
      `build:content:synthetic: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
