// The source line appended to copied passages. METI's terms of use allow reuse when
// the source (出典) is named; the line names the document and where in it the
// passage stands, e.g. 出典：「通商白書2023」（経済産業省）第１節 米国 ＞ 3．…
import type { DocumentInfo } from '../../../../electron/common/api/types';

/** Strips 「」 the title may already carry so it is not quoted twice. */
function bareTitle(title: string): string {
  return title.replace(/^「(.*)」$/, '$1');
}

export function citationLine(
  doc: Pick<DocumentInfo, 'title' | 'publisher'>,
  path: readonly string[],
): string {
  const where = path
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ＞ ');
  const source = `出典：「${bareTitle(doc.title)}」（${doc.publisher}）`;
  return where ? `${source}${where}` : source;
}

/** What goes on the clipboard: the passage as selected, a blank line, the source. */
export function withCitation(selected: string, citation: string): string {
  return `${selected.replace(/\s+$/, '')}\n\n${citation}`;
}
