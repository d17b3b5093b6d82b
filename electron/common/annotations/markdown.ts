// Markdown export for reading and sharing: annotations grouped by section in
// document order (section path as heading), each with its quote, note, tags,
// colour and a deep link to the passage, then the bookmarks, and the source
// attribution METI's terms of use require for edited content.
import type { DocumentInfo } from '../api/types';
import { deepLinkForRoute, isRouteId } from '../deep-link';
import type { AnnotationRecord, BookmarkRecord } from './records';

export { DEEP_LINK_SCHEME } from '../deep-link';

/**
 * Link that opens the reader at a section (and an annotation's passage), written by
 * the same module that parses it (electron/common/deep-link.ts). Null for an id the
 * link cannot carry (the stored id rule also admits `.` and `..`, which no route does).
 */
export function deepLink(sectionId: string, annotationId?: string): string | null {
  if (!isRouteId(sectionId) || (annotationId !== undefined && !isRouteId(annotationId)))
    return null;
  return deepLinkForRoute(annotationId === undefined ? { sectionId } : { sectionId, annotationId });
}

const COLOR_LABEL: Record<string, string> = {
  yellow: '黄 yellow',
  green: '緑 green',
  blue: '青 blue',
  pink: '桃 pink',
  purple: '紫 purple',
};

/** Escapes characters that Markdown would read as markup in plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

export interface MarkdownInput {
  document: Pick<DocumentInfo, 'title' | 'publisher' | 'edition' | 'attribution'>;
  /** In document order. */
  annotations: (AnnotationRecord & { path: string[] })[];
  /** In document order. */
  bookmarks: (BookmarkRecord & { path: string[] })[];
  generatedAt: string;
}

export function exportMarkdown(input: MarkdownInput): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(input.document.title)} — メモとしおり / Notes and bookmarks`, '');
  out.push(`出典 / Source: ${escapeMarkdown(input.document.attribution)}`, '');
  out.push(`Exported from Hakusho Reader on ${input.generatedAt}.`, '');
  let currentSection: string | null = null;
  // A highlight across sections: its note and tags once, at its first piece.
  const groupsSeen = new Set<string>();
  for (const a of input.annotations) {
    const continued = a.groupId !== null && groupsSeen.has(a.groupId);
    if (a.groupId !== null) groupsSeen.add(a.groupId);
    if (a.sectionId !== currentSection) {
      currentSection = a.sectionId;
      const path =
        a.path.length > 0 ? a.path.join(' › ') : `(section ${a.sectionId} not in this edition)`;
      out.push(`## ${escapeMarkdown(path)}`, '');
    }
    const kind = a.kind === 'highlight' ? 'ハイライト / Highlight' : '節のメモ / Section note';
    const orphan = a.anchor === 'orphan' ? ' — 位置不明 / passage not found in this edition' : '';
    out.push(`### ${kind} (${COLOR_LABEL[a.color] ?? a.color})${orphan}`, '');
    if (a.target) out.push(blockquote(a.target.quote.exact), '');
    if (continued) out.push('（前の節からの続き / continued from the section before）', '');
    else if (a.note.length > 0)
      out.push(...a.note.split('\n').map((l) => escapeMarkdown(l) + '  '), '');
    if (a.tags.length > 0 && !continued)
      out.push(`Tags: ${a.tags.map((t) => `\`#${t.replace(/`/g, "'")}\``).join(' ')}`, '');
    const link = deepLink(a.sectionId, a.id);
    out.push(link ? `[本文を開く / Open the passage](${link}) · ${a.updatedAt}` : a.updatedAt, '');
  }
  if (input.bookmarks.length > 0) {
    out.push('## しおり / Bookmarks', '');
    for (const b of input.bookmarks) {
      const title = b.path.length > 0 ? b.path.join(' › ') : `section ${b.sectionId}`;
      const label = b.label.length > 0 ? ` — ${escapeMarkdown(b.label)}` : '';
      const link = deepLink(b.sectionId);
      const name = link ? `[${escapeMarkdown(title)}](${link})` : escapeMarkdown(title);
      out.push(`- ${name}${label}`);
    }
    out.push('');
  }
  out.push('---', '', `${escapeMarkdown(input.document.attribution)}`, '');
  return out.join('\n');
}
