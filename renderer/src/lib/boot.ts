// The first requests of a start (document, outline, saved position, preferences), issued
// by the entry point before the app is mounted. They depend on nothing the app computes,
// and mounting the whole frame takes tens of milliseconds on a slow machine: issuing them
// first lets the host answer while the frame is built, so the outline paints sooner.
import { api } from './api';

function request() {
  return {
    document: api.getDocument({}),
    toc: api.getToc({}),
    position: api.getPosition({}),
    prefs: api.getPrefs({}),
  };
}

export type BootRequests = ReturnType<typeof request>;

let early: BootRequests | null = null;

/** Issues the start's requests now (once); their answers wait for `takeBootRequests`. */
export function startBootRequests(): void {
  if (early) return;
  early = request();
  // Answered or failed before the app asks: the app reports failures when it awaits them.
  for (const p of Object.values(early)) void p.catch(() => undefined);
}

/** The requests issued early, once; fresh ones after that (or when none were issued). */
export function takeBootRequests(): BootRequests {
  const r = early ?? request();
  early = null;
  return r;
}
