// Which entry of a long list is the current one, as one flag per entry. The outline of
// the synthetic 100× document has 1,200 entries: each comparing its id with one shared
// current id re-ran all 1,200 on every move (~5 ms of each jump, and of each section
// boundary crossed while scrolling); with a flag each, a move updates the two it concerns.
import { SvelteMap } from 'svelte/reactivity';
import { untrack } from 'svelte';

/** What an entry asks: is it the current one? */
export interface CurrentEntry {
  is(id: string): boolean;
}

/** No entry is current (an outline of another document than the one read). */
export const NO_CURRENT: CurrentEntry = { is: () => false };

export class CurrentFlags implements CurrentEntry {
  readonly #flags: SvelteMap<string, boolean>;
  #current: string | null = null;

  constructor(ids: Iterable<string>) {
    this.#flags = new SvelteMap([...ids].map((id) => [id, false] as const));
  }

  /** Whether `id` is the current one (what reads it updates when its flag alone changes). */
  is(id: string): boolean {
    return this.#flags.get(id) === true;
  }

  /** Makes `id` the current one; an id not in the list (or null) leaves none current. */
  set(id: string | null): void {
    untrack(() => {
      if (id === this.#current) return;
      if (this.#current !== null) this.#flags.set(this.#current, false);
      this.#current = id !== null && this.#flags.has(id) ? id : null;
      if (this.#current !== null) this.#flags.set(this.#current, true);
    });
  }
}
