// Line numbers printed beside code listings (DocBook/dblatex numbers every line of a
// program listing): a column of bare integers counting up by one, row after row, at
// the same left edge. Like page numbers they are typesetting, not text — the HTML
// edition of the same document has none — so they leave the text, and the import's
// warnings say how many did.
import type { FlowLine } from './headings';

const BARE_INTEGER = /^[0-9]{1,4}$/;

/** Indexes of flow lines that are listing line numbers (runs of three or more). */
export function listingLineNumbers(flow: readonly FlowLine[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  let lastValue = -1;
  let lastX = 0;
  let lastPage = 0;
  const close = () => {
    if (run.length >= 3) for (const i of run) out.add(i);
    run = [];
  };
  flow.forEach((f, i) => {
    const text = f.line.text.trim();
    if (!BARE_INTEGER.test(text) || f.role !== 'body') return;
    const value = Number(text);
    const continues =
      run.length > 0 &&
      value === lastValue + 1 &&
      Math.abs(f.line.x0 - lastX) < 3 * f.line.size &&
      f.line.page - lastPage <= 1;
    if (!continues) close();
    run.push(i);
    lastValue = value;
    lastX = f.line.x0;
    lastPage = f.line.page;
  });
  close();
  return out;
}
