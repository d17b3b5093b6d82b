// The source's metadata file (data/sources/<id>.json): title, publisher, edition and
// the attribution line METI's terms of use require, and the document's place in the
// book for citations. Kept in one file beside the source so that correcting it is a
// one-line, reviewed change.
// The namespace import lets bundlers keep only the parts of zod in use.
import * as z from 'zod';
import { citationMetadataSchema } from '../../common/citation/source';
import { once } from '../../common/once';
import { parseJsonInput } from './json-input';

/** Built at the first content build (the CLI's other commands never need it). */
export const sourceMetadataSchema = once(() =>
  z.strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'document ids are lower-case words joined by "-"'),
    title: z.string().min(1),
    titleEn: z.string().min(1).optional(),
    publisher: z.string().min(1),
    publisherEn: z.string().min(1).optional(),
    edition: z.string().min(1),
    editionEn: z.string().min(1).optional(),
    attribution: z.string().min(1),
    sourceFile: z.string().min(1),
    notes: z.string().optional(),
    /** The document's place in the book and its page URLs (checked against the outline at build). */
    citation: citationMetadataSchema.optional(),
  }),
);
export type SourceMetadata = z.infer<ReturnType<typeof sourceMetadataSchema>>;

export function parseSourceMetadata(text: string, name: string): SourceMetadata {
  return parseJsonInput(text, name, sourceMetadataSchema(), 'metadata');
}
