// A popup (a menu, a settings panel) closes when the reader presses anywhere outside it
// and the button that opened it. Listened for in the capture phase, so a press that a
// component below stops from bubbling still closes it.

/**
 * Calls `onOutside` on a press outside every node `inside()` returns (read at each
 * press: the popup may be drawn after this starts); returns the function that stops it.
 */
export function onPressOutside(
  inside: () => readonly (Node | null | undefined)[],
  onOutside: () => void,
): () => void {
  const onDown = (e: PointerEvent) => {
    const target = e.target as Node | null;
    if (target && !inside().some((node) => node?.contains(target))) onOutside();
  };
  const options = { capture: true };
  window.addEventListener('pointerdown', onDown, options);
  return () => window.removeEventListener('pointerdown', onDown, options);
}
