// `build-content`: rebuilds the content database from the source, its metadata and
// the curation (always, even when it looks current). Atomic: on any error the
// previous database stays as it was and the command exits 1 with one line. A
// maintenance command, not a reader call: it builds the content the core reads
// and never opens the core.
import path from 'node:path';
import { defaultContentInputs, displayPath } from '../../core/content/inputs';
import { buildContentDb } from '../../core/ingest/build';
import type { Command } from '../command';
import { buildingContent } from '../core-session';

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const buildContentCommand: Command = {
  name: 'build-content',
  summary: 'Rebuild the content database (data/content.sqlite) from the source and curation',
  usage:
    'hakusho build-content [--source FILE.txt] [--metadata FILE.json] [--curation FILE.json] [--content DB] [--json]',
  options: {
    source: { type: 'string' },
    metadata: { type: 'string' },
    curation: { type: 'string' },
  },
  data: 'reads',
  run(input, _session, io) {
    const defaults = defaultContentInputs();
    const source = str(input.values.source);
    const sourcePath = source ? path.resolve(source) : defaults.sourcePath;
    const metadata = str(input.values.metadata);
    const curation = str(input.values.curation);
    const inputs = {
      sourcePath,
      // By default the metadata sits beside the source, under the same name.
      metadataPath: metadata
        ? path.resolve(metadata)
        : source
          ? sourcePath.replace(/\.[^./\\]*$/, '') + '.json'
          : defaults.metadataPath,
      curationPath: curation ? path.resolve(curation) : defaults.curationPath,
    };
    const result = buildingContent(() =>
      buildContentDb({ inputs, dbPath: input.contentDbPath, log: io.log }),
    );
    if (input.json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    io.out(
      `built ${displayPath(result.dbPath)}: ${result.sections} sections, ${result.paragraphs} paragraphs, ${result.bytes} bytes (sha256 ${result.dbSha256.slice(0, 16)}…)`,
    );
    return 0;
  },
};
