// The closed file list both hosts serve the renderer from: request paths are
// normalised strictly, and no spelling of a path reaches a file outside the
// root (property test over a traversal-heavy alphabet).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, normalizeRequestPath, openRendererFiles } from './renderer-files';

let dir: string;
let root: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hakusho-files-'));
  root = path.join(dir, 'dist');
  fs.mkdirSync(path.join(root, 'assets', 'fonts'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'index');
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'js');
  fs.writeFileSync(path.join(root, 'assets', 'fonts', 'noto.woff2'), 'font');
  fs.writeFileSync(path.join(dir, 'secret'), 'secret');
  fs.symlinkSync(path.join(dir, 'secret'), path.join(root, 'assets', 'link'));
  fs.symlinkSync(dir, path.join(root, 'up'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('normalizeRequestPath', () => {
  it('keeps clean paths and maps folders to index.html', () => {
    expect(normalizeRequestPath('/')).toBe('/index.html');
    expect(normalizeRequestPath('/assets/a.js')).toBe('/assets/a.js');
    expect(normalizeRequestPath('/assets/%E3%83%95.js')).toBe('/assets/フ.js');
  });

  it.each([
    '',
    'assets/a.js',
    '/../secret',
    '/assets/../index.html',
    '/%2e%2e/secret',
    '/.%2E/secret',
    '/assets%2fa.js',
    '/assets%5ca.js',
    '/a\\b',
    '/index.html%00',
    '/index.html\u0000',
    '/%252e%252e/secret',
    '/%E3%83',
    '//etc/passwd',
    '/assets/./a.js',
    '/a%0ab',
  ])('refuses %j', (raw) => {
    expect(normalizeRequestPath(raw)).toBeNull();
  });
});

describe('openRendererFiles', () => {
  it('serves the files of the build with their types', () => {
    const files = openRendererFiles(root);
    expect(files.ready()).toBe(true);
    expect(files.resolve('/')?.file).toBe(path.join(root, 'index.html'));
    expect(files.resolve('/assets/fonts/noto.woff2')?.mime).toBe('font/woff2');
    expect(mimeTypeOf('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('x.exe')).toBe('application/octet-stream');
  });

  it('never follows symbolic links, to files or folders', () => {
    const files = openRendererFiles(root);
    expect(files.resolve('/assets/link')).toBeNull();
    expect(files.resolve('/up/secret')).toBeNull();
  });

  it('picks up a rebuilt renderer, still only inside the root', () => {
    const files = openRendererFiles(root, 0);
    expect(files.resolve('/assets/new.js')).toBeNull();
    fs.writeFileSync(path.join(root, 'assets', 'new.js'), 'new');
    expect(files.resolve('/assets/new.js')?.file).toBe(path.join(root, 'assets', 'new.js'));
  });

  it('reports a missing build', () => {
    expect(openRendererFiles(path.join(dir, 'none')).ready()).toBe(false);
  });

  const piece = fc.constantFrom(
    '/',
    '.',
    '..',
    '%2e',
    '%2E',
    '%2f',
    '%5c',
    '%25',
    '%00',
    '\\',
    'assets',
    'index.html',
    'secret',
    'up',
    'link',
    'a.js',
    'dist',
    '%',
    '2e',
    '0',
    '\u0000',
    '?',
    '#',
  );
  test.prop([fc.array(piece, { maxLength: 12 })])(
    'no request path resolves outside the root',
    (pieces) => {
      const files = openRendererFiles(root, 1e9);
      const hit = files.resolve(`/${pieces.join('')}`);
      if (hit) {
        expect(hit.file.startsWith(root + path.sep)).toBe(true);
        expect(fs.lstatSync(hit.file).isFile()).toBe(true);
        expect(fs.readFileSync(hit.file, 'utf8')).not.toBe('secret');
      }
    },
  );
});
