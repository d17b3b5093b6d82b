// The n-gram tokenizer of the search index. Japanese has no spaces between words
// and any segmenter guesses (TinySegmenter splits 解像度 by context), so the index
// stores what every substring is made of instead: each character of the
// normalized text (unigram), and each pair of adjacent word characters (bigram) —
// kanji, katakana, ASCII letters and digits, the characters words are made of —
// within space-separated chunks, by code point. Hiragana and punctuation are
// indexed as single characters only: particles and endings are on every page, and
// their pairs (して, ます, の画) would double the postings while narrowing almost
// nothing. A text containing a term contains every gram queryGrams asks for, so
// candidate sections are found with no miss; the exact check on the search copy
// then spells the term. These are Lunr's tokenizer in the search index
// (core/search/lunr-ja) and the grams a query asks it for (core/search/index).

/** Bump on any change to normalization, fold tables, query rules or n-grams. */
export const TOKENIZER_VERSION = 'ja-ngram-2';

/** Kanji (and 々 〆 〇), katakana (and ー), ASCII letters and digits: pairs of these are indexed. */
export function isWordChar(cp: number): boolean {
  return (
    (cp >= 0x61 && cp <= 0x7a) || // a-z (the search copy is lower case)
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x30a1 && cp <= 0x30fa) || // katakana
    (cp >= 0x30fc && cp <= 0x30ff) || // ー ヽ ヾ ヿ
    (cp >= 0x31f0 && cp <= 0x31ff) || // katakana phonetic extensions
    (cp >= 0x3005 && cp <= 0x3007) || // 々 〆 〇
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0x20000 && cp <= 0x3ffff) // CJK extensions B and later
  );
}

/** Appends the grams of a normalized text to `out`: each character, each word-character pair. */
export function indexGrams(normalized: string, out: string[]): void {
  let prev = '';
  let prevWord = false;
  for (const ch of normalized) {
    if (ch === ' ') {
      prev = '';
      prevWord = false;
      continue;
    }
    const word = isWordChar(ch.codePointAt(0) as number);
    out.push(ch);
    if (prevWord && word) out.push(prev + ch);
    prev = ch;
    prevWord = word;
  }
}

/**
 * The grams every text containing `term` (normalized) contains, in the term's
 * order: each pair of adjacent word characters within a space-separated chunk, and
 * each character that is in no such pair.
 */
export function queryGrams(term: string): string[] {
  const grams = new Set<string>();
  for (const chunk of term.split(' ')) {
    const chars = Array.from(chunk);
    const word = chars.map((c) => isWordChar(c.codePointAt(0) as number));
    for (let i = 0; i < chars.length; i++) {
      const pairedBefore = i > 0 && word[i - 1] && word[i];
      const pairedAfter = i + 1 < chars.length && word[i] && word[i + 1];
      if (!pairedBefore && !pairedAfter) grams.add(chars[i] as string);
      if (pairedAfter) grams.add((chars[i] as string) + (chars[i + 1] as string));
    }
  }
  return [...grams];
}
