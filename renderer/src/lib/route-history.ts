// The reader's place in the window's history: every section the reader opens is a
// history entry whose URL hash is its route (`#/section/<id>[?annotation=<id>]`, written
// by electron/common/deep-link.ts), so the browser's and the menu's Back/Forward (and
// `history.back()`) walk through what was read, and a URL names a passage. The entry's
// state keeps the scroll fraction, so going back returns to where one was, not to the top.
//
// pushState for a new section; replaceState for the first page load, for scrolling, and
// when the section opened is the one already shown (no duplicate entries). The entry is
// written after the frame that shows the section has been painted (pushState costs a few
// milliseconds the reader would otherwise wait for); anything that reads the history
// first writes what is waiting, so it always sees every entry in order.
import { hashForRoute, routeFromHash, type Route } from '../../../electron/common/deep-link';
import { inCurrentDocument } from './library/current-document';
import { afterPaint } from './after-paint';

export type HistoryMode = 'push' | 'replace' | 'none';

/** What an entry remembers besides its URL. */
export interface EntryState {
  hakushoScroll?: number;
}

const SCROLL_SAVE_MS = 250;

interface PendingScroll {
  sectionId: string;
  fraction: number;
}

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
  private pendingScroll: PendingScroll | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** An entry to write once the frame is painted (one at most: the next record writes it). */
  private waiting: {
    hash: string;
    mode: 'push' | 'replace';
    leaving: PendingScroll | null;
  } | null = null;

  /** The route in the address bar now, if it is one. */
  current(): Route | null {
    this.write();
    return routeFromHash(location.hash);
  }

  /** The scroll fraction remembered by the current entry, if any. */
  currentScroll(): number | null {
    this.write();
    const scroll = (history.state as EntryState | null)?.hakushoScroll;
    return typeof scroll === 'number' && scroll >= 0 && scroll <= 1 ? scroll : null;
  }

  /** Records that the reader opened `route`. */
  record(given: Route, mode: HistoryMode): void {
    // The route names the document being read (none: the bundled chapter).
    const route = inCurrentDocument(given);
    const hash = routeHash(route) ?? routeHash({ sectionId: route.sectionId });
    if (hash === null) return;
    this.write();
    if (mode === 'none') {
      this.shown = location.hash;
      return;
    }
    // The scroll still to be saved belongs to the entry being left: it goes with this one.
    this.waiting = { hash, mode, leaving: this.takeScroll() };
    afterPaint(() => this.write());
  }

  /** Writes the entry waiting for the frame, if any (the scroll of the one left first). */
  private write(): void {
    const next = this.waiting;
    if (next === null) return;
    this.waiting = null;
    this.applyScroll(next.leaving);
    const shown = routeFromHash(location.hash);
    const route = routeFromHash(next.hash);
    const sameSection =
      shown?.sectionId === route?.sectionId &&
      (shown?.documentId ?? null) === (route?.documentId ?? null);
    if (next.mode === 'push' && !sameSection)
      history.pushState({} satisfies EntryState, '', next.hash);
    else if (location.hash !== next.hash)
      history.replaceState({} satisfies EntryState, '', next.hash);
    this.shown = next.hash;
  }

  /** The hash changed under the reader (Back/Forward, a link, the address bar): is it news? */
  takeChange(): boolean {
    // The history moved before the entry waiting for the frame was written (Back within a
    // frame of a jump): writing it now would push it over where the reader went.
    this.waiting = null;
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
    this.write();
    this.applyScroll(this.takeScroll());
  }

  private takeScroll(): PendingScroll | null {
    clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pendingScroll;
    this.pendingScroll = null;
    return pending;
  }

  /** Puts `pending` into the current entry, if that entry is still its section's. */
  private applyScroll(pending: PendingScroll | null): void {
    if (pending === null || routeFromHash(location.hash)?.sectionId !== pending.sectionId) return;
    const state: EntryState = {
      ...(history.state as EntryState | null),
      hakushoScroll: pending.fraction,
    };
    history.replaceState(state, '');
  }
}

export const routeHistory = new RouteHistory();
