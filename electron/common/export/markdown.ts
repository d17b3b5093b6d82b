// Notes and bookmarks as Markdown written for a reader: in the interface language,
// local dates, a title naming the book, each quote as a blockquote with its citation,
// the METI page of its section beside the app's deep link, the note, tags and colour.
// The reader's words and the book's go through ./markdown-text.ts, which escapes only
// what Markdown would read as markup: nothing a note says can become a heading, a
// list, a link, HTML or break the layout around it.
import {
  autolink,
  escapeHeading,
  escapeInline,
  link,
  markdownParagraphs,
  oneLine,
} from './markdown-text';
import { arrangeNotes, type ArrangedNotes, type NotesExportInput } from './notes';

export type { NotesExportInput } from './notes';

const MAX_HEADING = 6;

function citationLine(a: ArrangedNotes['groups'][number]['annotations'][number], ja: boolean) {
  const { label, url } = a.citation;
  if (!url) return escapeInline(label);
  return ja
    ? `${escapeInline(label)}（${autolink(url)}）`
    : `${escapeInline(label)} (${autolink(url)})`;
}

export function exportNotesMarkdown(input: NotesExportInput): string {
  const notes = arrangeNotes(input);
  const { words } = notes;
  const ja = notes.language === 'ja';
  const out: string[] = [];
  out.push(`# ${escapeHeading(notes.title)}`, '');
  out.push(escapeInline(notes.book), '');
  out.push(escapeInline(notes.generated), '');
  for (const group of notes.groups) {
    for (const h of group.headings)
      out.push(`${'#'.repeat(Math.min(h.level + 1, MAX_HEADING))} ${escapeHeading(h.title)}`, '');
    for (const a of group.annotations) {
      out.push(
        `**${escapeInline(a.kind)}**${escapeInline(`${words.separator}${a.color} — ${words.updated(a.updated)}`)}`,
        '',
      );
      if (a.record.anchor === 'orphan') out.push(`*${escapeInline(words.orphan)}*`, '');
      if (a.quote !== null) {
        const quote = markdownParagraphs(a.quote, '> ');
        if (quote.length > 0) out.push(...quote, '');
        out.push(citationLine(a, ja), '');
      }
      if (a.continued) out.push(`*${escapeInline(words.continued)}*`, '');
      else {
        const note = markdownParagraphs(a.record.note);
        if (note.length > 0) out.push(...note, '');
        if (a.record.tags.length > 0)
          out.push(escapeInline(`${words.tags}${a.record.tags.join(words.tagSeparator)}`), '');
      }
      const links = [
        ...(a.deepLink ? [link(words.openInApp, a.deepLink)] : []),
        ...(a.citation.url ? [link(words.sourcePage, a.citation.url)] : []),
      ];
      if (links.length > 0) out.push(links.join(' · '), '');
    }
  }
  if (notes.bookmarks.length > 0) {
    out.push(`## ${escapeHeading(words.bookmarks)}`, '');
    for (const b of notes.bookmarks) {
      const name = b.deepLink ? link(b.title, b.deepLink) : escapeInline(b.title);
      const at = b.excerpt !== null ? escapeInline(` ${words.bookmarkAt(oneLine(b.excerpt))}`) : '';
      const label = oneLine(b.record.label);
      out.push(`- ${name}${at}${label.length > 0 ? ` — ${escapeInline(label)}` : ''}`);
    }
    out.push('');
  }
  out.push('---', '', escapeInline(notes.attribution), '');
  return out.join('\n');
}
