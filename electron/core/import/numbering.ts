// Heading numbering in Japanese official documents, from the largest unit down:
// 第１部, 第１章, 第１節, 第１款/項, 1．/1. (and 1-1, 1.1 by depth), （1）, ＜…＞/【…】,
// ①, ア．/（ア）. A short line that opens with one of these and does not read as a
// sentence is a heading candidate; its *rank* orders the kinds, and a document's
// outline levels come from the ranks it actually uses (a paper whose top unit is 1．
// has 1． at level 1). Used for PDFs (with font size and weight) and plain text.
const D = '[0-9０-９]';
const KANJI_NUM = '[一二三四五六七八九十百〇]';
const N = `(?:${D}+|${KANJI_NUM}+)`;
const SEP = '(?:[ \\u3000]|$)';

interface NumberingRule {
  rank: number;
  pattern: RegExp;
}

const RULES: NumberingRule[] = [
  { rank: 10, pattern: new RegExp(`^第${N}[部編](?:${SEP}|[^、。]{0,40}$)`) },
  { rank: 20, pattern: new RegExp(`^第${N}章(?:${SEP}|[^、。]{0,40}$)`) },
  { rank: 30, pattern: new RegExp(`^第${N}節(?:${SEP}|[^、。]{0,40}$)`) },
  { rank: 40, pattern: new RegExp(`^第${N}[款項](?:${SEP}|[^、。]{0,40}$)`) },
  // 1．title, 1. title, 1\u3000title (decimal, deeper with more parts: 1-2, 1.2.3)
  { rank: 50, pattern: new RegExp(`^${D}{1,2}(?:[．.](?!${D})|\\u3000)[ \\u3000]?\\S`) },
  {
    rank: 52,
    pattern: new RegExp(`^${D}{1,2}[-－.．]${D}{1,2}(?:[．.]?[ \\u3000]|[．.](?!${D}))`),
  },
  {
    rank: 54,
    pattern: new RegExp(
      `^${D}{1,2}[-－.．]${D}{1,2}[-－.．]${D}{1,2}(?:[．.]?[ \\u3000]|[．.](?!${D}))`,
    ),
  },
  { rank: 60, pattern: new RegExp(`^[（(]${D}{1,2}[）)]`) },
  { rank: 70, pattern: /^[＜<〈【][^＞>〉】]{1,40}[＞>〉】]/ },
  { rank: 80, pattern: /^[①-⑳]/ },
  { rank: 90, pattern: /^(?:[ア-ン][．.]|[（(][ア-ン][）)])/ },
];

/** The dated items of the bundled chapter: `2022 年 5月` then U+3000. */
const DATED = new RegExp(`^${D}{4}[ \\t]*年[ \\t]*${D}{1,2}[ \\t]*月[ \\t]*\\u3000`);

/** Rank of the numbering a heading line opens with, or null. Ranks only compare. */
export function numberingRank(line: string): number | null {
  const text = line.replace(/^[ \t\u3000]+/, '');
  // Checked deepest-first among the decimal forms so 1-2 is not read as 1．
  for (const rule of [...RULES].sort((a, b) => b.rank - a.rank))
    if (rule.pattern.test(text)) return rule.rank;
  if (DATED.test(text)) return 75;
  return null;
}

/** Longest heading we accept from text alone (characters after joining). */
export const MAX_HEADING_CHARS = 60;

/**
 * Whether a line can be a heading at all: not too long, and not a sentence (a heading
 * never ends with 。 or carries one inside, nor ends with 、).
 */
export function looksLikeHeadingText(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_HEADING_CHARS) return false;
  if (/[。、，,]$/.test(t)) return false;
  if (/。./.test(t)) return false;
  return true;
}

/** A numbered heading candidate from text alone: numbering + heading-like text. */
export function numberedHeadingRank(text: string): number | null {
  if (!looksLikeHeadingText(text)) return null;
  return numberingRank(text);
}

/**
 * Turns the ranks (or any orderable keys) a document uses into outline levels 1..n,
 * in the order of size: the smallest rank becomes level 1.
 */
export function levelsOfRanks(ranks: Iterable<number>): Map<number, number> {
  const sorted = [...new Set(ranks)].sort((a, b) => a - b);
  return new Map(sorted.map((rank, i) => [rank, i + 1]));
}
