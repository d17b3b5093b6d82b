// A run of display text as HTML: search hits and the reader's highlights as <mark>, the
// glossary's abbreviations as focusable spans, short numbers as 縦中横 spans, a note's
// marker where its passage begins and an empty span where a printed page begins. The
// reading view draws hundreds of paragraphs at a jump; as Svelte blocks each piece and
// part of a paragraph was an effect of its own, created and torn down with it (most of a
// far jump's time on a long document). As one string per paragraph, a paragraph is one
// effect, and the nodes are the same.
//
// Nothing is added between elements and every character of the text is in a text node,
// in order: concatenating the text nodes gives back the text (selection, copy and
// offsets stay true to it). Every text and attribute value is escaped. The elements carry
// no handlers: the reading pane and the pop-ups listen on their containers.
import type { TextPart, TextPiece } from './segments';
import type { SpacedSides } from './autospace';

/** What the marks say to a screen reader (localised by the caller). */
export interface RichLabels {
  /** A search hit's description. */
  hit: string;
  /** A highlight's description, by its colour and whether it carries a note. */
  highlight: (color: string, noted: boolean) => string;
  /** A note marker's name, from its note. */
  marker: (note: string) => string;
}

/** The note marker's icon (a speech bubble), drawn in the margin. */
const MARKER_ICON = 'M3 3.5h10v7H8.2L5.5 13v-2.5H3z';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The text or attribute value, safe between tags and inside double quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function partsHtml(parts: readonly TextPart[]): string {
  let out = '';
  for (const part of parts)
    out += part.tcy ? `<span class="tcy">${escapeHtml(part.text)}</span>` : escapeHtml(part.text);
  return out;
}

function termHtml(piece: TextPiece, spacing: SpacedSides | null): string {
  const inner = partsHtml(piece.parts);
  if (piece.term === null) return inner;
  const classes = ['term'];
  if (spacing?.before) classes.push('space-before');
  if (spacing?.after) classes.push('space-after');
  return (
    `<span class="${classes.join(' ')}" role="button" tabindex="0" ` +
    `data-term="${escapeHtml(piece.term)}">${inner}</span>`
  );
}

function hitHtml(
  piece: TextPiece,
  spacing: SpacedSides | null,
  currentHit: number,
  labels: RichLabels,
): string {
  const inner = termHtml(piece, spacing);
  if (piece.hit === null) return inner;
  const current = piece.hit === currentHit;
  return (
    `<mark class="hit${current ? ' current' : ''}"${current ? ' aria-current="true"' : ''} ` +
    `aria-description="${escapeHtml(labels.hit)}" data-hit="${piece.hit}">${inner}</mark>`
  );
}

/**
 * The HTML of `pieces` (lib/text/segments.ts), with `spacing[i]` the 和欧間 sides of piece
 * `i` when it is a term, and the hit numbered `currentHit` marked as the current one.
 */
export function richHtml(
  pieces: readonly TextPiece[],
  spacing: readonly (SpacedSides | null)[],
  currentHit: number,
  labels: RichLabels,
): string {
  let out = '';
  pieces.forEach((piece, i) => {
    for (const page of piece.pages)
      out += `<span class="page-marker" data-page="${escapeHtml(page)}"></span>`;
    for (const marker of piece.markers)
      out +=
        `<button type="button" class="note-marker" data-note-marker="${escapeHtml(marker.id)}" ` +
        `aria-label="${escapeHtml(labels.marker(marker.note))}"><svg viewBox="0 0 16 16" ` +
        `aria-hidden="true"><path d="${MARKER_ICON}"></path></svg></button>`;
    const inner = hitHtml(piece, spacing[i] ?? null, currentHit, labels);
    const h = piece.highlight;
    out += h
      ? `<mark class="hl swatch-${escapeHtml(h.color)}${h.noted ? ' noted' : ''}" ` +
        `data-annotation-id="${escapeHtml(h.id)}" ` +
        `aria-description="${escapeHtml(labels.highlight(h.color, h.noted))}">${inner}</mark>`
      : inner;
  });
  return out;
}
