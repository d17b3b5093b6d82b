// The library benchmark's measures, defined once: text normalised for comparison
// (NFKC, no white space, no list markers), character-bigram F1 between two texts, headings of one
// outline found in another, and running heads or page numbers left in body text.

export function normalizeForCompare(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * A list item's marker printed in a PDF ("• ", "– ") is drawn by CSS in HTML: not
 * compared, on either side.
 */
export function withoutListMarker(text: string): string {
  return text.replace(/^[\s\u3000]*[•◦▪‣●○■□◆◇–—][\s\u3000]*/, '');
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Character-bigram F1 of `candidate` against `reference` (multisets, after normalisation). */
export function bigramF1(
  candidate: string[],
  reference: string[],
): { f1: number; precision: number; recall: number } {
  const add = (parts: string[]) => {
    const total = new Map<string, number>();
    for (const p of parts)
      for (const [g, n] of bigrams(normalizeForCompare(withoutListMarker(p))))
        total.set(g, (total.get(g) ?? 0) + n);
    return total;
  };
  const c = add(candidate);
  const r = add(reference);
  let overlap = 0;
  let cTotal = 0;
  let rTotal = 0;
  for (const n of c.values()) cTotal += n;
  for (const [g, n] of r) {
    rTotal += n;
    overlap += Math.min(n, c.get(g) ?? 0);
  }
  const precision = cTotal === 0 ? 0 : overlap / cTotal;
  const recall = rTotal === 0 ? 0 : overlap / rTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall };
}

/** A heading as compared: numbering aside, quotes folded (a typesetter's, not the author's). */
export function headingKey(title: string): string {
  return normalizeForCompare(foldQuotes(title))
    .toLowerCase()
    .replace(
      /^(?:[0-9]+(?:\.[0-9]+)*\.?|第[0-9]+[章節部]|[a-z](?:\.[0-9]+)+\.?|(?:付録|appendix)[a-z]|chapter[0-9]+)(?=\S)/,
      '',
    )
    .replace(/[¶#]+$/, '');
}

/** Share of `wanted` headings whose text (numbering aside) appears in `outline`. */
export function headingsFound(
  wanted: string[],
  outline: string[],
): { found: number; total: number; missing: string[] } {
  const have = new Set(outline.map(headingKey));
  const haveList = [...have];
  const missing: string[] = [];
  let found = 0;
  for (const title of wanted) {
    const key = headingKey(title);
    if (key.length === 0) continue;
    if (have.has(key) || haveList.some((h) => h.length > 3 && (h.endsWith(key) || key.endsWith(h))))
      found++;
    else missing.push(title);
  }
  return { found, total: found + missing.length, missing };
}

/** How many times `needle` occurs in the texts (normalised). */
export function occurrences(texts: string[], needle: string): number {
  const n = normalizeForCompare(needle);
  let count = 0;
  for (const t of texts) {
    const h = normalizeForCompare(t);
    for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) count++;
  }
  return count;
}

const PAGE_NUMBER =
  /^[-－―—–\s]*([0-9０-９]{1,4}|[ivxlc]{1,6})(?:\s*[/／]\s*[0-9]{1,4})?[-－―—–\s]*$/i;

/**
 * Paragraphs (or lines) that are nothing but the number printed on their own page
 * ("12", "- 12 -", "ii", "2 / 95"): a page number left in the text. `pageOf` gives
 * the page label each text is on. (A code listing's line numbers are not counted.)
 */
export function pageNumbersLeft(texts: { text: string; page: string | null }[]): number {
  const numberAt = (i: number) => {
    const t = texts[i]?.text.trim() ?? '';
    return /^[0-9]{1,4}\b/.test(t) ? Number(/^[0-9]+/.exec(t)![0]) : null;
  };
  return texts.filter(({ text, page }, i) => {
    const m = PAGE_NUMBER.exec(text.trim());
    if (m?.[1] === undefined || page === null || m[1].normalize('NFKC') !== page) return false;
    // A code listing's line numbers count up from line to line: not a page number.
    const n = Number(m[1]);
    for (let d = -3; d <= 3; d++) {
      const other = d === 0 ? null : numberAt(i + d);
      if (other !== null && Number.isFinite(n) && other - n === d) return false;
    }
    return true;
  }).length;
}

/** Typographic quotes as the ASCII ones a typesetter turned them into (TeX prints " as ”). */
export function foldQuotes(text: string): string {
  return text.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′]/g, "'");
}

/**
 * What differs between a manual's PDF and HTML editions by construction, not by
 * extraction: the PDF prints each link's URL after its text — "(https://…)" —, the
 * HTML numbers its notes "[1]", and the PDF's typesetter (TeX) prints the source's
 * straight quotes as curly ones. Removed (folded) on both sides for the like-for-like
 * figure.
 */
export function withoutEditionDifferences(text: string): string {
  return foldQuotes(
    text.replace(/\s*\((?:https?|ftp|file|mailto):[^)\s]*\)/g, '').replace(/\[\d+\]/g, ''),
  );
}

/**
 * Characters of `texts` (normalised as for F1) that no run of `n` characters of
 * `other` covers: what one side has that the other lacks, wherever it stands (text in
 * another order — footnotes at the foot of a page or the end of a chapter — is shared).
 * Returns the count, the total, and the uncovered runs (longest first).
 */
export function unshared(
  texts: string[],
  other: string[],
  n = 6,
): { count: number; total: number; runs: string[] } {
  const norm = (t: string) => Array.from(normalizeForCompare(withoutListMarker(t)));
  const grams = new Set<string>();
  for (const t of other) {
    const c = norm(t);
    for (let i = 0; i + n <= c.length; i++) grams.add(c.slice(i, i + n).join(''));
  }
  let count = 0;
  let total = 0;
  const runs: string[] = [];
  for (const t of texts) {
    const c = norm(t);
    total += c.length;
    const covered = new Array<boolean>(c.length).fill(false);
    for (let i = 0; i + n <= c.length; i++)
      if (grams.has(c.slice(i, i + n).join(''))) covered.fill(true, i, i + n);
    for (let i = 0; i < c.length; i++) {
      if (covered[i]) continue;
      let j = i;
      while (j < c.length && !covered[j]) j++;
      count += j - i;
      runs.push(c.slice(i, j).join(''));
      i = j;
    }
  }
  runs.sort((a, b) => b.length - a.length);
  return { count, total, runs };
}
