// The n-gram tokenizer of the search index. Japanese has no spaces between words
// and any segmenter guesses (TinySegmenter splits 解像度 by context), so the index
// stores what every substring is made of instead: each character (unigram) and
// each pair of adjacent characters (bigram) of the normalized text, by code point,
// within space-separated chunks. Any text containing a term contains all of the
// term's bigrams (or its one character), so candidate sections are found with no
// miss; the exact check on the search copy then spells the term. These are Lunr's
// tokenizer in the search index (core/search/lunr-ja) and the grams a query asks it
// for (core/search/index).

/** Bump on any change to normalization, fold tables, query rules or n-grams. */
export const TOKENIZER_VERSION = 'ja-ngram-1';

/** Appends the unigrams and bigrams of a normalized text to `out`. */
export function indexGrams(normalized: string, out: string[]): void {
  let prev = '';
  for (const ch of normalized) {
    if (ch === ' ') {
      prev = '';
      continue;
    }
    out.push(ch);
    if (prev !== '') out.push(prev + ch);
    prev = ch;
  }
}

/**
 * The grams every text containing `term` (normalized) contains: the bigrams of each
 * space-separated chunk, or the character itself for a one-character chunk.
 */
export function queryGrams(term: string): string[] {
  const grams = new Set<string>();
  for (const chunk of term.split(' ')) {
    const chars = Array.from(chunk);
    if (chars.length === 1) grams.add(chars[0] as string);
    for (let i = 1; i < chars.length; i++)
      grams.add((chars[i - 1] as string) + (chars[i] as string));
  }
  return [...grams];
}
