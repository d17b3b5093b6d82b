// Rule 5 (headings): which raw lines open a heading, and how far a heading wraps.
// Four kinds, from the largest down (SectionKind in common/api/types):
//   chapter  `第N節` — also reversed by the extraction (` 米国第１節`); curation sets the title
//   part     `N．title` (full-width full stop)
//   topic    `＜…＞`
//   dated    `YYYY 年 M月` FOLLOWED BY U+3000 (`2022 年 5月` U+3000 `�「…`). Without the U+3000 it is
//            body text: line 19 `2023 年 1 月に米国を訪問し`, or a paragraph opening
//            U+3000 `2018 年 3 月 23 日、` (which rule 2 has already claimed).
// A heading wraps onto the next line(s) until an indented line (ASCII space or
// U+3000 first), a blank line, or another heading. The U+3000 inside a heading stays.
import type { SectionKind } from '../../common/api/types';
import { isBlankLine } from './chars';
import { isIndentedLine, isParagraphStart } from './paragraphs';

const DIGIT = '[0-9０-９]';
const CHAPTER_FIRST = new RegExp(`^第${DIGIT}+節(?:[ \\u3000]|$)`);
/** Reversed by the extraction: a short title without sentence punctuation, then 第N節. */
const CHAPTER_LAST = new RegExp(`^[^、。 \\u3000]{1,30}第${DIGIT}+節[ \\t]*$`);
const PART = new RegExp(`^${DIGIT}{1,2}．[^ \\t\\u3000]`);
const TOPIC = /^＜/;
const DATED = new RegExp(`^${DIGIT}{4}[ \\t]*年[ \\t]*${DIGIT}{1,2}[ \\t]*月[ \\t]*\\u3000`);

/** The kind of heading a raw line opens, or null for body text. */
export function headingKind(line: string): SectionKind | null {
  if (isParagraphStart(line) || isBlankLine(line)) return null;
  const text = line.replace(/^[ \t]+/, '');
  if (CHAPTER_FIRST.test(text) || CHAPTER_LAST.test(text)) return 'chapter';
  // A sentence never ends inside a numbered heading: `4．` followed by `。` is body text.
  if (PART.test(text) && !text.includes('。')) return 'part';
  if (TOPIC.test(text)) return 'topic';
  if (DATED.test(text)) return 'dated';
  return null;
}

/** Whether `line` continues the heading on the line above it (the heading wraps). */
export function continuesHeading(line: string): boolean {
  return !isBlankLine(line) && !isIndentedLine(line) && headingKind(line) === null;
}
