// Reads a JSON artifact back from the content database: present, of the version
// this code writes, and of the stored shape — or an ApiError('unavailable') that
// says to rebuild, never a half-read value. The glossary, the other names and the
// citation data are read through here.
import type { z } from 'zod';
import { ApiError } from '../../common/api/contract';
import type { ContentStore } from './store-types';

export function readJsonArtifact<T>(
  store: Pick<ContentStore, 'artifact' | 'path'>,
  name: string,
  version: string,
  schema: z.ZodType<T>,
): T {
  const rebuild = 'rebuild the content with "npm run build:content"';
  const artifact = store.artifact(name);
  if (!artifact) throw new ApiError('unavailable', `${store.path} has no ${name}; ${rebuild}`);
  if (artifact.version !== version)
    throw new ApiError(
      'unavailable',
      `the ${name} in ${store.path} was built by ${artifact.version}, this app needs ${version}; ${rebuild}`,
    );
  const text =
    typeof artifact.body === 'string' ? artifact.body : new TextDecoder().decode(artifact.body);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError('unavailable', `the ${name} in ${store.path} is not valid JSON; ${rebuild}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      'unavailable',
      `the ${name} in ${store.path} is damaged (${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}); ${rebuild}`,
    );
  }
  return parsed.data;
}
