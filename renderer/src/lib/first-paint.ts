// The reader's paper at the first paint of a reload. Both hosts write the theme and language
// into the page they serve at a start (electron/core/start-page.ts), but the browser edition
// does so only for the URL it printed, the one with the token: the app then takes the token
// out of the address bar, so a reload got the page as it is for any loopback client, and a
// sepia or dark reader saw a light flash before the app's script had run.
//
// So the app keeps the reader's look in the tab's sessionStorage (`rememberLook`), and a
// small classic script in the page's <head> — it runs before the first paint, as the app's
// module scripts do not — puts it on <html> when the host has not. The script's text is
// made here, from the rules' lists, and written into the build (renderer/vite.config.ts): a
// hashed file under assets/, so it comes from the browser's cache after the first start.
// The build loads this file in Node: it uses no DOM and imports types only.
import type { Prefs } from '../../../electron/common/rules/prefs';

/** Where the tab keeps the reader's look (this origin and this tab only, as the token). */
export const LOOK_STORAGE_KEY = 'hakusho.look';

export type Look = Pick<Prefs, 'theme' | 'language'>;

/**
 * Keeps the reader's look for the next load of this tab. A storage that refuses (reading
 * `sessionStorage` itself throws where the page may not use it) is left be: the reload then
 * paints the default paper, as before.
 */
export function rememberLook(
  look: Look,
  storage: () => Pick<Storage, 'setItem'> = () => sessionStorage,
): void {
  try {
    storage().setItem(
      LOOK_STORAGE_KEY,
      JSON.stringify({ theme: look.theme, language: look.language }),
    );
  } catch {
    // Quota, or a storage this page may not use.
  }
}

/**
 * The first-paint script's text (an ES5 function, run as a classic script): writes the kept
 * look on <html> unless the host has already written one. Only values of the rules (`THEMES`
 * and `LANGUAGES` of electron/common/rules/prefs.ts, passed in) are ever written, whatever
 * the storage holds; anything unreadable leaves the page as served.
 */
export function firstPaintScript(rules: {
  themes: readonly string[];
  languages: readonly string[];
}): string {
  return `(function () {
  var root = document.documentElement;
  if (root.hasAttribute('data-theme')) return;
  var themes = ${JSON.stringify(rules.themes)};
  var languages = ${JSON.stringify(rules.languages)};
  try {
    var look = JSON.parse(sessionStorage.getItem(${JSON.stringify(LOOK_STORAGE_KEY)}) || 'null');
    if (!look || typeof look !== 'object') return;
    if (themes.indexOf(look.theme) >= 0) root.setAttribute('data-theme', look.theme);
    if (languages.indexOf(look.language) >= 0) root.setAttribute('lang', look.language);
  } catch (e) {
    // Storage unavailable or not ours: the page stays as served.
  }
})();
`;
}
