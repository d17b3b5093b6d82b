// Carrying out a jump (a section, a hit, a note, a bookmark, a definition) in either
// reading view, the part they share once the section is drawn: the box the jump's
// placement asks for (lib/reading/placement.ts), and the notice when a note's passage is
// no longer in the text (then the section's top is shown). Each view brings the box in
// its own way: the continuous view scrolls to it, the paged view shows the page holding it.
import type { Jump } from '../state/reader.svelte';
import type { Annotation, SectionView } from '../../../../electron/common/api/types';
import { passageMissing, placementTarget, prefersReducedMotion } from './placement';
import type { PlacementTarget } from './placement';
import { ui } from '../state/ui.svelte';
import { t } from '../state/i18n.svelte';

/** What a landing reads: the sections fetched and the reader's notes. */
export interface LandingContext {
  views: ReadonlyMap<string, SectionView>;
  annotation(id: string): Annotation | undefined;
  /** Tells the reader that the note's passage is not in the text any more. */
  passageNotFound(): void;
}

/** The box `jump` asks for in the text drawn under `root`. */
export function landJump(
  root: ParentNode,
  jump: Pick<Jump, 'sectionId' | 'placement'>,
  ctx: LandingContext,
  reducedMotion: boolean = prefersReducedMotion(),
): PlacementTarget {
  const { sectionId, placement } = jump;
  const target = placementTarget(
    root,
    sectionId,
    placement,
    ctx.views.get(sectionId),
    reducedMotion,
  );
  if (
    target.missing &&
    placement.kind === 'annotation' &&
    passageMissing(ctx.annotation(placement.id), sectionId)
  )
    ctx.passageNotFound();
  return target;
}

/** The context of the app's reader and notes, telling the reader through a notice. */
export function landingContext(
  reader: { views: ReadonlyMap<string, SectionView> },
  annotations: { find(id: string): Annotation | undefined },
): LandingContext {
  return {
    views: reader.views,
    annotation: (id) => annotations.find(id),
    passageNotFound: () => ui.notify(t('routeAnnotationNotFound')),
  };
}
