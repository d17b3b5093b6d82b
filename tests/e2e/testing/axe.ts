// axe-core, the standard accessibility engine, run inside the page under test. The app's
// CSP (script-src 'self') rightly refuses an injected <script> (page.addScriptTag), so
// the engine's source is evaluated through the DevTools protocol instead, as Playwright's
// page.evaluate does: that is not page script and is not subject to the page's CSP. Every
// rule runs (none disabled, no element excluded); what counts as a failure is any
// violation of serious or critical impact.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One line per element: its selector and what to fix. */
  nodes: string[];
}

/** Loads axe-core into the page's current document (once per document). */
export async function injectAxe(page: Page): Promise<void> {
  const loaded = await page.evaluate<boolean>('typeof window.axe === "object"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
}

/** Every violation axe finds in the whole document, each with the elements concerned. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate<AxeViolation[]>(`
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + (n.failureSummary ?? '').replace(/\\s+/g, ' ')),
      })),
    )
  `);
}

/** The serious and critical violations, named by rule, view and element (empty: clean). */
export async function seriousViolations(page: Page, view: string): Promise<string[]> {
  const found = await axeViolations(page);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${view}: ${v.id} (${v.impact}) ${n}`));
}
