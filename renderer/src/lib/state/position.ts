// Saves the reading position (section + scroll fraction in the reading direction)
// through the API as the reader moves: on a section change as soon as the frame showing
// it has been painted (at once in a hidden page, which paints none), at most every half
// second while scrolling, and at once on leaving the page — a request the transport lets
// outlive the page (keepalive in the browser edition). Only user.sqlite keeps it.
import { api } from '../api';
import { afterPaint } from '../after-paint';
import type { ReadingPosition } from '../../../../electron/common/api/types';

const SCROLL_SAVE_MS = 500;

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

class PositionSaver {
  private last: ReadingPosition | null = null;
  private pending: ReadingPosition | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A write is waiting for the next frame to be painted. */
  private afterFrame = false;

  /** Records a position; `immediate` writes it once the frame is painted (a section change). */
  record(position: ReadingPosition, immediate = false): void {
    const rounded = {
      sectionId: position.sectionId,
      scroll: Math.round(position.scroll * 1e4) / 1e4,
    };
    this.pending = rounded;
    if (immediate) {
      clearTimeout(this.timer);
      this.timer = undefined;
      // A hidden page paints no frame (a tab in the background): waiting for one would
      // leave the position unsaved until the page is shown again or left.
      if (pageHidden()) {
        this.flush();
        return;
      }
      if (!this.afterFrame) {
        this.afterFrame = true;
        afterPaint(() => this.flush());
      }
      return;
    }
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), SCROLL_SAVE_MS);
  }

  /** Leaving the document: what is pending is saved for it, and nothing is assumed saved for the next. */
  leave(): void {
    this.flush();
    this.last = null;
  }

  flush(): void {
    this.afterFrame = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    if (this.last && this.last.sectionId === p.sectionId && this.last.scroll === p.scroll) return;
    this.last = p;
    void api.setPosition(p).catch(() => {
      // Forget what we thought was saved so the next record tries again.
      this.last = null;
    });
  }
}

export const positionSaver = new PositionSaver();
