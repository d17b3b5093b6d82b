import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, normalizeLineEnds } from './decode';
import { repoRoot } from '../paths';

const fixtures = path.join(repoRoot(), 'tests', 'fixtures', 'ingest');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const reference = fs.readFileSync(path.join(fixtures, 'slice-utf8.txt'), 'utf8');

describe('decodeSource (rule 1)', () => {
  it.each([
    ['slice-utf8.txt', 'utf-8'],
    ['slice-utf8-bom.txt', 'utf-8-bom'],
    ['slice-utf16le-bom.txt', 'utf-16le'],
    ['slice-utf16be-bom.txt', 'utf-16be'],
    ['slice-shift-jis.txt', 'shift_jis'],
    ['slice-utf8-crlf.txt', 'utf-8'],
    ['slice-utf8-cr.txt', 'utf-8'],
  ])('decodes %s (%s) to the same text as the seed slice', (file, encoding) => {
    const decoded = decodeSource(read(file), file);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(reference);
    expect(decoded.text.startsWith(' 米国第１節\n\n\u30002 年目')).toBe(true);
    expect(decoded.text).toContain('ン強靱化へ重点を置く政策を展開した。'); // 靱 survives Shift_JIS
    expect(decoded.text).not.toContain('\r');
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff); // the BOM is not text
  });

  it('decodes CP932-only characters (①②③④) from a Shift_JIS file', () => {
    const decoded = decodeSource(read('slice-cp932.txt'), 'slice-cp932.txt');
    expect(decoded.encoding).toBe('shift_jis');
    expect(decoded.text).toContain('JETRO を通じて、①「ロードショウ」');
    expect(decoded.text).toContain('②州知事等への個別アプローチ、③対米投');
    expect(decoded.text).toContain('④両国企業の現地での');
  });

  it.each([
    ['empty.txt', 'empty.txt: empty file'],
    ['blank.txt', 'blank.txt: empty file (no text, only blank lines)'],
    ['binary.png', 'binary.png: binary file (contains NUL bytes)'],
    ['slice-utf16le-nobom.txt', 'slice-utf16le-nobom.txt: binary file (contains NUL bytes)'],
    ['undecodable.txt', 'undecodable.txt: undecodable bytes (neither UTF-8 nor Shift_JIS/CP932)'],
  ])('refuses %s with one line naming the file', (file, message) => {
    expect(() => decodeSource(read(file), file)).toThrowError(message);
  });

  it('refuses control characters and broken UTF-16', () => {
    expect(() => decodeSource(new TextEncoder().encode('米国\u0007'), 'bell.txt')).toThrowError(
      'bell.txt: binary file (control character U+0007 at character 2)',
    );
    expect(() => decodeSource(new Uint8Array([0xff, 0xfe, 0x41]), 'odd.txt')).toThrowError(
      'odd.txt: undecodable bytes (invalid utf-16le after its byte-order mark)',
    );
    expect(() => decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0xff]), 'bad.txt')).toThrowError(
      /bad\.txt: undecodable bytes \(invalid utf-8/,
    );
  });

  it('turns CRLF and CR into LF', () => {
    expect(normalizeLineEnds('a\r\nb\rc\n\fd')).toBe('a\nb\nc\n\nd');
  });
});
