// The content build's JSON inputs (the source's metadata, the curation) are read
// the same way: the text parsed as JSON and checked against its schema, and any
// problem reported as one ContentBuildError naming the file and the field.
import type * as z from 'zod';
import { ContentBuildError } from './errors';

export function parseJsonInput<S extends z.ZodType>(
  text: string,
  name: string,
  schema: S,
  what: string,
): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ContentBuildError(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentBuildError(
      `${name}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? `invalid ${what}`}`,
    );
  }
  return result.data;
}
