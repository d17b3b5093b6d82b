// Builds the Svelte reader into renderer/dist. `base: './'` keeps every asset URL
// relative, so the same build works under Electron's app:// protocol and under the
// browser edition's http://127.0.0.1 host. No inline scripts or styles are emitted,
// so the strict CSP in index.html holds.
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

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

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [woff2Only(), svelte()],
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
