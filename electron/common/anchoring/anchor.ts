// Re-anchoring a stored passage in (possibly edited) section text, after
// Hypothesis's match-quote: first the stored position if the quote is still
// there, then exact occurrences of the quote chosen by their context, then an
// approximate search (approx-string-match, Myers' bit-parallel algorithm) with a
// bounded error budget, each candidate scored by quote, prefix, suffix and
// position. What cannot be placed with confidence is an orphan: a wrong place
// is worse than none, so the thresholds err on the side of orphaning.
//
// The matcher's work is bounded: patterns given to it are at most
// MAX_PATTERN_LENGTH code units (long quotes are matched by their head and tail),
// and the work done is counted and returned so that tests can hold it to
// O(section length).
import search from 'approx-string-match';
import {
  selectorsAt,
  sectionText,
  type AnchorParagraph,
  type ParagraphRange,
  type SectionText,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';

/** Longest pattern handed to the approximate matcher (two 32-bit words). */
export const MAX_PATTERN_LENGTH = 64;
/** Length of the head and tail used for quotes longer than MAX_PATTERN_LENGTH. */
export const EDGE_LENGTH = 32;
/** Share of a quote's length that may differ (insertions, deletions, substitutions). */
export const ERROR_RATE = 0.25;
/** Quotes shorter than this must match exactly (a 3-character fuzzy match means nothing). */
export const MIN_FUZZY_LENGTH = 6;
/** At most this many exact occurrences are scored by their context. */
export const MAX_CANDIDATES = 200;

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

export type AnchorStatus = 'exact' | 'moved' | 'approximate' | 'orphan';

export interface AnchorTarget {
  quote: TextQuoteSelector;
  position?: TextPositionSelector | null;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** Set unless orphan. */
  start?: number;
  end?: number;
  range?: ParagraphRange;
  paragraphIds?: string[];
  /** Fresh selectors for the new place (unless orphan). */
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  /** Edit distance between the stored quote and the text at the new place (estimate for long quotes). */
  errors: number;
  /** 0..1, how well quote and context agree. */
  score: number;
  /** Units of matcher work spent (text length × pattern words, summed). */
  work: number;
  reason?: string;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Counts matcher work; search() costs about |text| × ⌈|pattern|/32⌉ plus the start search per match. */
class Matcher {
  work = 0;
  find(text: string, pattern: string, maxErrors: number): Candidate[] {
    if (pattern.length === 0 || text.length === 0) return [];
    const words = Math.ceil(pattern.length / 32);
    this.work += text.length * words;
    const matches = search(text, pattern, Math.min(maxErrors, pattern.length));
    this.work += matches.length * (pattern.length + maxErrors) * words;
    return matches;
  }
  /** Edit distance of the best match of `pattern` inside `window` (pattern.length when none within budget). */
  distanceIn(window: string, pattern: string): number {
    if (pattern.length === 0) return 0;
    const budget = pattern.length;
    const best = this.find(window, pattern, budget).reduce(
      (min, m) => Math.min(min, m.errors),
      budget,
    );
    return best;
  }
}

function contextScore(
  matcher: Matcher,
  text: string,
  start: number,
  end: number,
  quote: TextQuoteSelector,
): { prefix: number; suffix: number } {
  const slack = 4;
  let prefix = 1;
  let suffix = 1;
  if (quote.prefix.length > 0) {
    const window = text.slice(Math.max(0, start - quote.prefix.length - slack), start);
    // Only the end of the window may match: the prefix must touch the quote.
    const tail = window.slice(-quote.prefix.length - slack);
    prefix = 1 - matcher.distanceIn(tail, quote.prefix) / quote.prefix.length;
  }
  if (quote.suffix.length > 0) {
    const window = text.slice(end, end + quote.suffix.length + slack);
    suffix = 1 - matcher.distanceIn(window, quote.suffix) / quote.suffix.length;
  }
  return { prefix: Math.max(0, prefix), suffix: Math.max(0, suffix) };
}

function score(
  quoteLength: number,
  errors: number,
  context: { prefix: number; suffix: number },
  start: number,
  hint: number | null,
  textLength: number,
): number {
  const quote = quoteLength === 0 ? 1 : 1 - errors / quoteLength;
  const pos = hint === null ? 1 : 1 - Math.abs(start - hint) / Math.max(1, textLength);
  return (
    (QUOTE_WEIGHT * quote +
      PREFIX_WEIGHT * context.prefix +
      SUFFIX_WEIGHT * context.suffix +
      POSITION_WEIGHT * pos) /
    (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT)
  );
}

function exactOccurrences(text: string, exact: string, limit: number): number[] {
  const found: number[] = [];
  let from = 0;
  while (found.length < limit) {
    const at = text.indexOf(exact, from);
    if (at < 0) break;
    found.push(at);
    from = at + 1;
  }
  return found;
}

/** Approximate candidates for a quote, with a bounded pattern length. */
function approximateCandidates(
  matcher: Matcher,
  text: string,
  exact: string,
  budget: number,
): Candidate[] {
  if (exact.length <= MAX_PATTERN_LENGTH) return matcher.find(text, exact, budget);
  // Long quote: match its head and tail, then pair them at about the quote's length.
  const edgeBudget = Math.floor(EDGE_LENGTH * ERROR_RATE);
  const heads = matcher
    .find(text, exact.slice(0, EDGE_LENGTH), edgeBudget)
    .slice(0, MAX_CANDIDATES);
  const tails = matcher.find(text, exact.slice(-EDGE_LENGTH), edgeBudget).slice(0, MAX_CANDIDATES);
  const pairs: Candidate[] = [];
  for (const head of heads) {
    for (const tail of tails) {
      if (tail.start < head.end) continue;
      const span = tail.end - head.start;
      const lengthError = Math.abs(span - exact.length);
      const errors = head.errors + tail.errors + lengthError;
      if (errors <= budget) pairs.push({ start: head.start, end: tail.end, errors });
    }
  }
  return pairs;
}

function placed(
  section: SectionText,
  candidate: Candidate,
  status: AnchorStatus,
  scoreValue: number,
  work: number,
): AnchorResult {
  const selectors = selectorsAt(section, candidate.start, candidate.end);
  return {
    status,
    start: candidate.start,
    end: candidate.end,
    range: selectors.range,
    paragraphIds: selectors.paragraphIds,
    quote: selectors.quote,
    position: selectors.position,
    errors: candidate.errors,
    score: scoreValue,
    work,
  };
}

/** A quote at least this long that occurs once is trusted even if its context changed. */
export const TRUSTED_QUOTE_LENGTH = 32;

/** The stored context agrees with the text around a candidate (on average at least half). */
function contextSupports(
  quote: TextQuoteSelector,
  context: { prefix: number; suffix: number },
): boolean {
  const sides: number[] = [];
  if (quote.prefix.length > 0) sides.push(context.prefix);
  if (quote.suffix.length > 0) sides.push(context.suffix);
  if (sides.length === 0) return true;
  return sides.reduce((a, b) => a + b, 0) / sides.length >= 0.5;
}

/** Minimum score for an approximate candidate to be accepted. */
export const MIN_APPROXIMATE_SCORE = 0.7;

/** Finds where a stored passage now is in `paragraphs` (one section's current text). */
export function anchorPassage(paragraphs: AnchorParagraph[], target: AnchorTarget): AnchorResult {
  const section = sectionText(paragraphs);
  const text = section.text;
  const { quote } = target;
  const exact = quote.exact;
  const matcher = new Matcher();
  const hint = target.position ? target.position.start : null;
  if (exact.length === 0)
    return { status: 'orphan', errors: 0, score: 0, work: 0, reason: 'empty quote' };

  // 1. The stored position still holds the quote with its whole stored context.
  // The context must agree too: a short quote (one character, a common word) can
  // sit at the old offset by chance after an edit earlier in the section.
  const pos = target.position;
  if (
    pos &&
    pos.end - pos.start === exact.length &&
    text.slice(pos.start, pos.end) === exact &&
    text.slice(Math.max(0, pos.start - quote.prefix.length), pos.start) === quote.prefix &&
    text.slice(pos.end, pos.end + quote.suffix.length) === quote.suffix
  ) {
    return placed(section, { start: pos.start, end: pos.end, errors: 0 }, 'exact', 1, 0);
  }

  // 2. The quote occurs unchanged elsewhere: choose the occurrence its context supports.
  const occurrences = exactOccurrences(text, exact, MAX_CANDIDATES);
  if (occurrences.length > 0) {
    let best: { c: Candidate; s: number; context: { prefix: number; suffix: number } } | null =
      null;
    for (const at of occurrences) {
      const c = { start: at, end: at + exact.length, errors: 0 };
      const context = contextScore(matcher, text, c.start, c.end, quote);
      const s = score(exact.length, 0, context, c.start, hint, text.length);
      if (!best || s > best.s) best = { c, s, context };
    }
    const chosen = best as { c: Candidate; s: number; context: { prefix: number; suffix: number } };
    if (occurrences.length === 1 && exact.length >= TRUSTED_QUOTE_LENGTH)
      return placed(section, chosen.c, 'moved', chosen.s, matcher.work);
    if (contextSupports(quote, chosen.context))
      return placed(section, chosen.c, 'moved', chosen.s, matcher.work);
  }

  // 3. Approximate: the quote itself was edited a little.
  if (exact.length < MIN_FUZZY_LENGTH)
    return {
      status: 'orphan',
      errors: exact.length,
      score: 0,
      work: matcher.work,
      reason: 'short quote not found',
    };
  const budget = Math.max(1, Math.floor(exact.length * ERROR_RATE));
  const candidates = approximateCandidates(matcher, text, exact, budget).slice(0, MAX_CANDIDATES);
  let best: { c: Candidate; s: number; supported: boolean } | null = null;
  for (const c of candidates) {
    const context = contextScore(matcher, text, c.start, c.end, quote);
    const s = score(exact.length, c.errors, context, c.start, hint, text.length);
    if (!best || s > best.s)
      best = {
        c,
        s,
        supported:
          contextSupports(quote, context) ||
          (candidates.length === 1 && exact.length >= TRUSTED_QUOTE_LENGTH),
      };
  }
  if (best && best.supported && best.s >= MIN_APPROXIMATE_SCORE && best.c.end > best.c.start)
    return placed(section, best.c, 'approximate', best.s, matcher.work);
  return {
    status: 'orphan',
    errors: best ? best.c.errors : budget + 1,
    score: best ? best.s : 0,
    work: matcher.work,
    reason: best ? 'best match too weak' : 'quote not found within the error budget',
  };
}
