// The first requests of a start (document, outline, preferences, and in one call the saved
// position with the text the reader opens at), issued by the entry point before the app
// is mounted. They depend on nothing the app computes, and mounting the whole frame takes
// tens of milliseconds on a slow machine: issuing them first lets the host answer while
// the frame is built. The text comes with the position (getStart: the host knows where
// the reader was), so the first screen waits for one answer, not for the position and
// then for its sections; a route in the address bar names the section to open. The
// reader state takes those sections over (`section`), so none is asked for twice. The
// reader's notes and the glossary go out too: they mark the text, and drawn without them
// it would be drawn again (and move, in vertical writing) when they arrive.
//
// The entry point mounts the app once these have been answered (`bootAnswered`, bounded):
// the frame and the first text are then laid out and painted once, together. Mounting the
// empty frame first cost a layout and a paint of it, and another layout (forced by the
// view measuring itself) when the text came — about a fifth of a cold start.
import type { Annotation, GlossaryEntry, SectionView } from '../../../electron/common/api/types';
import { api } from './api';
import { routeFromHash } from '../../../electron/common/deep-link';

export { START_WINDOW, startWindow } from './start-window';

function request() {
  const toc = api.getToc({});
  // A route is known now: its section is opened when the document has it.
  const routed = routeFromHash(location.hash)?.sectionId;
  const start = api.getStart(routed ? { sectionId: routed } : {});
  const position = start.then((s) => s.position);
  /** The start's sections, until the reader takes each over. */
  const sections = new Map<string, SectionView>();
  /** Sections the reader has taken over (asked for itself when not answered here yet). */
  const taken = new Set<string>();
  const firstScreen = start.then(
    (s) => {
      for (const view of s.sections) if (!taken.has(view.id)) sections.set(view.id, view);
    },
    () => undefined, // reported when the reader awaits the position
  );
  const doc = api.getDocument({});
  const prefs = api.getPrefs({});
  const annotations: Promise<Annotation[]> = api.listAnnotations({});
  const glossary: Promise<GlossaryEntry[]> = api.getGlossary({});
  const answered = Promise.allSettled([doc, toc, start, prefs, annotations, glossary])
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
    /** Settles once all of the above, the first screen's sections with them, have been answered. */
    answered,
    /** The start's text of section `id`, once (the reader's own requests follow). */
    section(id: string): Promise<SectionView> | null {
      taken.add(id);
      const view = sections.get(id);
      sections.delete(id);
      return view ? Promise.resolve(view) : null;
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
