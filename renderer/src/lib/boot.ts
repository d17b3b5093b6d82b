// The first requests of a start (document, outline, saved position, preferences, and the
// text the reader opens at), issued by the entry point before the app is mounted. They
// depend on nothing the app computes, and mounting the whole frame takes tens of
// milliseconds on a slow machine: issuing them first lets the host answer while the
// frame is built. The text goes out as soon as its section is known — at once for a
// route in the address bar, else when the saved position arrives — in parallel with the
// outline, not after it: the section opened first, alone (nothing else delays its answer),
// then the few after it that fill the first screen, together in one call, once the
// outline says which they are. The reader state takes those requests over (`section`),
// so no section is asked for twice. The reader's notes and the glossary go out too: they
// mark the text, and drawn without them it would be drawn again (and move, in vertical
// writing) when they arrive.
//
// The entry point mounts the app once these have been answered (`bootAnswered`, bounded):
// the frame and the first text are then laid out and painted once, together. Mounting the
// empty frame first cost a layout and a paint of it, and another layout (forced by the
// view measuring itself) when the text came — about a fifth of a cold start.
import type { Annotation, GlossaryEntry, SectionView } from '../../../electron/common/api/types';
import { api } from './api';
import { requestSections } from './section-requests';
import { startWindow } from './start-window';
import { routeFromHash } from '../../../electron/common/deep-link';

export { START_WINDOW, startWindow } from './start-window';

function request() {
  const toc = api.getToc({});
  const position = api.getPosition({});
  const sections = new Map<string, Promise<SectionView>>();
  /** Sections the reader has taken over (asked for itself when not requested here yet). */
  const taken = new Set<string>();
  /** Asks for the sections not asked for yet, in as few calls as the contract allows. */
  const fetch = (...ids: string[]) => {
    const fresh = ids.filter((id) => !sections.has(id) && !taken.has(id));
    for (const [id, view] of requestSections(api, fresh)) {
      void view.catch(() => undefined); // reported when the reader awaits it
      sections.set(id, view);
    }
  };
  // A route is known now; a saved position when it arrives.
  const routed = routeFromHash(location.hash)?.sectionId ?? null;
  if (routed) fetch(routed);
  const opening = routed
    ? Promise.resolve(routed)
    : position.then((p) => p?.sectionId ?? null).catch(() => null);
  void opening.then((id) => id && fetch(id));
  // The rest of the first screen, once the outline is known too: the section opened
  // alone first when it was not known before (no saved position), then the others.
  const firstScreen = Promise.all([toc, opening]).then(([list, id]) => {
    const ids = startWindow(list, id);
    const [first, ...rest] = ids;
    if (first) fetch(first);
    fetch(...rest);
    return Promise.allSettled(ids.map((i) => sections.get(i)));
  });
  const doc = api.getDocument({});
  const prefs = api.getPrefs({});
  const annotations: Promise<Annotation[]> = api.listAnnotations({});
  const glossary: Promise<GlossaryEntry[]> = api.getGlossary({});
  const answered = Promise.allSettled([doc, toc, position, prefs, annotations, glossary])
    .then(() => firstScreen)
    .then(
      () => undefined,
      () => undefined,
    );
  return {
    document: doc,
    toc,
    position,
    prefs,
    annotations,
    glossary,
    /** Settles once all of the above and the first screen's sections have been answered. */
    answered,
    /** The early request for section `id`, once (the reader's own requests follow). */
    section(id: string): Promise<SectionView> | null {
      taken.add(id);
      const view = sections.get(id) ?? null;
      sections.delete(id);
      return view;
    },
  };
}

export type BootRequests = ReturnType<typeof request>;

let early: BootRequests | null = null;

/** Issues the start's requests now (once); their answers wait for `takeBootRequests`. */
export function startBootRequests(): void {
  if (early) return;
  early = request();
  // Answered or failed before the app asks: the app reports failures when it awaits them.
  for (const p of [
    early.document,
    early.toc,
    early.position,
    early.prefs,
    early.annotations,
    early.glossary,
  ])
    void p.catch(() => undefined);
}

/**
 * Resolves once the start's early requests have been answered (or failed), or after
 * `limitMs` (a slow host: the frame is shown, the text follows); at once when none were
 * issued.
 */
export function bootAnswered(limitMs: number): Promise<void> {
  if (!early) return Promise.resolve();
  return Promise.race([
    early.answered,
    new Promise<void>((resolve) => setTimeout(resolve, limitMs)),
  ]);
}

/** The requests issued early, once; fresh ones after that (or when none were issued). */
export function takeBootRequests(): BootRequests {
  const r = early ?? request();
  early = null;
  return r;
}
