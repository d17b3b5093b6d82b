// The product version for hosts running from a checkout (the browser edition,
// the CLI): package.json's "version". Electron uses app.getVersion().
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export function checkoutVersion(root: string = repoRoot()): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
