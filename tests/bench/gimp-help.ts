// Corpus (c) of the search benchmark: Debian's gimp-help-ja (the GIMP manual in
// Japanese, DocBook XHTML), about the size of a whole white paper. One section per
// h1–h3 heading (h4 and below stay inside their section), paragraphs from block
// elements, navigation headers and footers left out; sections whose letters are
// under 10% Japanese (untranslated pages) are dropped. Installed with apt when
// missing. A small tag walker is enough: the files are generated XHTML.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchIndexDocument } from '../../electron/core/search/index';

export const GIMP_HELP_ROOT = '/usr/share/gimp/2.0/help/ja';

export function ensureGimpHelpJa(log: (s: string) => void): void {
  if (existsSync(path.join(GIMP_HELP_ROOT, 'index.html'))) return;
  log('gimp-help-ja is missing: apt-get install -y gimp-help-ja');
  execSync('apt-get update && apt-get install -y gimp-help-ja', { stdio: 'inherit' });
}

/** Elements that end the paragraph being collected. */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'td',
  'th',
  'pre',
  'blockquote',
  'br',
  'hr',
  'h4',
  'h5',
  'h6',
  'caption',
  'title',
]);
const SECTION_HEADINGS = new Set(['h1', 'h2', 'h3']);
const SKIPPED = new Set(['head', 'script', 'style']);
const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTER = /\p{L}/gu;

/** Share of Japanese letters among all letters of a section (title and text). */
export function japaneseShare(doc: SearchIndexDocument): number {
  const text = doc.title + doc.paragraphs.map((p) => p.text).join('');
  const letters = text.match(LETTER)?.length ?? 0;
  return letters === 0 ? 0 : (text.match(JAPANESE)?.length ?? 0) / letters;
}

/** The sections of one page (before the Japanese-share filter). */
export function parseHelpPage(name: string, html: string): SearchIndexDocument[] {
  const sections: SearchIndexDocument[] = [];
  let current: SearchIndexDocument | null = null;
  let heading: string | null = null; // text of the h1–h3 being read
  let headingId = '';
  let text = '';
  let pre = 0;
  let skip = 0;
  let navDepth = 0; // div depth inside a navheader/navfooter (0: outside)
  let divDepth = 0;
  const flush = () => {
    const t = (pre > 0 ? text : text.replace(/\s+/g, ' ')).trim();
    text = '';
    if (t.length === 0 || current === null) return;
    current.paragraphs.push({ id: `${current.id}.p${current.paragraphs.length + 1}`, text: t });
  };
  const tag = /<(\/?)([a-zA-Z0-9]+)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const between = html.slice(last, m.index);
    last = tag.lastIndex;
    if (skip === 0 && navDepth === 0) {
      if (heading !== null) heading += decodeEntities(between);
      else text += decodeEntities(between);
    }
    const name2 = m[2]?.toLowerCase();
    if (name2 === undefined) continue; // comment, declaration
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (SKIPPED.has(name2)) {
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (name2 === 'div') {
      if (closing) {
        if (navDepth > 0 && divDepth === navDepth) navDepth = 0;
        divDepth--;
      } else if (!selfClosing) {
        divDepth++;
        if (navDepth === 0 && /class="nav(header|footer)"/.test(m[3] ?? '')) navDepth = divDepth;
      }
    }
    if (skip > 0 || navDepth > 0) continue;
    if (SECTION_HEADINGS.has(name2)) {
      if (!closing) {
        flush();
        heading = '';
        headingId =
          /\bid="([^"]+)"/.exec(html.slice(m.index, html.indexOf('</', m.index)))?.[1] ?? '';
      } else if (heading !== null) {
        const title = heading.replace(/\s+/g, ' ').trim();
        const id = `${name}#${headingId || sections.length + 1}`;
        current = { id, title, paragraphs: [] };
        sections.push(current);
        heading = null;
      }
      continue;
    }
    if (name2 === 'pre') {
      flush();
      pre += closing ? -1 : selfClosing ? 0 : 1;
      continue;
    }
    if (BLOCKS.has(name2)) flush();
  }
  flush();
  return sections;
}

/** Every section of the manual with at least 10% Japanese letters, in file order. */
export function gimpHelpSections(root = GIMP_HELP_ROOT): SearchIndexDocument[] {
  const docs: SearchIndexDocument[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(root).sort()) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(path.join(root, file), 'utf8');
    for (const doc of parseHelpPage(file.replace(/\.html$/, ''), html)) {
      if (seen.has(doc.id) || japaneseShare(doc) < 0.1) continue;
      if (doc.paragraphs.length === 0 && doc.title.length === 0) continue;
      seen.add(doc.id);
      docs.push(doc);
    }
  }
  return docs;
}
