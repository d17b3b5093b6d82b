// The one refusal of a section id the document does not have, for one id or several:
// getSection and getSections say the same thing, and a batch names every id it lacks
// (never a shorter answer that silently leaves one out).
import { ApiError } from '../../common/api/contract';

/** At most this many ids are quoted in the message; the count says how many more. */
const QUOTED = 10;

export function missingSections(ids: readonly string[]): ApiError {
  if (ids.length === 1) return new ApiError('not_found', `no section with id "${ids[0]}"`);
  const quoted = ids
    .slice(0, QUOTED)
    .map((id) => `"${id}"`)
    .join(', ');
  const more = ids.length > QUOTED ? ` and ${ids.length - QUOTED} more` : '';
  return new ApiError('not_found', `no sections with ids ${quoted}${more}`);
}
