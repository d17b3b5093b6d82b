// Where the content build reads from: the source text, its metadata file and its
// curation file. One place for the defaults of a checkout, shared by the builder,
// ensureContentDb and the CLI.
import path from 'node:path';
import { repoRoot } from '../paths';

export const DEFAULT_DOCUMENT_ID = 'meti-white-paper-2023-us-canada';

export interface ContentInputs {
  /** The source text (data/sources/<id>.txt). */
  sourcePath: string;
  /** Its metadata (title, publisher, edition, attribution): data/sources/<id>.json. */
  metadataPath: string;
  /** The reviewed curation: data/curation/<id>.json. */
  curationPath: string;
}

export function defaultContentInputs(root: string = repoRoot()): ContentInputs {
  return {
    sourcePath: path.join(root, 'data', 'sources', `${DEFAULT_DOCUMENT_ID}.txt`),
    metadataPath: path.join(root, 'data', 'sources', `${DEFAULT_DOCUMENT_ID}.json`),
    curationPath: path.join(root, 'data', 'curation', `${DEFAULT_DOCUMENT_ID}.json`),
  };
}

/** A path as people want to read it in a message: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.length > 0 && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative
    : file;
}
