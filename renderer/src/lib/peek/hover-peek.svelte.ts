// What the reading pane's pop-ups (a note beside its passage, an abbreviation's long
// form) share, so that they behave alike and as WCAG 1.4.13 asks: shown on hover after
// a short pause (reading with the pointer resting on the text does not flash pop-ups)
// and at once on keyboard focus; hoverable (it stays while the pointer moves onto it);
// dismissible (Esc hides it, and the same thing does not show it again until the
// pointer leaves it); persistent (one opened by focus stays until focus leaves, whatever
// the pointer does). While shown it is the description (aria-describedby) of the element
// that opened it, and it stands beside what it is about without covering it. Each
// pop-up says what a pointer or focus target shows and whether there is anything to
// show; what focus does is its own (they differ on an Esc-dismissed target).
import { placeBeside, type Rect } from '../reading/selection-anchor';

export interface PeekSubject {
  /** Two subjects with the same key are the same pop-up (the pointer resting on it). */
  readonly key: unknown;
  /** The element the pop-up describes while shown (aria-describedby), if any. */
  readonly describes: HTMLElement | null;
}

export type ShownPeek<T extends PeekSubject> = T & {
  /** Opened by keyboard focus: stays until focus leaves, whatever the pointer does. */
  readonly byFocus: boolean;
};

export interface HoverPeekOptions<T extends PeekSubject> {
  /** The pop-up element's id (the describedby target). */
  id: string;
  showDelayMs: number;
  hideDelayMs: number;
  /** What the pointer or focus on `target` would show, if anything. */
  find(target: EventTarget | null): T | null;
  /**
   * What is shown of `subject` at the moment it would be shown (it may add what the
   * pop-up reads, such as the glossary entry), or null with nothing to show.
   */
  resolve(subject: T): T | null;
  /** The boxes the pop-up must not cover, in viewport coordinates. */
  rects(subject: T, box: HTMLElement): Rect[];
  /** Which side of the text it prefers (see placeBeside). */
  prefer?: 'before' | 'after';
}

/** Listeners a pop-up adds on the text beside the pointer's (focus, keys). */
export interface PeekListeners {
  focusin?: (e: FocusEvent) => void;
  focusout?: (e: FocusEvent) => void;
  keydown?: (e: KeyboardEvent) => void;
}

export class HoverPeek<T extends PeekSubject> {
  shown = $state.raw<ShownPeek<T> | null>(null);
  /** Where it stands (viewport); null until placed, when it is drawn hidden to be measured. */
  position = $state.raw<{ left: number; top: number } | null>(null);
  /** The key Esc dismissed: not shown again until the pointer (or the pop-up's focus rule) lets go. */
  dismissed: unknown = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: HoverPeekOptions<T>) {}

  show(subject: T, byFocus: boolean): void {
    clearTimeout(this.#timer);
    const current = this.shown;
    if (current && current.key === subject.key && current.describes === subject.describes) {
      if (byFocus && !current.byFocus) this.shown = { ...current, byFocus };
      return;
    }
    this.hide();
    const resolved = this.options.resolve(subject);
    if (!resolved) return;
    this.position = null;
    this.shown = { ...resolved, byFocus };
    resolved.describes?.setAttribute('aria-describedby', this.options.id);
  }

  hide(): void {
    clearTimeout(this.#timer);
    this.shown?.describes?.removeAttribute('aria-describedby');
    this.shown = null;
    this.position = null;
  }

  /** Keeps what is shown (the pointer came onto the pop-up). */
  keep(): void {
    clearTimeout(this.#timer);
  }

  /** The pointer left the pop-up: hidden after the pause, unless focus opened it. */
  leftPeek(): void {
    if (!this.shown?.byFocus) this.#later(() => this.hide(), this.options.hideDelayMs);
  }

  /** Esc: hides what is shown and remembers it as dismissed; false with nothing shown. */
  dismiss(): boolean {
    if (!this.shown) return false;
    this.dismissed = this.shown.key;
    this.hide();
    return true;
  }

  /** Places the pop-up `el` beside its subject, inside `box`. */
  place(box: HTMLElement, el: HTMLElement, vertical: boolean): void {
    const current = this.shown;
    if (!current) return;
    const { width, height } = el.getBoundingClientRect();
    const placed = placeBeside(
      this.options.rects(current, box),
      box.getBoundingClientRect(),
      { width, height },
      vertical,
      this.options.prefer ? { prefer: this.options.prefer } : {},
    );
    this.position = { left: Math.round(placed.left), top: Math.round(placed.top) };
  }

  /** The pointer moved onto `target` in the text. */
  pointerOver(target: EventTarget | null): void {
    const at = this.options.find(target);
    if (at && at.key === this.dismissed) return;
    this.dismissed = null;
    if (at) {
      if (this.shown?.key === at.key) clearTimeout(this.#timer);
      else this.#later(() => this.show(at, false), this.options.showDelayMs);
    } else if (this.shown && !this.shown.byFocus)
      this.#later(() => this.hide(), this.options.hideDelayMs);
    else clearTimeout(this.#timer);
  }

  /** The pointer left the text. */
  pointerLeave(): void {
    this.dismissed = null;
    if (this.shown && !this.shown.byFocus) this.#later(() => this.hide(), this.options.hideDelayMs);
    else if (!this.shown) clearTimeout(this.#timer);
  }

  /**
   * Listens on the text `box` for the pointer, for scrolling (calls `replace` while
   * shown) and for `also`; returns what removes them all and hides the pop-up.
   */
  listen(box: HTMLElement, replace: () => void, also: PeekListeners = {}): () => void {
    const over = (e: PointerEvent) => this.pointerOver(e.target);
    const leave = () => this.pointerLeave();
    const scrolled = () => {
      if (this.shown) replace();
    };
    box.addEventListener('pointerover', over);
    box.addEventListener('pointerleave', leave);
    if (also.focusin) box.addEventListener('focusin', also.focusin);
    if (also.focusout) box.addEventListener('focusout', also.focusout);
    if (also.keydown) box.addEventListener('keydown', also.keydown);
    box.addEventListener('scroll', scrolled, { passive: true });
    return () => {
      box.removeEventListener('pointerover', over);
      box.removeEventListener('pointerleave', leave);
      if (also.focusin) box.removeEventListener('focusin', also.focusin);
      if (also.focusout) box.removeEventListener('focusout', also.focusout);
      if (also.keydown) box.removeEventListener('keydown', also.keydown);
      box.removeEventListener('scroll', scrolled);
      this.hide();
    };
  }

  #later(run: () => void, ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(run, ms);
  }
}
