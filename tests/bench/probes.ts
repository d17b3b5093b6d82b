// In-page probes shared by the UI benchmark and its profiler, installed before any page
// script (`context.addInitScript`). They time inside the page with performance.now(), so
// no round trip to the driving process is counted. "Painted" is the first animation frame
// after the DOM change plus a task: the usual stand-in for the frame being on screen.

/** What counts as the text: a paragraph of the body (not a heading, not the outline). */
export const TEXT_SELECTOR = 'main p[data-paragraph-id]';

/** The console message that reports the text painted: `${TEXT_PAINTED_MESSAGE} <ms>`. */
export const TEXT_PAINTED_MESSAGE = '__hakusho_text_painted';

/**
 * Resolves `window.__textPainted` with the time the first element matching `selector`
 * was painted, counted from navigation start, and reports it on the console too: a cold
 * start is read from that message, as asking the page (page.evaluate) while it starts
 * makes Playwright inject its script into it then, ~10 ms of the page's main thread.
 */
export const textProbe = (selector = TEXT_SELECTOR): string => `
  window.__textPainted = new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    const seen = () => document.querySelector(${JSON.stringify(selector)});
    const mo = new MutationObserver(() => { if (seen()) { mo.disconnect(); done(); } });
    mo.observe(document, { childList: true, subtree: true });
  });
  window.__textPainted.then((t) => console.debug(${JSON.stringify(TEXT_PAINTED_MESSAGE)} + ' ' + t));
`;

/** `window.__waitPainted(test)`: resolves when `test()` holds after a DOM change, then after paint. */
export const WAIT_PAINTED = `
  window.__waitPainted = (test) => new Promise((resolve) => {
    const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
    if (test()) return finish();
    const mo = new MutationObserver(() => { if (test()) { mo.disconnect(); finish(); } });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  });
`;
