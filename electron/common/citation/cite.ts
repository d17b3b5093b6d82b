// Citations people can paste: where a passage stands in the book, written the way a
// Japanese official document cites a white paper, with the page URL when the source
// metadata records one —
//   出典：経済産業省『通商白書2023』第Ⅲ部第2章第1節「米国」2．日米通商分野（https://…）
// The book levels above the document give their numbers only (第Ⅲ部第2章); the
// document's own section its number and title (第1節「米国」); the sections below it
// their titles as the reader sees them (editorial ones in ［］), joined by " ＞ ". A
// section the metadata does not place is cited by the book and the titles alone, and a
// section without a URL has none: no URL is ever made up. Everything comes from the
// citation data stored with the content (./source.ts); nothing here names the book.
import type { Language } from '../api/types';
import type { CitationSource, CitedSection } from './source';

/** One step of the path from the document's top section down to the passage's section. */
export interface PathStep {
  id: string;
  title: string;
}

export interface Citation {
  /** The whole line: label and, when there is one, the URL in brackets. */
  text: string;
  /** The line without its URL. */
  label: string;
  url: string | null;
}

const BELOW = { ja: ' ＞ ', en: ' > ' } as const;

/** The printed pages a passage spans (labels as the pages print them). */
export interface PageSpan {
  first: string;
  last: string;
}

/** "p. 12", or "pp. 12–13" across pages: the same in both languages. */
export function pageText(pages: PageSpan): string {
  return pages.first === pages.last ? `p. ${pages.first}` : `pp. ${pages.first}–${pages.last}`;
}

function placeOf(
  source: CitationSource,
  path: readonly PathStep[],
): { cited: CitedSection | null; below: string[] } {
  // The deepest section of the path that the metadata places in the book.
  for (let i = path.length - 1; i >= 0; i--) {
    const cited = source.sections.find((s) => s.section === path[i]?.id);
    if (cited) return { cited, below: path.slice(i + 1).map((s) => s.title) };
  }
  return { cited: null, below: path.map((s) => s.title) };
}

/**
 * The citation of a place in the document (the passage's section path, top first), with
 * the printed pages it spans when the source has pages (an imported PDF): "…、p. 12".
 */
export function citationFor(
  source: CitationSource,
  path: readonly PathStep[],
  language: Language,
  pages: PageSpan | null = null,
): Citation {
  const { cited, below } = placeOf(source, path);
  const url = cited?.url ?? null;
  if (language === 'ja') {
    const place =
      source.within.map((l) => l.label).join('') +
      (cited ? `${cited.label}「${cited.title}」` : '');
    const page = pages ? `、${pageText(pages)}` : '';
    const label = `出典：${source.publisher}『${source.edition}』${place}${below.join(BELOW.ja)}${page}`;
    return { label, url, text: url ? `${label}（${url}）` : label };
  }
  const book = source.editionEn ? `${source.editionEn} (${source.edition})` : source.edition;
  const parts = [
    source.publisherEn ?? source.publisher,
    book,
    ...source.within.map((l) => l.labelEn ?? l.label),
    ...(cited ? [`${cited.labelEn ?? cited.label} "${cited.titleEn ?? cited.title}"`] : []),
    ...(below.length > 0 ? [below.join(BELOW.en)] : []),
    ...(pages ? [pageText(pages)] : []),
  ].filter((part) => part.length > 0);
  const label = `Source: ${parts.join(', ')}`;
  return { label, url, text: url ? `${label} (${url})` : label };
}

/** The book and the document's place in it, e.g. 経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」. */
export function bookLine(source: CitationSource, language: Language): string {
  const levels = source.within;
  if (language === 'ja')
    return `${source.publisher}『${source.edition}』${levels
      .map((l) => (l.title ? `${l.label}「${l.title}」` : l.label))
      .join('')}`;
  const book = source.editionEn ? `${source.editionEn} (${source.edition})` : source.edition;
  return [
    source.publisherEn ?? source.publisher,
    book,
    ...levels.map((l) => {
      const label = l.labelEn ?? l.label;
      const title = l.titleEn ?? l.title;
      return title ? `${label} "${title}"` : label;
    }),
  ]
    .filter((part) => part.length > 0)
    .join(', ');
}

/** A top section of the document as the book numbers it, with its page URL when recorded. */
export interface SourcePart {
  /** 第1節「米国」, Section 1 "United States". */
  label: string;
  url: string | null;
}

/**
 * What the whole document is cited as (Help, About): the book, the document's place in
 * it and the sections the metadata places, e.g.
 * 出典：経済産業省『通商白書2023』第Ⅲ部第2章「各国戦略」第1節「米国」・第2節「カナダ」,
 * with each section's page URL beside it for a link.
 */
export function sourceStatement(
  source: CitationSource,
  language: Language,
): { text: string; parts: SourcePart[] } {
  const parts = source.sections.map((s) => ({
    label:
      language === 'ja'
        ? `${s.label}「${s.title}」`
        : `${s.labelEn ?? s.label} "${s.titleEn ?? s.title}"`,
    url: s.url ?? null,
  }));
  const book = bookLine(source, language);
  const text =
    language === 'ja'
      ? `出典：${book}${parts.map((p) => p.label).join('・')}`
      : `Source: ${[book, ...parts.map((p) => p.label)].filter(Boolean).join(', ')}`;
  return { text, parts };
}

/**
 * What a document is cited by when it has no citation data (a document a reader
 * imported, or before the data has come): its publisher and its book, or its title.
 */
export function bareCitationSource(doc: {
  publisher: string;
  edition: string;
  title: string;
}): CitationSource {
  return {
    publisher: doc.publisher,
    edition: doc.edition.trim() || doc.title,
    within: [],
    sections: [],
  };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The citation as HTML: the URL becomes a link showing the URL itself. */
export function citationHtml(citation: Citation, language: Language): string {
  const link = citation.url
    ? `<a href="${escapeHtml(citation.url)}">${escapeHtml(citation.url)}</a>`
    : null;
  const tail = link ? (language === 'ja' ? `（${link}）` : ` (${link})`) : '';
  return `<p lang="${language}">${escapeHtml(citation.label)}${tail}</p>`;
}

export interface CitedPassage {
  /** text/plain: the quote in 「」 (“” in English), then the citation line. */
  text: string;
  /** text/html: the quote as a blockquote, then the citation with its link. */
  html: string;
}

/** What a copy puts on the clipboard: the quote and its citation, as text and as HTML. */
export function citePassage(
  quote: string,
  source: CitationSource,
  path: readonly PathStep[],
  language: Language,
  pages: PageSpan | null = null,
): CitedPassage {
  const body = quote.replace(/\r\n?/g, '\n').replace(/\s+$/u, '').replace(/^\n+/, '');
  const citation = citationFor(source, path, language, pages);
  if (body.length === 0) return { text: citation.text, html: citationHtml(citation, language) };
  const [open, close] = language === 'ja' ? ['「', '」'] : ['“', '”'];
  const paragraphs = body
    .split(/\n+/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const cite = citation.url ? ` cite="${escapeHtml(citation.url)}"` : '';
  return {
    text: `${open}${body}${close}\n${citation.text}`,
    // The quote is the book's Japanese whatever the interface language.
    html: `<blockquote lang="ja"${cite}>${paragraphs}</blockquote>${citationHtml(citation, language)}`,
  };
}
