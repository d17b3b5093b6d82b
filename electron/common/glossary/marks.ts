// Where the glossary's abbreviations stand in a text, so that a reader can show each
// one's long form (hover, keyboard focus) and the build can check that an editorial
// entry names something the text uses. One rule for both: a term matches as written;
// a term that starts or ends with a Latin letter or digit must not continue a Latin
// word there (IRA in 「IRA法上」 and 「IRAに」, not in "IRAN"; G7 in 「G7、G20」).
// Longer terms win where two overlap.

export interface TermMark {
  term: string;
  start: number;
  end: number;
}

const LATIN = /[A-Za-z0-9]/;

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN.test(ch);
}

/** Every non-overlapping occurrence of the terms in `text`, in text order. */
export function findTerms(text: string, terms: readonly string[]): TermMark[] {
  const sorted = [...new Set(terms)]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Uint8Array(text.length);
  const marks: TermMark[] = [];
  for (const term of sorted) {
    const latinStart = isLatin(term[0]);
    const latinEnd = isLatin(term[term.length - 1]);
    for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
      const end = i + term.length;
      if (latinStart && isLatin(text[i - 1])) continue;
      if (latinEnd && isLatin(text[end])) continue;
      if (taken.subarray(i, end).some((v) => v === 1)) continue;
      taken.fill(1, i, end);
      marks.push({ term, start: i, end });
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}
