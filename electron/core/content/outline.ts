// The outline of the read-only content, computed once: which sections exist, their
// reading order and their title paths. The contract's handlers, the library
// (bookmark and note views, document order) and the search results all ask the
// same questions of the outline; this is the one place that answers them.
import type { TocEntry } from '../../common/api/types';

export class Outline {
  private readonly order = new Map<string, number>();
  private readonly entries = new Map<string, TocEntry>();
  private readonly paths = new Map<string, string[]>();

  constructor(readonly toc: readonly TocEntry[]) {
    toc.forEach((entry, i) => {
      this.order.set(entry.id, i);
      this.entries.set(entry.id, entry);
    });
  }

  has(sectionId: string): boolean {
    return this.entries.has(sectionId);
  }

  entry(sectionId: string): TocEntry | undefined {
    return this.entries.get(sectionId);
  }

  /** Position in reading order; sections not in this edition sort last. */
  rank(sectionId: string): number {
    return this.order.get(sectionId) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Titles from the top of the outline down to the section (empty when it does not exist). */
  path(sectionId: string): string[] {
    const cached = this.paths.get(sectionId);
    if (cached) return [...cached];
    const titles: string[] = [];
    const seen = new Set<string>();
    // A cycle would be a broken database: stop at the first repeat.
    for (let entry = this.entries.get(sectionId); entry && !seen.has(entry.id);) {
      seen.add(entry.id);
      titles.unshift(entry.title);
      entry = entry.parent ? this.entries.get(entry.parent) : undefined;
    }
    this.paths.set(sectionId, titles);
    return [...titles];
  }
}
