// HTML saved from a browser (METI's HTML edition of a white paper, a manual's pages)
// and the XHTML inside an EPUB, parsed with htmlparser2 — a parser only: no DOM, no
// scripts, no styles, no network, nothing executed. What a reader reads is kept:
// headings h1–h6 become the outline, paragraphs, list items, table rows and
// preformatted text become blocks (<br> breaks are line breaks that the ingest's
// rules join), footnotes and figure/table captions are kept apart. What a page wraps
// around its text is dropped: scripts, styles, forms, hidden elements, the site's
// navigation, header and footer, breadcrumbs, a table of contents, furigana (<rt>).
// When the page marks its main content (<main>, role=main) only that is read.
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import type { WritingMode } from '../../common/api/types';
import { decodeHtml } from './html-decode';
import type { AdapterContext, BlockRole, ExtractedDocument, ImportBlock } from './types';

/** Elements whose content is never text to read. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'canvas',
  'audio',
  'video',
  'map',
  'button',
  'select',
  'textarea',
  'input',
  'form',
  'dialog',
  'rt',
  'rp',
  'img',
  'picture',
  'source',
  'track',
  'param',
]);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'html',
  'body',
  'main',
  'article',
  'section',
  'div',
  'p',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'address',
  'hr',
  'center',
  'details',
  'summary',
  'fieldset',
  'legend',
  'aside',
  'nav',
  'header',
  'footer',
  'hgroup',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'listing',
  'xmp',
  'plaintext',
  'menu',
]);

/** Landmarks that are the site's, not the document's, when not inside the content. */
const PAGE_CHROME_TAGS = new Set(['nav', 'header', 'footer']);
const PAGE_CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
]);

/**
 * id/class tokens of navigation and page furniture on real sites and generated docs
 * (DocBook's navheader/toc, Sphinx's related/sphinxsidebar, パンくず "pankuzu" and
 * "topicpath" breadcrumbs on Japanese government sites, "pagetop" links).
 */
const CHROME_TOKEN =
  /^(?:[a-z0-9]+[-_])*(?:header|footer|nav|navi|navigation|gnav|lnav|snav|globalnav|navbar|navheader|navfooter|breadcrumbs?|topicpath|pankuzu|menu|sidebar|sidemenu|sphinxsidebar|related|skip|skiplink|pagetop|page-top|toc|contents-list|share|sns)(?:[-_][a-z0-9]+)*$/i;

const FOOTNOTE_TYPES = /\b(?:footnotes?|endnotes?|rearnotes?|note)\b/i;
const FOOTNOTE_TOKEN = /^(?:footnotes?|endnotes?|fn|notes?|footnote-list|annotation)$/i;
const VERTICAL_CSS = /(?:-epub-|-webkit-)?writing-mode\s*:\s*(?:vertical-rl|tb-rl)/i;

function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

function tokens(el: Element): string[] {
  return `${attr(el, 'class')} ${attr(el, 'id')}`.split(/\s+/).filter(Boolean);
}

function isHidden(el: Element): boolean {
  if ('hidden' in el.attribs || attr(el, 'aria-hidden') === 'true') return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attr(el, 'style'));
}

function headingLevel(name: string): number {
  return /^h[1-6]$/.test(name) ? Number(name[1]) : 0;
}

function epubType(el: Element): string {
  return `${attr(el, 'epub:type')} ${attr(el, 'role')}`;
}

function isFootnoteContainer(el: Element): boolean {
  if (FOOTNOTE_TYPES.test(epubType(el)) || /\bdoc-(?:footnote|endnotes?)\b/.test(attr(el, 'role')))
    return true;
  return el.name !== 'a' && tokens(el).some((t) => FOOTNOTE_TOKEN.test(t));
}

function isPageBreak(el: Element): boolean {
  return /\bpagebreak\b/.test(attr(el, 'epub:type')) || attr(el, 'role') === 'doc-pagebreak';
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

function elements(node: AnyNode, out: Element[] = []): Element[] {
  if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
    out.push(node as Element);
  }
  if ('children' in node) for (const c of node.children) elements(c, out);
  return out;
}

/** Whether an element is part of the site around the document rather than the document. */
function isChrome(el: Element, insideContent: boolean): boolean {
  if (headingLevel(el.name) > 0 || ['main', 'article', 'body', 'html'].includes(el.name))
    return false;
  if (!insideContent && PAGE_CHROME_TAGS.has(el.name)) return true;
  if (el.name === 'nav') return true; // a nav inside an article is still navigation
  if (PAGE_CHROME_ROLES.has(attr(el, 'role'))) return true;
  if (/\b(?:toc|landmarks|page-list)\b/.test(attr(el, 'epub:type'))) return true;
  if (el.name === 'a' && /\bheaderlink\b/.test(attr(el, 'class'))) return true;
  return tokens(el).some((t) => CHROME_TOKEN.test(t));
}

/**
 * Collects blocks from one or more HTML documents in order. Shared by the EPUB
 * adapter, which feeds it every spine document: page breaks (EPUB page lists) and
 * their labels carry over from one document to the next.
 */
export class HtmlBlockCollector {
  readonly blocks: ImportBlock[] = [];
  readonly pageLabels: string[] = [];
  private current: { role: BlockRole; level: number; lines: string[]; pages: number[] } | null =
    null;
  private line = '';
  private linePage = 0;

  private page(): number {
    return this.pageLabels.length;
  }

  private start(role: BlockRole, level: number): void {
    this.flush();
    this.current = { role, level, lines: [], pages: [] };
  }

  private endLine(): void {
    if (!this.current) this.current = { role: 'body', level: 0, lines: [], pages: [] };
    if (this.line.replace(/[ \u3000]/g, '').length > 0) {
      this.current.lines.push(this.line);
      this.current.pages.push(this.linePage);
    }
    this.line = '';
  }

