// Corpus (b) of the search benchmark: Debian's manpages-ja as sections (one per
// page, titled by its NAME line) and paragraphs (roff paragraph macros and blank
// lines), with roff markup stripped. Installed with apt when missing.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { SearchIndexDocument } from '../../electron/core/search/index';

export const MAN_ROOT = '/usr/share/man/ja';

export function ensureManpagesJa(log: (s: string) => void): void {
  // A page the package ships: other packages put a few Japanese pages there too.
  if (existsSync(path.join(MAN_ROOT, 'man1', 'ls.1.gz'))) return;
  log('manpages-ja is missing: apt-get install -y manpages-ja');
  execSync('apt-get update && apt-get install -y manpages-ja', { stdio: 'inherit' });
}

const PARAGRAPH_MACROS = new Set([
  'PP',
  'P',
  'LP',
  'TP',
  'IP',
  'HP',
  'SH',
  'SS',
  'TH',
  'sp',
  'br',
  'nf',
  'fi',
  'RS',
  'RE',
  'EX',
  'EE',
  'Sh',
  'Pp',
  'It',
  'Bl',
  'El',
  'Ss',
]);
const TEXT_MACROS = new Set([
  'B',
  'I',
  'BR',
  'BI',
  'IB',
  'IR',
  'RB',
  'RI',
  'SM',
  'SB',
  'SH',
  'SS',
  'IP',
  'Nm',
  'Ar',
  'Fl',
  'Op',
  'Xr',
  'Pa',
  'Dq',
  'Sq',
  'Ql',
  'Em',
  'Va',
  'Ev',
  'Cm',
  'Ic',
  'Nd',
  'Fn',
  'Ft',
  'It',
  'Sh',
  'Ss',
]);
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/** Inline roff escapes removed or replaced by their text. */
export function stripInline(s: string): string {
  return s
    .replace(/\\f(\(..|\[[^\]]*\]|.)/g, '')
    .replace(/\\s[+-]?\d+/g, '')
    .replace(/\\\*(\(..|\[[^\]]*\]|.)/g, '')
    .replace(/\\\((em|en|hy)/g, '-')
    .replace(/\\\(bu/g, '・')
    .replace(/\\\((lq|rq|oq|cq)/g, '"')
    .replace(/\\\(../g, '')
    .replace(/\\[,/&|^%:]/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\e/g, '\\')
    .replace(/\\ /g, ' ')
    .replace(/\\"/g, '')
    .replace(/\\(.)/g, '$1');
}

function joinLines(a: string, b: string): string {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return CJK.test(a.at(-1) as string) || CJK.test(b[0] as string) ? a + b : `${a} ${b}`;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-jp').decode(bytes);
  }
}

export function parseManPage(id: string, roff: string): SearchIndexDocument | null {
  if (/^\.so\s/m.test(roff) && roff.split('\n').filter((l) => l.trim()).length <= 3) return null;
  const paragraphs: string[] = [];
  let current = '';
  let inName = false;
  let name = '';
  const flush = () => {
    const text = current.trim();
    if (text.length > 0) {
      if (inName && name === '') name = text;
      paragraphs.push(text);
    }
    current = '';
  };
  for (const raw of roff.split('\n')) {
    if (raw.startsWith('.\\"') || raw.startsWith('\'\\"') || raw.startsWith('\\"')) continue;
    if (raw.startsWith('.') || raw.startsWith("'")) {
      const m = /^[.'](\S+)\s*(.*)$/.exec(raw);
      if (!m) continue;
      const [, macro = '', args = ''] = m;
      if (PARAGRAPH_MACROS.has(macro)) flush();
      if (macro === 'SH' || macro === 'Sh') inName = /^"?(名前|NAME|名称)/.test(args);
      else if (macro === 'TH' || macro === 'Dt') continue;
      if (TEXT_MACROS.has(macro) && args.length > 0) {
        const text = stripInline(args.replace(/"/g, ''));
        if (macro === 'SH' || macro === 'SS' || macro === 'Sh' || macro === 'Ss') {
          paragraphs.push(text.trim());
        } else current = joinLines(current, text.trim());
      }
      continue;
    }
    if (raw.trim().length === 0) {
      flush();
      continue;
    }
    current = joinLines(current, stripInline(raw).trim());
  }
  flush();
  const filtered = paragraphs.filter((p) => p.length > 0);
  if (filtered.length === 0) return null;
  return {
    id,
    title: name || id,
    paragraphs: filtered.map((text, k) => ({ id: `${id}#${k + 1}`, text })),
  };
}

export function manpageSections(root = MAN_ROOT): SearchIndexDocument[] {
  const docs: SearchIndexDocument[] = [];
  for (const dir of readdirSync(root).sort()) {
    const full = path.join(root, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const file of readdirSync(full).sort()) {
      const p = path.join(full, file);
      if (!statSync(p).isFile()) continue;
      const bytes = readFileSync(p);
      const roff = decode(file.endsWith('.gz') ? gunzipSync(bytes) : bytes);
      const doc = parseManPage(`${dir}/${file.replace(/\.gz$/, '')}`, roff);
      if (doc) docs.push(doc);
    }
  }
  return docs;
}
