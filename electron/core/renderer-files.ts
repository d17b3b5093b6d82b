// The built renderer (renderer/dist) as a closed set of files, shared by both
// hosts that serve it: the Electron app:// protocol and the browser edition's
// HTTP host. A request path is never joined onto the file system: it is
// checked for traversal tricks and then looked up in the list of regular files
// found under the root when it was scanned (symbolic links are not followed).
// A path that is not in that list — `../`, `%2e%2e`, encoded slashes, NUL,
// backslashes, anything else — simply does not exist.
import fs from 'node:fs';
import path from 'node:path';

export interface RendererFile {
  /** Absolute path on disk (inside the root). */
  file: string;
  /** Content-Type to send. */
  mime: string;
  size: number;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Turns the path part of a request URL into a clean `/a/b.js` key, or null
 * when it is malformed or tries to leave the root. Rejected: anything not
 * starting with `/`, backslashes, NUL (raw or `%00`), encoded `/` or `\`
 * (`%2f`, `%5c`), malformed escapes, and `.`/`..` segments in any spelling.
 */
export function normalizeRequestPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  if (/[\\\0]/.test(rawPath)) return null;
  if (/%(?:00|2f|5c)/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // A second round of decoding must not reveal anything either (double encoding).
  if (/[\\\0%]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return null;
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) return null;
    }
  }
  if (decoded.includes('//')) return null;
  if (decoded === '/' || decoded.endsWith('/')) return `${decoded}index.html`;
  return decoded;
}

function scan(root: string): Map<string, RendererFile> {
  const files = new Map<string, RendererFile>();
  const walk = (dir: string, prefix: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const key = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(abs, key);
      else if (entry.isFile()) {
        files.set(key, { file: abs, mime: mimeTypeOf(entry.name), size: fs.statSync(abs).size });
      }
      // Symbolic links, sockets and devices are never served.
    }
  };
  walk(root, '');
  return files;
}

export interface RendererFiles {
  readonly root: string;
  /** Whether the root holds a built renderer (index.html). */
  ready(): boolean;
  /** The file for a request path, or null (404). */
  resolve(rawPath: string): RendererFile | null;
}

/**
 * Opens the renderer build at `root`. The list is rescanned (at most every
 * `rescanMs`) when a path is missing, so a rebuild while a host runs is picked
 * up; the rescan still only ever lists files under the root.
 */
export function openRendererFiles(root: string, rescanMs = 1000): RendererFiles {
  const absRoot = path.resolve(root);
  let files = scan(absRoot);
  let scannedAt = Date.now();
  return {
    root: absRoot,
    ready: () => files.has('/index.html') || fs.existsSync(path.join(absRoot, 'index.html')),
    resolve(rawPath) {
      const key = normalizeRequestPath(rawPath);
      if (key === null) return null;
      let hit = files.get(key);
      if (!hit && Date.now() - scannedAt >= rescanMs) {
        files = scan(absRoot);
        scannedAt = Date.now();
        hit = files.get(key);
      }
      return hit ?? null;
    },
  };
}
