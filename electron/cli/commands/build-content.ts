// `build-content`: rebuilds the content database from the source, its metadata and
// the curation (always, even when it looks current). Atomic: on any error the
// previous database stays as it was and the command exits 1 with one line. A
// maintenance command, not a reader call: it builds the content the core reads
// and never opens the core.
import path from 'node:path';
import fs from 'node:fs';
import { contentOwnership, ownContentDbPath } from '../../core/content/ensure';
import { defaultContentInputs, displayPath } from '../../core/content/inputs';
import { ContentBuildError } from '../../core/ingest/errors';
import { parseSourceMetadata } from '../../core/ingest/metadata';
import { buildContentDb } from '../../core/ingest/build';
import type { Command } from '../command';
import { buildingContent } from '../core-session';

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const buildContentCommand: Command = {
  name: 'build-content',
  summary: 'Rebuild the content database (data/content.sqlite) from the source and curation',
  usage:
    'hakusho build-content [--source FILE.txt] [--metadata FILE.json] [--curation FILE.json] [--content DB] [--json]',
  maxPositionals: 0,
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
    const dbPath = path.resolve(input.contentDbPath);
    const result = buildingContent(() => {
      // Only the checkout's own file, a new file or one this reader built is replaced.
      if (dbPath !== ownContentDbPath() && fs.existsSync(dbPath)) {
        const id = parseSourceMetadata(
          fs.readFileSync(inputs.metadataPath, 'utf8'),
          displayPath(inputs.metadataPath),
        ).id;
        const owner = contentOwnership(dbPath, id);
        if (!owner.ours)
          throw new ContentBuildError(
            `${displayPath(dbPath)} is not a content database this reader built: ${owner.why}; it was not changed. Choose another path`,
          );
      }
      return buildContentDb({ inputs, dbPath, log: io.log });
    });
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
