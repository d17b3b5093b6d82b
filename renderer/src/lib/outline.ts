// The outline as a tree, built once from the flat TOC the core returns (reading
// order, each entry naming its parent). Pure, so it is unit-tested without a DOM.
import type { TocEntry } from '../../../electron/common/api/types';

export interface OutlineNode {
  entry: TocEntry;
  children: OutlineNode[];
}

export function buildOutline(toc: readonly TocEntry[]): OutlineNode[] {
  const nodes = new Map<string, OutlineNode>();
  for (const entry of toc) nodes.set(entry.id, { entry, children: [] });
  const roots: OutlineNode[] = [];
  for (const entry of toc) {
    const node = nodes.get(entry.id)!;
    const parent = entry.parent !== null ? nodes.get(entry.parent) : undefined;
    // An entry whose parent is missing still shows, at the top, rather than vanish.
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids from the root down to (not including) `id`, so the tree can open the way to it. */
export function ancestorIds(toc: readonly TocEntry[], id: string): string[] {
  const byId = new Map(toc.map((e) => [e.id, e]));
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let parent = byId.get(id)?.parent ?? null;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    out.unshift(parent);
    parent = byId.get(parent)?.parent ?? null;
  }
  return out;
}

/** Editorial headings (not in the source) are shown in ［］ whatever the store gave. */
export function displayTitle(title: string, editorial: boolean): string {
  if (!editorial) return title;
  const t = title.trim();
  return t.startsWith('［') && t.endsWith('］') ? t : `［${t}］`;
}

/** Entries of an outline built whole at start; a longer one starts with the parts near. */
export const LONG_OUTLINE = 200;
/** Parts (top-level entries) built at start on each side of the one being read. */
export const NEAR_PARTS = 6;

/**
 * The parts (top-level nodes) of the outline to build now: every part of a short outline,
 * or once the rest may be built (`complete`); else the parts within NEAR_PARTS of the one
 * holding `currentId` (the first parts without one).
 */
export function partsToBuild(
  roots: readonly OutlineNode[],
  toc: readonly TocEntry[],
  currentId: string | null,
  complete: boolean,
): readonly OutlineNode[] {
  if (complete || toc.length <= LONG_OUTLINE) return roots;
  const top = currentId ? (ancestorIds(toc, currentId)[0] ?? currentId) : null;
  const at = Math.max(0, top ? roots.findIndex((n) => n.entry.id === top) : 0);
  return roots.slice(Math.max(0, at - NEAR_PARTS), at + NEAR_PARTS + 1);
}
