// The review logic of test:security: the CSV report is parsed faithfully, a
// finding not in the allow-list fails, an entry matching nothing is stale, and
// every entry of the real allow-list gives a reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWLIST_FILE, parseAllowlist, parseCsv, parseReport, review } from './electronegativity';

const report = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","electron/main/window.ts","40:6","preload: options.preloadPath,","Review the use of preload scripts",https://x',
  'NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","FIRM","electron/main/other.ts","3:1","nodeIntegration: ""yes"", x","Disable nodeIntegration",https://y',
  '',
].join('\n');

describe('electronegativity report', () => {
  it('parses quoted CSV fields with commas and escaped quotes', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    const findings = parseReport(report);
    expect(findings).toHaveLength(2);
    expect(findings[1]).toMatchObject({
      check: 'NODE_INTEGRATION_JS_CHECK',
      file: 'electron/main/other.ts',
      sample: 'nodeIntegration: "yes", x',
    });
  });

  it('refuses a report it does not understand', () => {
    expect(() => parseReport('something else\n1,2')).toThrow('unexpected CSV header');
  });

  it('fails unreviewed findings and stale entries', () => {
    const findings = parseReport(report);
    const allow = parseAllowlist([
      {
        check: 'PRELOAD_JS_CHECK',
        file: 'electron/main/window.ts',
        contains: 'preloadPath',
        reason: 'The preload exposes only the contract.',
      },
      {
        check: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'electron/main/window.ts',
        reason: 'Reviewed once, code since removed.',
      },
    ]);
    const result = review(findings, allow);
    expect(result.allowed.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK']);
    expect(result.unreviewed.map((f) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(result.stale.map((e) => e.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    // An entry for a file that was not scanned this run is not stale.
    expect(review(findings, allow, ['electron/main/other.ts']).stale).toEqual([]);
    expect(review(findings, allow, ['electron/main/window.ts']).stale).toHaveLength(1);
    // A `contains` that does not match leaves the finding unreviewed.
    const narrow = parseAllowlist([
      {
        check: 'PRELOAD_JS_CHECK',
        file: 'electron/main/window.ts',
        contains: 'other',
        reason: 'A reason that is long enough.',
      },
    ]);
    expect(review(findings, narrow).unreviewed).toHaveLength(2);
  });

  it('requires a reason for every allow-list entry', () => {
    expect(() => parseAllowlist([{ check: 'X', file: 'y' }])).toThrow('reason');
    expect(() => parseAllowlist([{ check: 'X', file: 'y', reason: 'ok' }])).toThrow('reason');
    expect(() => parseAllowlist({})).toThrow('array');
    const real = parseAllowlist(JSON.parse(fs.readFileSync(ALLOWLIST_FILE, 'utf8')));
    expect(real.length).toBeGreaterThan(0);
  });

  it('has its report written in call order: the header, then the rows (never over them)', () => {
    // What electronegativity does: the header (truncating) and the rows (appending) issued in
    // the same tick, here 40 times; with the required file every report reads header first.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-eneg-order-'));
    try {
      const shim = pathToFileURL(
        path.join(import.meta.dirname, 'electronegativity-ordered-writes.mjs'),
      ).href;
      const script = [
        "const fs = require('node:fs'); const path = require('node:path');",
        'for (let i = 0; i < 40; i += 1) {',
        '  const f = path.join(process.argv[1], `r${i}.csv`);',
        "  fs.writeFile(f, 'issue, severity\\n', (e) => { if (e) throw e; });",
        "  fs.writeFile(f, 'A,1\\nB,2\\n', { flag: 'a' }, (e) => { if (e) throw e; });",
        '}',
      ].join('\n');
      execFileSync(process.execPath, ['--import', shim, '-e', script, dir]);
      for (let i = 0; i < 40; i += 1) {
        expect(fs.readFileSync(path.join(dir, `r${i}.csv`), 'utf8')).toBe(
          'issue, severity\nA,1\nB,2\n',
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
