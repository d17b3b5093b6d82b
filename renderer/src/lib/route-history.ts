// The reader's place in the window's history: every section the reader opens is a
// history entry whose URL hash is its route (`#/section/<id>[?annotation=<id>]`, written
// by electron/common/deep-link.ts), so the browser's and the menu's Back/Forward (and
// `history.back()`) walk through what was read, and a URL names a passage. The entry's
// state keeps the scroll fraction, so going back returns to where one was, not to the top.
//
// pushState for a new section; replaceState for the first page load, for scrolling, and
// when the section opened is the one already shown (no duplicate entries).
import { hashForRoute, routeFromHash, type Route } from '../../../electron/common/deep-link';
import { inCurrentDocument } from './library/current-document';

export type HistoryMode = 'push' | 'replace' | 'none';

/** What an entry remembers besides its URL. */
export interface EntryState {
  hakushoScroll?: number;
}

const SCROLL_SAVE_MS = 250;

/** The hash of a route, or null for an id no route can carry (an imported `..`). */
function routeHash(route: Route): string | null {
  try {
    return hashForRoute(route);
  } catch {
    return null;
  }
}

export class RouteHistory {
  /** The hash the reader shows (written or followed last): popstate/hashchange for it is not news. */
  private shown: string | null = null;
  private pendingScroll: { sectionId: string; fraction: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The route in the address bar now, if it is one. */
  current(): Route | null {
    return routeFromHash(location.hash);
  }

  /** The scroll fraction remembered by the current entry, if any. */
  currentScroll(): number | null {
    const scroll = (history.state as EntryState | null)?.hakushoScroll;
    return typeof scroll === 'number' && scroll >= 0 && scroll <= 1 ? scroll : null;
  }

  /** Records that the reader opened `route`. */
  record(given: Route, mode: HistoryMode): void {
    // The route names the document being read (none: the bundled chapter).
    const route = inCurrentDocument(given);
    const hash = routeHash(route) ?? routeHash({ sectionId: route.sectionId });
    if (hash === null) return;
    if (mode === 'none') {
      this.shown = location.hash;
      return;
    }
    this.flushScroll();
    const shown = this.current();
    const sameSection =
      shown?.sectionId === route.sectionId &&
      (shown.documentId ?? null) === (route.documentId ?? null);
    if (mode === 'push' && !sameSection) history.pushState({} satisfies EntryState, '', hash);
    else if (location.hash !== hash) history.replaceState({} satisfies EntryState, '', hash);
    this.shown = hash;
  }

  /** The hash changed under the reader (Back/Forward, a link, the address bar): is it news? */
  takeChange(): boolean {
    if (location.hash === this.shown) return false;
    this.shown = location.hash;
    return true;
  }

  /**
   * Remembers the scroll fraction of `sectionId` in the current entry (coalesced:
   * scrolling is frequent; dropped if the entry has meanwhile become another section's).
   */
  saveScroll(sectionId: string, fraction: number): void {
    this.pendingScroll = { sectionId, fraction };
    if (this.timer === undefined) this.timer = setTimeout(() => this.flushScroll(), SCROLL_SAVE_MS);
  }

  private flushScroll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pendingScroll;
    this.pendingScroll = null;
    if (pending === null || this.current()?.sectionId !== pending.sectionId) return;
    const state: EntryState = {
      ...(history.state as EntryState | null),
      hakushoScroll: pending.fraction,
    };
    history.replaceState(state, '');
  }
}

export const routeHistory = new RouteHistory();
