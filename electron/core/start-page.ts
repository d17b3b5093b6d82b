// The renderer's index.html as both hosts serve it: its <html> element carries the
// reader's theme and interface language. The page's first paint comes before the app's
// script has run (about half a second on a slow machine), and without these it was
// the light paper whatever the reader chose: a sepia or dark reader saw a white flash
// at every start. 'system' stays as it is: the stylesheet follows the OS's scheme for
// it until the app resolves it (the host cannot know the OS's choice).
import { LANGUAGES, THEMES, type Prefs } from '../common/rules/prefs';

const HTML_TAG = /<html\b[^>]*>/i;
const OWN_ATTRIBUTES = /\s(?:lang|data-theme)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/gi;

/** `html` with its <html> tag saying the reader's theme and language (unchanged if it has none). */
export function startPage(html: string, look: Pick<Prefs, 'theme' | 'language'>): string {
  const tag = HTML_TAG.exec(html);
  // Only values of the rules are written: nothing a stored value holds reaches the page.
  if (!tag || !THEMES.includes(look.theme) || !LANGUAGES.includes(look.language)) return html;
  const others = tag[0].slice('<html'.length, -1).replace(OWN_ATTRIBUTES, '');
  const own = `<html${others} lang="${look.language}" data-theme="${look.theme}">`;
  return html.slice(0, tag.index) + own + html.slice(tag.index + tag[0].length);
}
