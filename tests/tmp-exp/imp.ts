export {};
import fs from 'node:fs';
import { importDocument } from '../../electron/core/import/import';
import { openContentStore } from '../../electron/core/content/store';
import { openDatabase } from '../../electron/core/sqlite';
const [file, out, mode] = process.argv.slice(2);
const t0 = performance.now();
const r = await importDocument({
  bytes: new Uint8Array(fs.readFileSync(file!)),
  name: file!,
  target: out!,
});
console.log(
  'ms',
  Math.round(performance.now() - t0),
  JSON.stringify({ ...r, warnings: r.warnings.slice(0, 3) }),
);
const store = openContentStore(out!);
const db = openDatabase(out!, { readonly: true });
const roles = new Map(
  (
    db.prepare('SELECT paragraph_id, role FROM paragraph_roles').all() as {
      paragraph_id: string;
      role: string;
    }[]
  ).map((r) => [r.paragraph_id, r.role]),
);
const marks = db.prepare('SELECT * FROM page_markers WHERE paragraph_id = ?');
for (const s of store.toc()) {
  console.log(`${'  '.repeat(s.level - 1)}# ${s.title}  [${s.id}]`);
  if (mode === 'toc') continue;
  for (const p of store.section(s.id).paragraphs) {
    const m = (marks.all(p.id) as { offset: number; label: string }[])
      .map((x) => `${x.offset}:p${x.label}`)
      .join(',');
    console.log(
      `${'  '.repeat(s.level)}${roles.get(p.id) ? `(${roles.get(p.id)}) ` : ''}${p.text.slice(0, mode === 'full' ? 10000 : 90)}  {${m}}`,
    );
  }
}
