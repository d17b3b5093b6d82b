export {};
import fs from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../electron/core/import/import';
import { openContentStore } from '../../electron/core/content/store';
import { REAL_DOCUMENTS } from '../bench/library-docs';
const root = '/work/wt/import15/test-results/bench-library/docs/root';
const doc = REAL_DOCUMENTS.find((d) => d.id === process.argv[2])!;
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
async function texts(file: string) {
  const t = `/tmp/exp/d-${path.basename(file)}.sqlite`;
  const r = await importDocument({
    bytes: new Uint8Array(fs.readFileSync(file)),
    name: file,
    target: t,
  });
  const s = openContentStore(t);
  const out = s.searchDocs().flatMap((d) => [d.title, ...d.paragraphs.map((p) => p.text)]);
  s.close();
  return { out, warnings: r.warnings };
}
const pdf = await texts(path.join(root, doc.pdf));
console.log(pdf.warnings);
let html: string[] = [];
for (const f of doc.html(root)) html = html.concat((await texts(path.join(root, f))).out);
const H = norm(html.join(''));
const P = norm(pdf.out.join(''));
let extra = 0;
for (const p of pdf.out)
  if (!H.includes(norm(p))) {
    extra += norm(p).length;
    if (process.argv[3]) console.log('PDF+', p.slice(0, 150));
  }
let missing = 0;
for (const p of html)
  if (!P.includes(norm(p))) {
    missing += norm(p).length;
    if (process.argv[4]) console.log('HTML+', p.slice(0, 150));
  }
console.log('extra chars', extra, 'missing chars', missing, 'of', P.length, H.length);
const bg = (s: string) => {
  const m = new Map<string, number>();
  const c = Array.from(s);
  for (let i = 0; i + 1 < c.length; i++) {
    const g = c[i]! + c[i + 1]!;
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
};
const bp = bg(P),
  bh = bg(H);
const over: [string, number][] = [];
for (const [g, n] of bp) {
  const d = n - (bh.get(g) ?? 0);
  if (d > 0) over.push([g, d]);
}
over.sort((a, b) => b[1] - a[1]);
console.log(
  'PDF surplus',
  over
    .slice(0, 40)
    .map(([g, n]) => `${g}:${n}`)
    .join(' '),
);
const under: [string, number][] = [];
for (const [g, n] of bh) {
  const d = n - (bp.get(g) ?? 0);
  if (d > 0) under.push([g, d]);
}
under.sort((a, b) => b[1] - a[1]);
console.log(
  'HTML surplus',
  under
    .slice(0, 40)
    .map(([g, n]) => `${g}:${n}`)
    .join(' '),
);
