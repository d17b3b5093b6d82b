// `npm run test:security` (part of `npm test`): runs @doyensec/electronegativity
// over the Electron sources and the renderer's HTML, reads its CSV report (the
// tool exits 0 even with HIGH findings) and fails on any finding that is not in
// the reviewed allow-list (build/electronegativity-allowlist.json), where every
// entry says why it is acceptable. Allow-list entries that match nothing fail
// too, so the list cannot silently outlive the code it excuses.
//
// The CSP is sent as a response header by both hosts (app:// protocol handler,
// HTTP host), which the tool cannot see; so that its CSP evaluator still
// judges the real policy, the staged input includes one HTML file carrying
// CONTENT_SECURITY_POLICY as a meta tag.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/common/csp';
import { isMainModule } from '../electron/core/main-module';
import { repoRoot } from '../electron/core/paths';

const root = repoRoot();
export const ALLOWLIST_FILE = path.join(root, 'build', 'electronegativity-allowlist.json');

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
  /** The report line as written, for matching and messages. */
  raw: string;
}

export interface AllowEntry {
  check: string;
  file: string;
  /** Text that must appear in the finding's report line (e.g. the flagged call). */
  contains?: string;
  reason: string;
}

/** RFC 4180 CSV (quoted fields, "" escapes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function parseReport(csv: string): Finding[] {
  const rows = parseCsv(csv);
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || header[0] !== 'issue' || !header.includes('filename')) {
    throw new Error('electronegativity report: unexpected CSV header');
  }
  const col = (name: string) => header.indexOf(name);
  return rows.map((r) => {
    const get = (name: string) => (r[col(name)] ?? '').trim();
    return {
      check: get('issue'),
      severity: get('severity'),
      confidence: get('confidence'),
      file: get('filename'),
      location: get('location'),
      sample: get('sample'),
      description: get('description'),
      raw: r.join(','),
    };
  });
}

export function parseAllowlist(json: unknown): AllowEntry[] {
  if (!Array.isArray(json)) throw new Error('allow-list: expected an array of entries');
  return json.map((entry, i) => {
    const e = entry as Partial<AllowEntry>;
    if (typeof e.check !== 'string' || typeof e.file !== 'string') {
      throw new Error(`allow-list entry ${i}: "check" and "file" are required`);
    }
    if (typeof e.reason !== 'string' || e.reason.trim().length < 20) {
      throw new Error(`allow-list entry ${i} (${e.check}): give a reason (at least a sentence)`);
    }
    if (e.contains !== undefined && typeof e.contains !== 'string') {
      throw new Error(`allow-list entry ${i}: "contains" must be a string`);
    }
    return {
      check: e.check,
      file: e.file,
      reason: e.reason,
      ...(e.contains !== undefined ? { contains: e.contains } : {}),
    };
  });
}

function matches(entry: AllowEntry, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.contains === undefined || finding.raw.includes(entry.contains))
  );
}

/**
 * Sorts findings into allowed and unreviewed. An entry is stale when its file
 * was scanned and it matched nothing; entries for files not present in this
 * run (the renderer build before `npm run build:renderer`) are left alone.
 */
export function review(
  findings: Finding[],
  allowlist: AllowEntry[],
  scannedFiles?: readonly string[],
): { unreviewed: Finding[]; allowed: Finding[]; stale: AllowEntry[] } {
  const unreviewed = findings.filter((f) => !allowlist.some((e) => matches(e, f)));
  const allowed = findings.filter((f) => allowlist.some((e) => matches(e, f)));
  const scanned = scannedFiles ? new Set(scannedFiles) : null;
  const stale = allowlist.filter(
    (e) => (scanned === null || scanned.has(e.file)) && !findings.some((f) => matches(e, f)),
  );
  return { unreviewed, allowed, stale };
}

/** Copies what is scanned into a temp folder: shell sources (no tests) and renderer HTML. */
export function stageInput(dir: string): string[] {
  const staged: string[] = [];
  const copy = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    staged.push(path.relative(dir, to));
  };
  const walk = (abs: string, rel: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const a = path.join(abs, entry.name);
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'node_modules') walk(a, r);
      } else if (/\.(ts|js|html)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        copy(a, path.join(dir, r));
      }
    }
  };
  walk(path.join(root, 'electron'), 'electron');
  for (const html of ['renderer/index.html', 'renderer/dist/index.html']) {
    if (fs.existsSync(path.join(root, html))) copy(path.join(root, html), path.join(dir, html));
  }
  const csp = path.join(dir, 'csp', 'as-sent.html');
  fs.mkdirSync(path.dirname(csp), { recursive: true });
  fs.writeFileSync(
    csp,
    `<!doctype html>\n<!-- The CSP both hosts send as a header (electron/common/csp.ts). -->\n<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n<title>CSP</title>\n`,
  );
  staged.push('csp/as-sent.html');
  return staged;
}

export function runElectronegativity(inputDir: string, outFile: string): Finding[] {
  const cli = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const electronVersion = (
    JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  // Its report's header and rows are written in call order (see the required file).
  const orderedWrites = pathToFileURL(
    path.join(root, 'build', 'electronegativity-ordered-writes.mjs'),
  ).href;
  execFileSync(
    process.execPath,
    [
      '--import',
      orderedWrites,
      cli,
      '-i',
      inputDir,
      '-o',
      outFile,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: inputDir, timeout: 300_000 },
  );
  if (!fs.existsSync(outFile)) throw new Error('electronegativity wrote no report');
  return parseReport(fs.readFileSync(outFile, 'utf8'));
}

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-eneg-'));
  try {
    const staged = stageInput(dir);
    const report = path.join(os.tmpdir(), `hakusho-eneg-${process.pid}.csv`);
    const findings = runElectronegativity(dir, report);
    const allowlist = parseAllowlist(JSON.parse(fs.readFileSync(ALLOWLIST_FILE, 'utf8')));
    const { unreviewed, allowed, stale } = review(
      findings,
      allowlist,
      staged.map((f) => f.split(path.sep).join('/')),
    );
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(
      `electronegativity: ${staged.length} files scanned, ${findings.length} findings, ${allowed.length} allowed by review, ${unreviewed.length} unreviewed`,
    );
    for (const f of allowed) out(`  allowed  ${f.check} ${f.file}:${f.location}`);
    for (const f of unreviewed) {
      out(
        `  FINDING  ${f.severity} ${f.check} ${f.file}:${f.location} ${f.sample} — ${f.description}`,
      );
    }
    for (const e of stale) out(`  STALE allow-list entry: ${e.check} ${e.file} (matches nothing)`);
    fs.rmSync(report, { force: true });
    return unreviewed.length === 0 && stale.length === 0 ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`test:security: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
