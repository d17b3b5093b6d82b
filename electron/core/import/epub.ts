// EPUB 2 and 3: the container names the package (OPF); the package's spine gives the
// reading order; each spine document is XHTML read by the HTML reader (./html.ts),
// so headings, footnotes (epub:type), page breaks (page-list markers become page
// markers) and what is dropped follow the same rules. A spine document without
// headings takes its title from the book's navigation (nav.xhtml or toc.ncx), so a
// novel whose chapters are only named in the table of contents still gets an outline.
// A book set vertically (writing-mode: vertical-rl in its CSS, or a right-to-left
// spine) is reported as vertical, so the reader keeps that as its default direction.
// The zip is opened by ./zip.ts (bomb and path limits); every href resolved here must
// stay inside the archive.
import path from 'node:path/posix';
import type { Element, AnyNode, Document } from 'domhandler';
import type { WritingMode } from '../../common/api/types';
import { ImportError, throwIfAborted } from './errors';
import { HtmlBlockCollector, parseHtml, writingModeOfHtml } from './html';
import { decodeHtml } from './html-decode';
import type { AdapterContext, ExtractedDocument, ImportBlock } from './types';
import { openZip, type ZipArchive } from './zip';

const VERTICAL_CSS = /(?:-epub-|-webkit-)?writing-mode\s*:\s*(?:vertical-rl|tb-rl)/i;

function all(node: AnyNode, out: Element[] = []): Element[] {
  if (node.type === 'tag') out.push(node as Element);
  if ('children' in node) for (const c of node.children) all(c, out);
  return out;
}

function local(el: Element): string {
  return el.name.toLowerCase().replace(/^.*:/, '');
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if ('children' in node) return node.children.map(textOf).join('');
  return '';
}

function oneLine(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ').replace(/^ | $/g, '');
}

/** Resolves an href against the document that holds it; refuses paths that leave the archive. */
export function resolveInArchive(base: string, href: string, name: string): string {
  let withoutFragment = href.split('#')[0] ?? '';
  try {
    withoutFragment = decodeURIComponent(withoutFragment);
  } catch {
    /* a malformed %-escape: the href as written */
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(withoutFragment) || withoutFragment.startsWith('/'))
    throw new ImportError('unsafe_archive', `${name}: refused: link outside the book (${href})`);
  const joined = path.normalize(path.join(path.dirname(base), withoutFragment));
  if (joined === '..' || joined.startsWith('../'))
    throw new ImportError(
      'unsafe_archive',
      `${name}: refused: path leaves the archive (${href} from ${base})`,
    );
  return joined;
}

async function readText(zip: ZipArchive, file: string, name: string): Promise<string> {
  return decodeHtml(await zip.read(file), `${name}:${file}`).text;
}

async function readXml(zip: ZipArchive, file: string, name: string): Promise<Document> {
  return parseHtml(await readText(zip, file, name), true);
}

interface NavEntry {
  file: string;
  fragment: string;
  label: string;
  depth: number;
}

/** A table-of-contents entry: `href` (a file of the archive, relative to `base`, and its fragment), named by `label`. */
function navEntry(
  base: string,
  href: string,
  name: string,
  label: Element,
  depth: number,
): NavEntry {
  return {
    file: resolveInArchive(base, href, name),
    fragment: href.split('#')[1] ?? '',
    label: oneLine(textOf(label)),
    depth,
  };
}

function navFromXhtml(doc: Document, base: string, name: string): NavEntry[] {
  const navs = all(doc).filter((el) => local(el) === 'nav');
  const toc = navs.find((el) => /\btoc\b/.test(el.attribs['epub:type'] ?? '')) ?? navs[0] ?? null;
  if (!toc) return [];
  const out: NavEntry[] = [];
  const visit = (node: Element, depth: number) => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const el = child as Element;
      if (local(el) === 'li') {
        const link = el.children.find(
          (c): c is Element => c.type === 'tag' && ['a', 'span'].includes(local(c as Element)),
        );
        const href = link?.attribs.href;
        if (link && href) out.push(navEntry(base, href, name, link, depth));
        for (const sub of el.children)
          if (sub.type === 'tag' && local(sub as Element) === 'ol')
            visit(sub as Element, depth + 1);
      } else if (local(el) === 'ol') visit(el, depth);
    }
  };
  visit(toc, 1);
  return out;
}

function navFromNcx(doc: Document, base: string, name: string): NavEntry[] {
  const out: NavEntry[] = [];
  const visit = (node: AnyNode, depth: number) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const el = child as Element;
      if (local(el) === 'navpoint') {
        const label = all(el).find((e) => local(e) === 'text');
        const content = all(el).find((e) => local(e) === 'content');
        const src = content?.attribs.src;
        if (label && src) out.push(navEntry(base, src, name, label, depth));
        visit(el, depth + 1);
      } else visit(el, depth);
    }
  };
  visit(doc, 1);
  return out;
}

