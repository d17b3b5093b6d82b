// The real documents of the library benchmark: Japanese manuals that Debian ships as
// both PDF and HTML (and EPUB), brought with `apt-get download` and unpacked with
// `dpkg -x` into test-results/bench-library/debs (nothing installed, nothing committed).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface RealDocument {
  id: string;
  package: string;
  pdf: string;
  /** HTML files in reading order (relative to the unpacked tree). */
  html: (root: string) => string[];
  epub?: string;
  /** Running heads printed on its pages (for counting what is left in the text). */
  runningHeads: string[];
}

function linkedOrder(root: string, indexRel: string, filter: (href: string) => boolean): string[] {
  const index = path.join(root, indexRel);
  const dir = path.dirname(indexRel);
  const html = readFileSync(index, 'utf8');
  const order = [indexRel];
  for (const m of html.matchAll(/href="([^"#?]+\.html)(?:#[^"]*)?"/g)) {
    const rel = path.join(dir, m[1]!);
    if (filter(m[1]!) && !order.includes(rel) && existsSync(path.join(root, rel))) order.push(rel);
  }
  return order;
}

export const REAL_DOCUMENTS: RealDocument[] = [
  {
    id: 'debian-edu-bookworm-manual',
    package: 'debian-edu-doc-ja',
    pdf: 'usr/share/doc/debian-edu-doc-ja/debian-edu-bookworm-manual.pdf',
    html: () => ['usr/share/doc/debian-edu-doc-ja/debian-edu-bookworm-manual.html'],
    epub: 'usr/share/doc/debian-edu-doc-ja/debian-edu-bookworm-manual.epub',
    runningHeads: ['Debian Edu / Skolelinux 12 Bookworm マニュアル'],
  },
  {
    id: 'maint-guide-ja',
    package: 'maint-guide-ja',
    pdf: 'usr/share/doc/maint-guide-ja/maint-guide.ja.pdf',
    html: (root) =>
      linkedOrder(root, 'usr/share/doc/maint-guide-ja/html/index.ja.html', (h) => !h.includes('/')),
    runningHeads: ['Debian 新メンテナーガイド'],
  },
  {
    id: 'developers-reference-ja',
    package: 'developers-reference-ja',
    pdf: 'usr/share/developers-reference/ja/developers-reference.pdf',
    html: (root) =>
      linkedOrder(
        root,
        'usr/share/developers-reference/ja/index.html',
        (h) => !/search|genindex/.test(h),
      ),
    epub: 'usr/share/developers-reference/ja/developers-reference.epub',
    runningHeads: ['Debian 開発者リファレンス'],
  },
  {
    id: 'debian-reference-ja',
    package: 'debian-reference-ja',
    pdf: 'usr/share/debian-reference/debian-reference.ja.pdf',
    html: (root) =>
      linkedOrder(root, 'usr/share/debian-reference/index.ja.html', (h) => !h.includes('/')),
    runningHeads: ['Debian リファレンス'],
  },
];

/** Unpacks the packages (apt-get download; dpkg -x) once; returns the tree's root. */
export function ensureRealDocuments(dir: string, log: (s: string) => void): string {
  const root = path.join(dir, 'root');
  const debs = path.join(dir, 'debs');
  mkdirSync(debs, { recursive: true });
  for (const doc of REAL_DOCUMENTS) {
    if (existsSync(path.join(root, doc.pdf))) continue;
    if (!readdirSync(debs).some((f) => f.startsWith(`${doc.package}_`))) {
      log(`bench: apt-get download ${doc.package}`);
      execSync(`apt-get download ${doc.package}`, { cwd: debs, stdio: 'inherit' });
    }
    const deb = readdirSync(debs).find((f) => f.startsWith(`${doc.package}_`));
    if (!deb) throw new Error(`${doc.package}: download failed`);
    execSync(`dpkg -x ${JSON.stringify(path.join(debs, deb))} ${JSON.stringify(root)}`);
  }
  return root;
}
