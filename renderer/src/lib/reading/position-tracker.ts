// Keeps the reading position of the open section as the reader scrolls: in user.sqlite
// (through the position saver, coalesced) and in the window's history entry (so Back
// returns there). A scroll caused by placing the view (a section change, a jump) is
// recorded once, at once, and the scroll events it raises in the next frame are not
// recorded again. The last fraction is kept so a change of layout (writing direction,
// text size, typeface) can put the reader back where they were.
import type { ReadingPosition, SectionView } from '../../../../electron/common/api/types';
import { placeFraction, type TextPlace } from './anchor';

/** The position saver (../state/position.ts): `immediate` writes at once, else coalesced. */
export interface PositionRecorder {
  record(position: ReadingPosition, immediate?: boolean): void;
}

/** The window's history (../route-history.ts): the scroll of the current entry. */
export interface ScrollHistory {
  saveScroll(sectionId: string, fraction: number): void;
}

export class PositionTracker {
  /** The fraction last read along the reading direction. */
  lastFraction = 0;
  private placing = false;
  private readonly saver: PositionRecorder;
  private readonly history: ScrollHistory;
  private readonly nextFrame: (run: () => void) => void;

  constructor(
    saver: PositionRecorder,
    history: ScrollHistory,
    nextFrame: (run: () => void) => void,
  ) {
    this.saver = saver;
    this.history = history;
    this.nextFrame = nextFrame;
  }

  /** The view was placed at `fraction` of `sectionId`: recorded now. */
  placed(sectionId: string, fraction: number): void {
    this.placing = true;
    this.lastFraction = fraction;
    this.saver.record({ sectionId, scroll: fraction }, true);
    this.history.saveScroll(sectionId, fraction);
    this.nextFrame(() => (this.placing = false));
  }

  /** The reader scrolled to `fraction`. */
  scrolled(sectionId: string, fraction: number): void {
    this.lastFraction = fraction;
    if (this.placing) return;
    this.saver.record({ sectionId, scroll: fraction });
    this.history.saveScroll(sectionId, fraction);
  }

  /**
   * A jump to `sectionId` put the reader at `place` (the character at the start of the
   * view, or page): its share of that section is recorded, 0 when the view starts in
   * another section (a page that begins in the section before) or nothing is drawn.
   */
  placedAt(sectionId: string, view: SectionView | undefined, place: TextPlace | null): void {
    const at = place && view && place.sectionId === sectionId ? placeFraction(view, place) : 0;
    this.placed(sectionId, at);
  }

  /** The reader scrolled (or turned a page) to `place`, in the section `view` (when fetched). */
  scrolledTo(view: SectionView | undefined, place: TextPlace): void {
    if (view && view.id === place.sectionId)
      this.scrolled(place.sectionId, placeFraction(view, place));
  }
}
