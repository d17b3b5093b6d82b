import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../../electron/common/api/types';
import type * as Placement from './placement';

// The DOM lookups stubbed: a note's passage is "drawn" when its id is in `drawn`.
const drawn = new Set<string>();
vi.mock('./placement', async (original) => ({
  ...(await original<typeof Placement>()),
  placementTarget: (_root: unknown, _id: string, placement: { kind: string; id?: string }) => ({
    rect: null,
    how: 'start',
    missing: placement.kind === 'annotation' && !drawn.has(placement.id ?? ''),
  }),
}));

const { landJump } = await import('./landing');

function context(notes: Annotation[]) {
  const passageNotFound = vi.fn();
  return {
    ctx: {
      views: new Map(),
      annotation: (id: string) => notes.find((n) => n.id === id),
      passageNotFound,
    },
    passageNotFound,
  };
}

const note = (over: Partial<Annotation>): Annotation =>
  ({ id: 'n1', sectionId: 'us-1', kind: 'highlight', ...over }) as Annotation;

describe('landJump', () => {
  it('says so when a highlight’s passage is not drawn, or the note is gone', () => {
    const { ctx, passageNotFound } = context([note({})]);
    landJump(
      {} as ParentNode,
      { sectionId: 'us-1', placement: { kind: 'annotation', id: 'n1' } },
      ctx,
      true,
    );
    expect(passageNotFound).toHaveBeenCalledTimes(1);
    landJump(
      {} as ParentNode,
      { sectionId: 'us-1', placement: { kind: 'annotation', id: 'gone' } },
      ctx,
      true,
    );
    expect(passageNotFound).toHaveBeenCalledTimes(2);
  });

  it('is silent for a drawn passage, a note on the whole section and other placements', () => {
    drawn.add('n1');
    const { ctx, passageNotFound } = context([note({}), note({ id: 'n2', kind: 'section-note' })]);
    landJump(
      {} as ParentNode,
      { sectionId: 'us-1', placement: { kind: 'annotation', id: 'n1' } },
      ctx,
      true,
    );
    landJump(
      {} as ParentNode,
      { sectionId: 'us-1', placement: { kind: 'annotation', id: 'n2' } },
      ctx,
      true,
    );
    landJump({} as ParentNode, { sectionId: 'us-1', placement: { kind: 'top' } }, ctx, true);
    expect(passageNotFound).not.toHaveBeenCalled();
  });
});
