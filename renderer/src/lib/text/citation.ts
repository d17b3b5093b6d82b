// What a copy from the text puts on the clipboard: the quote and where it stands in the
// book, both as text/plain (the quote in 「」, then the 出典 line with the page URL) and
// as text/html (the quote as a blockquote, then the citation with its link), so that
// Word, a mail or a Markdown editor each take the form it understands. The words and
// their order come from the citation data stored with the content
// (electron/common/citation/cite.ts); METI's terms of use allow reuse when the source
// is named, and the URL lets a reader find the page.
import {
  citePassage,
  type PageSpan,
  type PathStep,
} from '../../../../electron/common/citation/cite';
import type { CitationSource, Language } from '../../../../electron/common/api/types';
import type { Crumb } from '../reading/breadcrumb';

export interface CopyEvent {
  readonly clipboardData: { setData(type: string, data: string): void } | null;
  preventDefault(): void;
}

/** The breadcrumb as a citation's path: titles as the reader sees them, with their ids. */
export function citationPath(crumbs: readonly Crumb[]): PathStep[] {
  return crumbs.map((c) => ({ id: c.id ?? '', title: c.title }));
}

/**
 * Puts `selected` with its citation on the clipboard in place of the browser's copy;
 * false (the browser copies as usual) when nothing but space is selected or the
 * clipboard cannot be written.
 */
export function copyWithCitation(
  e: CopyEvent,
  selected: string,
  source: CitationSource,
  path: readonly PathStep[],
  language: Language,
  /** The printed pages the passage spans (a paged source), else null. */
  pages: PageSpan | null = null,
): boolean {
  if (!e.clipboardData || selected.trim() === '') return false;
  const cited = citePassage(selected, source, path, language, pages);
  e.preventDefault();
  e.clipboardData.setData('text/plain', cited.text);
  e.clipboardData.setData('text/html', cited.html);
  return true;
}
