// The continuous view's length of every section along the reading direction: measured
// once the section has been drawn, estimated before (lib/reading/estimate.ts: from its
// text when fetched, else from the measured sections of its kind). A change of the type
// area makes every measure stale: the drawn sections are measured again and the rest
// estimated at the new line length. The view turns the sizes into extents and spacers
// (lib/reading/extents.ts).
import type { SectionKind, SectionView } from '../../../../electron/common/api/types';
import { estimateSize, type TextMetrics } from './estimate';

/** What the estimate needs of an outline entry. */
export interface SizedEntry {
  id: string;
  kind: SectionKind;
  title: string;
}

export class SectionSizes {
  /** Each section's length, in outline order. */
  sizes: number[] = [];
  private measured: boolean[] = [];

  /** A new outline of `count` sections: nothing measured. */
  reset(count: number): void {
    this.sizes = new Array<number>(count).fill(0);
    this.measured = new Array<boolean>(count).fill(false);
  }

  /** The type area changed: every measure is stale. */
  forgetMeasures(): void {
    this.measured = this.measured.map(() => false);
  }

  /** Section `i` measured at `size`; returns how much it grew (0 within half a pixel). */
  record(i: number, size: number): number {
    this.measured[i] = true;
    const old = this.sizes[i] ?? 0;
    if (Math.abs(size - old) < 0.5) return 0;
    this.sizes[i] = size;
    return size - old;
  }

  /** Estimates every section not measured. */
  estimate(
    entries: readonly SizedEntry[],
    views: ReadonlyMap<string, SectionView>,
    m: TextMetrics,
  ): void {
    const kinds = this.measuredByKind(entries);
    this.sizes = entries.map((e, i) => {
      if (this.measured[i]) return this.sizes[i]!;
      const view = views.get(e.id);
      return estimateSize(
        {
          kind: e.kind,
          titleLength: e.title.length,
          paragraphs: view ? view.paragraphs.map((p) => p.text.length) : null,
        },
        m,
        kinds,
      );
    });
  }

  private measuredByKind(
    entries: readonly SizedEntry[],
  ): Map<SectionKind, { total: number; count: number }> {
    const out = new Map<SectionKind, { total: number; count: number }>();
    entries.forEach((e, i) => {
      if (!this.measured[i]) return;
      const s = out.get(e.kind) ?? { total: 0, count: 0 };
      s.total += this.sizes[i]!;
      s.count++;
      out.set(e.kind, s);
    });
    return out;
  }
}