  private append(text: string, role: BlockRole): void {
    if (!this.current) this.current = { role, level: 0, lines: [], pages: [] };
    if (this.line.length === 0) this.linePage = this.page();
    this.line += text;
  }

  flush(): void {
    if (this.current || this.line.length > 0) this.endLine();
    const block = this.current;
    this.current = null;
    if (!block || block.lines.length === 0) return;
    const paged = block.pages.every((p) => p > 0);
    this.blocks.push({
      role: block.role,
      level: block.level,
      lines: block.lines,
      ...(paged ? { pages: block.pages } : {}),
    });
  }

  /** Adds the text of one parsed document (its <main> when it has a substantial one). */
  addDocument(doc: Document): void {
    const all = elements(doc);
    const mains = all.filter((el) => el.name === 'main' || attr(el, 'role') === 'main');
    const body = all.find((el) => el.name === 'body') ?? doc;
    const bodyText = textOf(body).replace(/\s+/g, '').length;
    const mainText = mains.reduce((n, m) => n + textOf(m).replace(/\s+/g, '').length, 0);
    const useMain = mains.length > 0 && mainText >= bodyText * 0.3;
    for (const root of useMain ? mains : [body])
      this.walk(root, { role: 'body', pre: false, inContent: useMain });
    this.flush();
  }

  private walk(node: AnyNode, ctx: { role: BlockRole; pre: boolean; inContent: boolean }): void {
    if (node.type === 'text') {
      const raw = node.data;
      if (ctx.pre) {
        const parts = raw.split(/\r\n?|\n/);
        parts.forEach((part, i) => {
          if (i > 0) this.endLine();
          if (part.length > 0) this.append(part, ctx.role);
        });
      } else {
        const collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
        if (collapsed.length > 0 && (collapsed !== ' ' || this.line.length > 0))
          this.append(collapsed, ctx.role);
      }
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) this.walk(child, ctx);
      return;
    }
    if (node.type !== 'tag') return; // comments, CDATA, directives, <script>, <style>
    const el = node as Element;
    const name = el.name.toLowerCase().replace(/^[a-z0-9]+:/, '');
    if (SKIPPED.has(name) || isHidden(el)) return;
    if (isPageBreak(el)) {
      const label = (attr(el, 'title') || attr(el, 'aria-label') || textOf(el)).trim();
      this.pageLabels.push(label || String(this.pageLabels.length + 1));
      return;
    }
    if (isChrome(el, ctx.inContent)) return;
    const inContent = ctx.inContent || name === 'main' || name === 'article';
    const level = headingLevel(name);
    if (name === 'br') {
      this.endLine();
      return;
    }
    if (level > 0) {
      this.start('heading', level);
      for (const child of el.children) this.walk(child, { ...ctx, inContent, role: 'heading' });
      this.flush();
      return;
    }
    let role = ctx.role;
    if (role === 'body' && isFootnoteContainer(el)) role = 'footnote';
    if (role === 'body' && (name === 'figcaption' || name === 'caption')) role = 'caption';
    const pre = ctx.pre || name === 'pre' || name === 'listing' || name === 'xmp';
    if (name === 'td' || name === 'th') {
      if (this.line.replace(/[ \u3000]/g, '').length > 0) this.append('\u3000', role);
      for (const child of el.children) this.walk(child, { role, pre, inContent });
      return;
    }
    const block = BLOCKS.has(name) && role !== 'heading';
    if (block) this.start(role, 0);
    for (const child of el.children) this.walk(child, { role, pre, inContent });
    if (block) this.flush();
  }
}

export function parseHtml(text: string, xml: boolean): Document {
  return parseDocument(text, {
    xmlMode: xml,
    decodeEntities: true,
    lowerCaseTags: !xml,
    lowerCaseAttributeNames: !xml,
    recognizeSelfClosing: xml,
  });
}

/** The writing mode that inline <style> or style attributes of the document ask for. */
export function writingModeOfHtml(doc: Document): WritingMode {
  for (const el of elements(doc)) {
    const css = el.name === 'style' ? textOf(el) : attr(el, 'style');
    if (css && VERTICAL_CSS.test(css)) return 'vertical';
  }
  return 'horizontal';
}

export function htmlTitle(doc: Document): string | null {
  const title = elements(doc).find((el) => el.name === 'title');
  // ASCII white space only: a U+3000 in a title is the author's.
  const text = title
    ? textOf(title)
        .replace(/[ \t\r\n\f]+/g, ' ')
        .replace(/^ | $/g, '')
    : '';
  return text.length > 0 ? text : null;
}

function metaContent(doc: Document, name: string): string | null {
  const el = elements(doc).find((e) => e.name === 'meta' && attr(e, 'name').toLowerCase() === name);
  const value = el ? attr(el, 'content').trim() : '';
  return value.length > 0 ? value : null;
}

export function extractHtml(bytes: Uint8Array, context: AdapterContext): ExtractedDocument {
  const { text, encoding } = decodeHtml(bytes, context.name);
  const xml = /^\s*<\?xml/.test(text) || /\.xhtml$/i.test(context.name);
  const doc = parseHtml(text, xml);
  const collector = new HtmlBlockCollector();
  collector.addDocument(doc);
  return {
    format: 'html',
    encoding,
    title: htmlTitle(doc),
    publisher: metaContent(doc, 'publisher'),
    author: metaContent(doc, 'author'),
    date: null,
    writingMode: writingModeOfHtml(doc),
    blocks: collector.blocks,
    pageLabels: collector.pageLabels.length > 0 ? collector.pageLabels : null,
    warnings: [],
  };
}
