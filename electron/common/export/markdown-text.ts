// Text into Markdown that means exactly that text: a backslash only where CommonMark
// (or GFM's tables and strikethrough) would otherwise read markup, so that 93.2万人,
// U.S. and 2＋2 stay as written while a note cannot open a heading, a list, a quote,
// a link, an image, HTML, a code block, a table or a line of its own.
//
// Inline, anywhere: ` * [ < ~ | always; _ unless inside a word (snake_case is literal
// in CommonMark); \ before ASCII punctuation or at the end of a line; & that would
// start an entity (&amp; &#12;).
// At the start of a line (after the spaces Markdown ignores, which are dropped): #
// before a space or the end (heading); > (quote); - + before a space or the end
// (list); 1. 1) before a space or the end (ordered list); a line of - or = alone
// (thematic break, setext heading). Leading ASCII spaces and tabs are dropped: four
// would make a code block, and Markdown drops them from a paragraph anyway (U+3000,
// the Japanese indent, is text and stays). Trailing ASCII spaces are dropped: two would
// make a line break.
// Not covered: renderers that link bare URLs (GFM's autolink extension) or read $…$ as
// math; in those a note's URL becomes a link to itself.

const ALWAYS = /[`*[<~|]/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Escapes one line's inline markup (no line-start rules: see escapeLine). */
export function escapeInline(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ALWAYS.test(ch)) out += `\\${ch}`;
    else if (ch === '_') {
      const inWord = WORD.test(text[i - 1] ?? '') && WORD.test(next ?? '');
      out += inWord ? ch : '\\_';
    } else if (ch === '\\') out += next === undefined || ASCII_PUNCTUATION.test(next) ? '\\\\' : ch;
    else if (ch === '&') out += ENTITY.test(text.slice(i)) ? '\\&' : ch;
    else out += ch;
  }
  return out;
}

/** One line of text as a line of a Markdown paragraph (block and inline markup escaped). */
export function escapeLine(line: string): string {
  const text = line.replace(/^[ \t]+|[ \t]+$/g, '');
  const escaped = escapeInline(text);
  if (/^#{1,6}(?:[ \t]|$)/.test(text)) return `\\${escaped}`;
  if (/^>/.test(text)) return `\\${escaped}`;
  if (/^[-+](?:[ \t]|$)/.test(text)) return `\\${escaped}`;
  if (/^(?:-[ \t]*){3,}$/.test(text) || /^=+$/.test(text) || /^-+$/.test(text))
    return `\\${escaped}`;
  const ordered = /^([0-9]{1,9})([.)])(?=[ \t]|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${escaped.slice((ordered[1] as string).length)}`;
  return escaped;
}

/**
 * Lines of text (a note, a quote) as Markdown paragraphs: each line keeps its break
 * (a backslash hard break), blank lines separate paragraphs, runs of them collapse.
 * `prefix` starts every output line (`> ` for a blockquote).
 */
export function markdownParagraphs(text: string, prefix = ''): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n+/)
    .map((p) =>
      p
        .split('\n')
        .map(escapeLine)
        .filter((l) => l.length > 0),
    )
    .filter((p) => p.length > 0);
  const out: string[] = [];
  paragraphs.forEach((lines, i) => {
    if (i > 0) out.push(prefix.trimEnd());
    lines.forEach((line, j) => out.push(`${prefix}${line}${j < lines.length - 1 ? '\\' : ''}`));
  });
  return out;
}

/** Line breaks and ASCII space runs as one space, ends trimmed; U+3000 is text and stays. */
export function oneLine(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

/** Text inside a link's brackets: inline escapes, and ] which would close them. */
export function escapeLinkText(text: string): string {
  return escapeInline(oneLine(text)).replace(/]/g, '\\]');
}

/** A heading's text: inline escapes, and a closing # run that ATX headings would drop. */
export function escapeHeading(text: string): string {
  return escapeInline(oneLine(text)).replace(/(#+)$/, '\\$1');
}

/** `<url>` when CommonMark reads it as an autolink to exactly that URL, else the escaped text. */
export function autolink(url: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\\`]*$/.test(url) ? `<${url}>` : escapeInline(url);
}

/** `[text](url)` when the URL can stand as a destination as it is, else the escaped text. */
export function link(text: string, url: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>()\\`]*$/.test(url)
    ? `[${escapeLinkText(text)}](${url})`
    : escapeInline(text);
}
