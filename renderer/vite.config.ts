// Builds the Svelte reader into renderer/dist. `base: './'` keeps every asset URL
// relative, so the same build works under Electron's app:// protocol and under the
// browser edition's http://127.0.0.1 host. No inline scripts or styles are emitted,
// so the strict CSP in index.html holds. The build says one line (what it wrote, how
// big, how long) instead of Vite's list of ~500 font files; warnings still show.
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
// With their extensions: Vite may load this file natively, where a path names a file.
import { LANGUAGES, THEMES } from '../electron/common/rules/prefs.ts';
import { firstPaintScript } from './src/lib/first-paint.ts';

/**
 * Fontsource's CSS lists a .woff fallback beside every .woff2 subset. Chromium (and
 * therefore Electron) always takes the woff2, so the fallbacks would only double the
 * size of what ships. Drop them before Vite resolves the URLs.
 */
function woff2Only(): Plugin {
  return {
    name: 'hakusho:woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

/**
 * The first-paint script (src/lib/first-paint.ts) as a hashed file under assets/ (cached by
 * the browser like the rest), loaded by a classic script tag right after the page's CSP:
 * a classic script in <head> runs before the first paint, and this one is a few hundred bytes.
 */
function firstPaint(): Plugin {
  return {
    name: 'hakusho:first-paint',
    apply: 'build',
    buildStart() {
      this.emitFile({
        type: 'asset',
        name: 'first-paint.js',
        source: firstPaintScript({ themes: THEMES, languages: LANGUAGES }),
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const script = Object.values(ctx.bundle ?? {}).find(
          (file) => file.type === 'asset' && file.names.includes('first-paint.js'),
        );
        const csp = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/.exec(html);
        if (!script || !csp) throw new Error('the first-paint script or the CSP is missing');
        const tag = `<script src="./${script.fileName}"></script>`;
        return html.replace(csp[0], `${csp[0]}\n    ${tag}`);
      },
    },
  };
}

/** One line when the build is written: files, size by kind, time. */
function buildSummary(): Plugin {
  let started = 0;
  const utf8 = new TextEncoder();
  return {
    name: 'hakusho:build-summary',
    apply: 'build',
    buildStart() {
      started = performance.now();
    },
    writeBundle(options, bundle) {
      const byKind = new Map<string, number>();
      let bytes = 0;
      for (const file of Object.values(bundle)) {
        const kind = file.fileName.endsWith('.woff2') ? 'fonts' : 'other';
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        bytes += file.type === 'chunk' ? utf8.encode(file.code).length : file.source.length;
      }
      const total = byKind.get('other') ?? 0;
      const fonts = byKind.get('fonts') ?? 0;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const dir = options.dir ?? 'dist';
      const where = dir.startsWith(process.cwd()) ? dir.slice(process.cwd().length + 1) : dir;
      console.log(
        `renderer built: ${where}/ — ${total} files and ${fonts} font subsets, ` +
          `${(bytes / 1024 / 1024).toFixed(1)} MB, in ${seconds} s`,
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [woff2Only(), svelte(), firstPaint(), buildSummary()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    // Never inline assets as data: URLs (the CSP allows 'self' only, and fonts are many).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 600,
    // The plugin-timing report is noise for a build this small (and on a busy machine).
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
