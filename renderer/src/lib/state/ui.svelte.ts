// Layout state that is not a preference: which regions are open, the help dialog,
// whether the window is narrow (then the outline and the side panel are overlays).
export type PanelTab = 'results' | 'bookmarks' | 'notes' | 'glossary';

/** A button offered with a message (e.g. undo a deletion). */
export interface ToastAction {
  label: string;
  run: () => void;
}

export const NARROW_QUERY = '(max-width: 899px)';
export const OUTLINE_MIN = 180;
export const OUTLINE_MAX = 480;

export class UiState {
  narrow = $state(false);
  /** Outline shown on wide windows (default) — remembered separately for narrow ones. */
  outlineWide = $state(true);
  outlineNarrow = $state(false);
  outlineWidth = $state(260);
  panelOpen = $state(false);
  panelTab = $state<PanelTab>('results');
  helpOpen = $state(false);
  /** A short message announced politely (copy done, save failed …), maybe with an action. */
  toast = $state<string | null>(null);
  toastAction = $state.raw<ToastAction | null>(null);
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  outlineOpen = $derived(this.narrow ? this.outlineNarrow : this.outlineWide);

  setOutline(open: boolean): void {
    if (this.narrow) this.outlineNarrow = open;
    else this.outlineWide = open;
  }

  toggleOutline(): void {
    this.setOutline(!this.outlineOpen);
  }

  openPanel(tab: PanelTab): void {
    this.panelTab = tab;
    this.panelOpen = true;
    if (this.narrow) this.outlineNarrow = false;
  }

  resizeOutline(width: number): void {
    this.outlineWidth = Math.round(Math.min(OUTLINE_MAX, Math.max(OUTLINE_MIN, width)));
  }

  notify(message: string, action: ToastAction | null = null): void {
    this.toast = message;
    this.toastAction = action;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(
      () => {
        this.toast = null;
        this.toastAction = null;
      },
      action ? 8000 : 2500,
    );
  }

  runToastAction(): void {
    const action = this.toastAction;
    this.toast = null;
    this.toastAction = null;
    action?.run();
  }
}

export const ui = new UiState();
