// Finds the abbreviations the text defines in place — 「インド太平洋経済枠組み（IPEF）」 —
// so that a reader who meets "IPEF" three sections later can be told what it stands
// for, and where the book says so. Runs at content build on the display text.
//
// The rule, in order:
// 1. A definition is a parenthesis, （…） or (…), whose whole content is a Latin
//    abbreviation: it starts with a capital, has no space, at most 15 characters of
//    letters, digits and `&.-/`, and at least two capitals or digits (IPEF, G7, CSIS;
//    not "Trade", "b" or "iii"). A parenthesis that glosses a Japanese noun — (地域別),
//    (当時), (製品別除外), (Japan-U.S. Partnership on Trade) — is not a definition.
//    Short forms in Japanese (経済版「2＋2」) are not found by rule: in this text a
//    Japanese parenthesis is far more often a gloss than a name, so those are listed in
//    the curation, anchored to the text's own definition (see ./curation.ts).
// 2. The long form ends right before the parenthesis. When that is a closing 」 or 』,
//    the long form is the whole quotation (「インフレ削減法」（IRA）).
// 3. Otherwise it starts after the nearest boundary on its left — a space (also U+3000),
//    punctuation (、。，,．.「」（）…) or the start of the text — and then after the
//    last grammatical hiragana in that stretch: a run of two or more hiragana
//    (における, として) or one of the particles の や と は が を に で へ も. A single
//    hiragana that is none of those is okurigana and stays (枠組み, 可能な).
//      歳出規模4,370億ドルのインフレ削減法（IRA）        → インフレ削減法
//      米国シンクタンクの戦略国際問題研究所（CSIS）      → 戦略国際問題研究所
//      …（経済版「2＋2」）やインド太平洋経済枠組み（IPEF） → インド太平洋経済枠組み
// 4. A leading ordinal (第１回, 第3次, 第二期) is the event's number, not part of the
//    name: 第１回日米商務・産業パートナーシップ（JUCIP） → 日米商務・産業パートナーシップ.
// 5. An English long form (World Trade Organization (WTO)) is matched the classic way
//    (Schwartz & Hearst): the shortest run of preceding words whose letters spell the
//    abbreviation in order, the first letter starting a word.
// Known limit: a long form that itself contains a grammatical particle (自由で開かれた
// インド太平洋（FOIP）) is cut after it; the curation can give the right long form.
// Offsets are UTF-16 code units into the display text, like every offset of the app.

import type { DefinitionSite } from '../../common/glossary/types';

/** Where one definition stands (paragraphId null: in the section's heading) and what it says. */
export type DefinitionMatch = { abbreviation: string; longForm: string } & DefinitionSite;

/** The place of a definition alone, its keys in the stored order. */
export function siteOf(d: DefinitionSite): DefinitionSite {
  return {
    sectionId: d.sectionId,
    paragraphId: d.paragraphId,
    longFormStart: d.longFormStart,
    longFormEnd: d.longFormEnd,
    abbreviationStart: d.abbreviationStart,
    abbreviationEnd: d.abbreviationEnd,
  };
}

/** What the extractor reads: sections in reading order with their own paragraphs. */
export interface TextSection {
  id: string;
  title: string;
  paragraphs: readonly { id: string; text: string }[];
}