export async function extractEpub(
  bytes: Uint8Array,
  context: AdapterContext,
): Promise<ExtractedDocument> {
  const { name, limits, signal } = context;
  context.progress({ phase: 'parse', done: 0, total: 1 });
  const zip = await openZip(bytes, name, limits.zip);
  try {
    // Some packagers wrap the whole book in one folder (epub/META-INF/…): accept that root.
    const containers = zip.names().filter((n) => /(?:^|\/)META-INF\/container\.xml$/.test(n));
    const containerPath = zip.has('META-INF/container.xml')
      ? 'META-INF/container.xml'
      : containers.length === 1
        ? (containers[0] as string)
        : null;
    if (!containerPath)
      throw new ImportError('damaged', `${name}: not an EPUB (no META-INF/container.xml)`);
    const bookRoot = containerPath.slice(0, -'META-INF/container.xml'.length);
    const container = await readXml(zip, containerPath, name);
    const rootfile = all(container).find((el) => local(el) === 'rootfile');
    const opfHref = rootfile?.attribs['full-path'];
    if (!opfHref) throw new ImportError('damaged', `${name}: the container names no package`);
    // full-path is relative to the book's root (resolved as if from a file there).
    const opfPath = resolveInArchive(`${bookRoot}container`, opfHref, name);
    const opf = await readXml(zip, opfPath, name);
    const els = all(opf);
    const meta = (tag: string) => {
      const el = els.find((e) => e.name.toLowerCase() === `dc:${tag}` || local(e) === tag);
      const text = el ? oneLine(textOf(el)) : '';
      return text.length > 0 ? text : null;
    };
    const manifest = new Map<string, { href: string; type: string; properties: string }>();
    for (const el of els)
      if (local(el) === 'item' && el.attribs.id && el.attribs.href)
        manifest.set(el.attribs.id, {
          href: resolveInArchive(opfPath, el.attribs.href, name),
          type: el.attribs['media-type'] ?? '',
          properties: el.attribs.properties ?? '',
        });
    const spineEl = els.find((e) => local(e) === 'spine');
    const spine = els
      .filter((e) => local(e) === 'itemref' && e.attribs.idref)
      .map((e) => manifest.get(e.attribs.idref as string))
      .filter((item): item is NonNullable<typeof item> => item !== undefined)
      .filter((item) => /html|xml/.test(item.type) && zip.has(item.href));
    if (spine.length === 0)
      throw new ImportError('damaged', `${name}: the spine lists no readable document`);

    let writingMode: WritingMode =
      spineEl?.attribs['page-progression-direction'] === 'rtl' ? 'vertical' : 'horizontal';
    if (
      els.some(
        (e) =>
          local(e) === 'meta' &&
          e.attribs.name === 'primary-writing-mode' &&
          /vertical/.test(e.attribs.content ?? ''),
      )
    )
      writingMode = 'vertical';
    for (const item of manifest.values())
      if (writingMode === 'horizontal' && item.type === 'text/css' && zip.has(item.href))
        if (VERTICAL_CSS.test(await readText(zip, item.href, name))) writingMode = 'vertical';

    // Navigation: EPUB 3 nav document, else the EPUB 2 NCX.
    let nav: NavEntry[] = [];
    const navItem = [...manifest.values()].find((i) => /\bnav\b/.test(i.properties));
    const ncxItem =
      manifest.get(spineEl?.attribs.toc ?? '') ??
      [...manifest.values()].find((i) => i.type === 'application/x-dtbncx+xml');
    if (navItem && zip.has(navItem.href))
      nav = navFromXhtml(await readXml(zip, navItem.href, name), navItem.href, name);
    if (nav.length === 0 && ncxItem && zip.has(ncxItem.href))
      nav = navFromNcx(await readXml(zip, ncxItem.href, name), ncxItem.href, name);

    const collector = new HtmlBlockCollector();
    context.progress({ phase: 'parse', done: 1, total: 1 });
    for (const [index, item] of spine.entries()) {
      throwIfAborted(signal, name);
      if (navItem && item.href === navItem.href) continue; // the table of contents itself
      const doc = parseHtml(await readText(zip, item.href, name), true);
      if (writingMode === 'horizontal' && writingModeOfHtml(doc) === 'vertical')
        writingMode = 'vertical';
      const before = collector.blocks.length;
      collector.addDocument(doc);
      const added = collector.blocks.slice(before);
      if (!added.some((b) => b.role === 'heading')) {
        const titles: ImportBlock[] = nav
          .filter((entry) => entry.file === item.href)
          .map((entry) => ({ role: 'heading', level: entry.depth, lines: [entry.label] }));
        collector.blocks.splice(before, 0, ...titles.slice(0, 1));
      }
      context.progress({ phase: 'pages', done: index + 1, total: spine.length });
    }
    return {
      format: 'epub',
      encoding: 'epub',
      title: meta('title'),
      publisher: meta('publisher'),
      author: meta('creator'),
      date: meta('date'),
      writingMode,
      blocks: collector.blocks,
      pageLabels: collector.pageLabels.length > 0 ? collector.pageLabels : null,
      warnings: [],
    };
  } finally {
    zip.close();
  }
}
