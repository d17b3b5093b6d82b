// Where the open section sits: its path of titles from the top of the outline, each
// linked to the section it names (the breadcrumb), and the same path as the source line
// of a copied passage. Pure, over the outline the core returned.
import type { SectionView, TocEntry } from '../../../../electron/common/api/types';
import { ancestorIds, displayTitle } from '../outline';

export interface Crumb {
  /** The section a step names, when the outline has it. */
  id: string | null;
  title: string;
}

/** The section's titles from the top down (its own title when the store gave no path). */
export function sectionPath(section: SectionView): string[] {
  return section.path.length > 0 ? section.path : [section.title];
}

export function breadcrumb(
  toc: readonly TocEntry[],
  tocById: ReadonlyMap<string, TocEntry>,
  section: SectionView,
): Crumb[] {
  const ids = [...ancestorIds(toc, section.id), section.id];
  const path = sectionPath(section);
  // The path and the ancestor chain describe the same line; align from the end.
  const offset = ids.length - path.length;
  return path.map((title, i) => {
    const id = ids[i + offset] ?? null;
    const entry = id ? tocById.get(id) : undefined;
    return { id, title: displayTitle(title, entry?.editorial ?? false) };
  });
}