const MAX_ABBREVIATION_LENGTH = 15;
const ABBREVIATION = /^[A-Z][A-Za-z0-9&./-]*$/;
const CLOSING = new Map([
  ['（', '）'],
  ['(', ')'],
]);
const QUOTES = new Map([
  ['」', '「'],
  ['』', '『'],
]);
const BOUNDARY = /[\s、。，,．.;；:：!！?？「」『』（）()［］[\]【】〈〉《》〔〕｛｝{}“”"‘’'…‥]/u;
const PARTICLES = new Set(['の', 'や', 'と', 'は', 'が', 'を', 'に', 'で', 'へ', 'も']);
const ORDINAL_PREFIX = /^第[0-9０-９一二三四五六七八九十百千]+[回次期号]/u;
const LATIN_LETTER = /[A-Za-z]/;

function isHiragana(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x3041 && c <= 0x309f;
}

/** A Latin abbreviation by rule 1 (full-width letters count as their ASCII forms). */
export function isLatinAbbreviation(content: string): boolean {
  const ascii = content.normalize('NFKC');
  if (ascii.length < 2 || ascii.length > MAX_ABBREVIATION_LENGTH) return false;
  if (!ABBREVIATION.test(ascii)) return false;
  return (ascii.match(/[A-Z0-9]/g) ?? []).length >= 2;
}

interface Span {
  start: number;
  end: number;
}

/** Rule 5: the English long form ending at `end`, or null. */
function englishLongForm(text: string, end: number, abbreviation: string): Span | null {
  let start = end;
  while (start > 0 && /[A-Za-z0-9 '&.-]/.test(text[start - 1] as string)) start--;
  const stretch = text.slice(start, end);
  const letters = abbreviation
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const words = stretch.split(' ').filter((w) => w.length > 0);
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  const candidate = words.slice(-maxWords).join(' ');
  if (!stretch.endsWith(candidate)) return null; // spacing other than single spaces
  let s = letters.length - 1;
  let l = candidate.length - 1;
  const alnum = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
  while (s >= 0) {
    const c = letters[s] as string;
    while (
      l >= 0 &&
      ((candidate[l] as string).toLowerCase() !== c || (s === 0 && alnum(candidate[l - 1])))
    )
      l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const from = candidate.lastIndexOf(' ', l) + 1;
  const long = candidate.slice(from);
  if (!long.includes(' ')) return null; // one word is not a long form of an abbreviation
  return { start: end - long.length, end };
}

/** Rules 2–4: the long form ending right before the parenthesis at `open`, or null. */
export function longFormBefore(text: string, open: number, abbreviation: string): Span | null {
  let end = open;
  while (end > 0 && text[end - 1] === ' ') end--;
  const last = text[end - 1];
  if (last === undefined) return null;
  const opening = QUOTES.get(last);
  if (opening !== undefined) {
    const start = text.lastIndexOf(opening, end - 2);
    if (start === -1 || end - 1 - (start + 1) < 2) return null;
    return { start: start + 1, end: end - 1 };
  }
  if (LATIN_LETTER.test(last)) return englishLongForm(text, end, abbreviation);
  let start = end;
  while (start > 0 && !BOUNDARY.test(text[start - 1] as string)) start--;
  // Cut after the last grammatical hiragana (rule 3).
  for (let i = start; i < end;) {
    if (!isHiragana(text[i] as string)) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && isHiragana(text[j] as string)) j++;
    if (j - i >= 2 || PARTICLES.has(text[i] as string)) start = j;
    i = j;
  }
  const ordinal = ORDINAL_PREFIX.exec(text.slice(start, end));
  if (ordinal) start += ordinal[0].length;
  if (end - start < 2) return null;
  return { start, end };
}

/** Every definition in one text (a heading or a paragraph), in order. */
export function definitionsIn(text: string): Omit<DefinitionMatch, 'sectionId' | 'paragraphId'>[] {
  const found: Omit<DefinitionMatch, 'sectionId' | 'paragraphId'>[] = [];
  for (let open = 0; open < text.length; open++) {
    const closing = CLOSING.get(text[open] as string);
    if (closing === undefined) continue;
    const close = text.indexOf(closing, open + 1);
    if (close === -1) continue;
    const content = text.slice(open + 1, close);
    if (!isLatinAbbreviation(content)) continue;
    const long = longFormBefore(text, open, content);
    if (!long) continue;
    found.push({
      abbreviation: content,
      longForm: text.slice(long.start, long.end),
      longFormStart: long.start,
      longFormEnd: long.end,
      abbreviationStart: open + 1,
      abbreviationEnd: close,
    });
  }
  return found;
}

/** Every definition of the document in reading order (each heading before its paragraphs). */
export function extractDefinitions(sections: readonly TextSection[]): DefinitionMatch[] {
  const out: DefinitionMatch[] = [];
  for (const section of sections) {
    for (const d of definitionsIn(section.title))
      out.push({ ...d, sectionId: section.id, paragraphId: null });
    for (const p of section.paragraphs)
      for (const d of definitionsIn(p.text))
        out.push({ ...d, sectionId: section.id, paragraphId: p.id });
  }
  // Key order fixed for the stored JSON (and the committed expectation).
  return out.map((d) => ({ abbreviation: d.abbreviation, longForm: d.longForm, ...siteOf(d) }));
}
