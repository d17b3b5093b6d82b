// The source line appended to copied passages. METI's terms of use allow reuse when
// the source (出典) is named; the line names the document and where in it the
// passage stands, e.g. 出典：「通商白書2023」（経済産業省）第１節 米国 ＞ 3．…
import type { DocumentInfo } from '../../../../electron/common/api/types';

/** Strips 「」 the title may already carry so it is not quoted twice. */
function bareTitle(title: string): string {
  return title.replace(/^「(.*)」$/, '$1');
}

/**
 * The work cited is the white paper (`edition`, e.g. 通商白書2023); `title` names the
 * chapter and is the fallback when a document has no edition.
 */
export function citationLine(
  doc: Pick<DocumentInfo, 'title' | 'edition' | 'publisher'>,
  path: readonly string[],
): string {
  const where = path
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ＞ ');
  const work = bareTitle(doc.edition.trim() || doc.title.trim());
  const source = `出典：「${work}」（${doc.publisher}）`;
  return where ? `${source}${where}` : source;
}

/** What goes on the clipboard: the passage as selected, a blank line, the source. */
export function withCitation(selected: string, citation: string): string {
  return `${selected.replace(/\s+$/, '')}\n\n${citation}`;
}

export interface CopyEvent {
  readonly clipboardData: { setData(type: string, data: string): void } | null;
  preventDefault(): void;
}

/**
 * Puts `selected` with its source line on the clipboard in place of the browser's
 * copy; false (the browser copies as usual) when nothing but space is selected or the
 * clipboard cannot be written.
 */
export function copyWithCitation(
  e: CopyEvent,
  selected: string,
  doc: Pick<DocumentInfo, 'title' | 'edition' | 'publisher'>,
  path: readonly string[],
): boolean {
  if (!e.clipboardData || selected.trim() === '') return false;
  e.preventDefault();
  e.clipboardData.setData('text/plain', withCitation(selected, citationLine(doc, path)));
  return true;
}
