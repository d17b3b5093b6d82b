// What a search that found nothing suggests, fitted to the query as search read it
// (common/search/query.ts): several words — fewer words (all must occur in one
// section); one quoted phrase of several words — the words apart; one Latin word —
// its beginning or its Japanese name (Latin matches from a word's start); one long
// Japanese word — a part of it; otherwise another word. A one-word query is never
// told to use fewer words. For the results panel and the CLI alike.
import type { Language } from '../api/types';
import { parseQuery } from '../search/query';
import { translate } from './format';
import type { MessageKey } from './messages';

/** Japanese terms at least this long are suggested a part of themselves. */
const LONG_TERM = 5;

export interface NoResultsAdvice {
  key: MessageKey;
  params: Record<string, number>;
}

/** The advice for a query that found nothing (one line; none to give: noResultsNothing). */
export function noResultsAdvice(query: string): NoResultsAdvice {
  const terms = parseQuery(query);
  const [only] = terms;
  if (!only) return { key: 'noResultsNothing', params: {} };
  if (terms.length > 1) return { key: 'noResultsFewerWords', params: { count: terms.length } };
  if (only.phrase && /\s/.test(only.text)) return { key: 'noResultsUnquote', params: {} };
  if (only.wordStart) return { key: 'noResultsLatin', params: {} };
  if ([...only.text].length >= LONG_TERM) return { key: 'noResultsShorter', params: {} };
  return { key: 'noResultsOtherWord', params: {} };
}

/** The advice in words. */
export function noResultsHint(language: Language, query: string): string {
  const { key, params } = noResultsAdvice(query);
  return translate(language, key, params);
}
