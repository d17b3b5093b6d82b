// When either reading view lays its text out again: after a change of the type area (text
// size, typeface, writing direction, 和欧間スペース; lib/reading/type-area.ts) once the
// view is placed, and when its box changes size (lib/reading/box-size.ts). Called while
// the view's component is set up: the effects live as long as the component.
import { untrack } from 'svelte';
import { TypeAreaWatch, typeAreaKey, type TypeAreaSettings } from './type-area';
import { watchBoxSize } from './box-size';

export interface RelayoutTriggers {
  settings: TypeAreaSettings;
  /** The box whose size shapes the text. */
  box: () => HTMLElement | null;
  /** The view has been placed (before that, nothing is laid out again). */
  ready: () => boolean;
  /** The type area changed. */
  onTypeArea: () => void;
  /** The box was sized first (`first`) or resized. */
  onResize: (first: boolean) => void;
}

export function relayoutOn(t: RelayoutTriggers): void {
  const watch = new TypeAreaWatch();
  $effect.pre(() => {
    const key = typeAreaKey(t.settings);
    untrack(() => {
      if (watch.changed(key) && t.ready()) t.onTypeArea();
    });
  });
  $effect(() => {
    const box = t.box();
    if (box) return watchBoxSize(box, (first) => t.onResize(first));
  });
}
