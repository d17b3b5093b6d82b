// The rules are the single source the schemas are built from: each bound the
// contract enforces is the rule's own value, at the edge and one past it, and the
// defaults the renderer paints first are values the contract accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, idSchema, inputSchemas, parseArgs } from '../api/contract';
import { isRouteId } from '../deep-link';
import { HIGHLIGHT_COLORS, DEFAULT_HIGHLIGHT_COLOR } from './colors';
import { isId, MAX_ID_LENGTH } from './ids';
import { MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, MAX_TAGS } from './notes';
import { MAX_OFFSET } from './passages';
import { DEFAULT_PREFS, FONT_SIZE, READING_MODES, stepFontSize } from './prefs';
import { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, SEARCH_ORDERS } from './search';
import { MAX_SECTIONS_PER_CALL } from './sections';

const ok = (method: keyof typeof inputSchemas, args: unknown) =>
  inputSchemas[method].safeParse(args).success;

describe('rules and the contract agree', () => {
  it('the default preferences are valid preferences', () => {
    expect(inputSchemas.setPrefs.parse({ ...DEFAULT_PREFS })).toEqual(DEFAULT_PREFS);
    expect(HIGHLIGHT_COLORS).toContain(DEFAULT_HIGHLIGHT_COLOR);
  });

  it('font size: the bounds are accepted, one past them refused', () => {
    expect(ok('setPrefs', { fontSize: FONT_SIZE.min })).toBe(true);
    expect(ok('setPrefs', { fontSize: FONT_SIZE.max })).toBe(true);
    expect(ok('setPrefs', { fontSize: FONT_SIZE.min - FONT_SIZE.step })).toBe(false);
    expect(ok('setPrefs', { fontSize: FONT_SIZE.max + FONT_SIZE.step })).toBe(false);
  });

  it('font size presets lie within the bounds, ascending, and A−/A+ walk them', () => {
    const presets: readonly number[] = FONT_SIZE.presets;
    expect([...presets].sort((a, b) => a - b)).toEqual(presets);
    for (const size of presets) expect(ok('setPrefs', { fontSize: size })).toBe(true);
    expect(presets).toContain(DEFAULT_PREFS.fontSize);
    expect(stepFontSize(18, 1)).toBe(20);
    expect(stepFontSize(18, -1)).toBe(16);
    // A size between presets (stored by an older build) moves to its neighbours.
    expect(stepFontSize(17, 1)).toBe(18);
    expect(stepFontSize(17, -1)).toBe(16);
    expect(stepFontSize(12, 1)).toBe(14);
    expect(stepFontSize(FONT_SIZE.max, 1)).toBe(FONT_SIZE.max);
    expect(stepFontSize(presets[0]!, -1)).toBe(presets[0]);
    const walked = [presets[0]!];
    while (stepFontSize(walked.at(-1)!, 1) !== walked.at(-1))
      walked.push(stepFontSize(walked.at(-1)!, 1));
    expect(walked).toEqual(presets);
  });

  it('reading-flow preferences: the listed values accepted, anything else refused', () => {
    for (const mode of READING_MODES) expect(ok('setPrefs', { readingMode: mode })).toBe(true);
    for (const order of SEARCH_ORDERS) expect(ok('setPrefs', { searchOrder: order })).toBe(true);
    expect(ok('setPrefs', { autospace: false })).toBe(true);
    expect(ok('setPrefs', { readingMode: 'book' })).toBe(false);
    expect(ok('setPrefs', { searchOrder: 'date' })).toBe(false);
    expect(ok('setPrefs', { autospace: 'yes' })).toBe(false);
    expect(DEFAULT_PREFS).toMatchObject({
      readingMode: 'scroll',
      autospace: true,
      searchOrder: 'relevance',
    });
  });

  it('search: an order is one of the two, and notes search takes none', () => {
    expect(ok('search', { query: 'x', order: 'document' })).toBe(true);
    expect(ok('search', { query: 'x', order: 'relevance', limit: 5 })).toBe(true);
    expect(ok('search', { query: 'x', order: 'date' })).toBe(false);
    expect(ok('search', { query: 'x', order: null })).toBe(false);
    expect(ok('searchNotes', { query: 'x', order: 'document' })).toBe(false);
    expect(ok('listMarkedSections', {})).toBe(true);
    expect(ok('listMarkedSections', { sectionId: 's' })).toBe(false);
    expect(ok('listAnnotations', { groupId: 'grp-1' })).toBe(true);
    expect(ok('listAnnotations', { groupId: 'a b' })).toBe(false);
  });

  it('getSections: from one id to the bound, distinct, each by the id rule', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `s-${i}`);
    expect(ok('getSections', { ids: ids(1) })).toBe(true);
    expect(ok('getSections', { ids: ids(MAX_SECTIONS_PER_CALL), documentId: 'doc-1' })).toBe(true);
    const refusal = (args: unknown) => {
      try {
        parseArgs('getSections', args);
      } catch (err) {
        return err instanceof ApiError ? `${err.code}: ${err.message}` : String(err);
      }
      return 'accepted';
    };
    expect(refusal({ ids: ids(MAX_SECTIONS_PER_CALL + 1) })).toBe(
      `invalid_input: getSections: at most ${MAX_SECTIONS_PER_CALL} section ids per call at ids`,
    );
    expect(refusal({ ids: [] })).toBe('invalid_input: getSections: at least one section id at ids');
    expect(refusal({ ids: ['a', 'b', 'a', 'b'] })).toBe(
      'invalid_input: getSections: section id "a" is asked for twice at ids.2',
    );
    expect(refusal({ ids: ['a', 'no such id'] })).toMatch(
      /^invalid_input: .*ids are .* at ids\.1$/,
    );
    expect(refusal({})).toMatch(/^invalid_input: getSections: .* at ids$/);
    expect(refusal({ ids: 'a' })).toMatch(/^invalid_input: getSections: .* at ids$/);
    expect(refusal({ ids: ['a'], id: 'b' })).toMatch(/^invalid_input: getSections: /);
  });

  it('search: longest query and largest limit accepted, one more refused', () => {
    const q = 'あ'.repeat(MAX_QUERY_LENGTH);
    expect(ok('search', { query: q, limit: MAX_SEARCH_LIMIT })).toBe(true);
    expect(ok('search', { query: `${q}あ` })).toBe(false);
    expect(ok('search', { query: 'x', limit: MAX_SEARCH_LIMIT + 1 })).toBe(false);
    expect(ok('searchNotes', { query: 'x', limit: MAX_SEARCH_LIMIT + 1 })).toBe(false);
  });

  it('notes, labels, tags and offsets at their bounds', () => {
    const passage = { startParagraphId: 'p', endOffset: 1 };
    expect(ok('addAnnotation', { ...passage, startOffset: MAX_OFFSET })).toBe(true);
    expect(ok('addAnnotation', { ...passage, startOffset: MAX_OFFSET + 1 })).toBe(false);
    expect(ok('addSectionNote', { sectionId: 's', note: 'x'.repeat(MAX_NOTE_LENGTH) })).toBe(true);
    expect(ok('addSectionNote', { sectionId: 's', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) })).toBe(
      false,
    );
    expect(ok('renameBookmark', { id: 'b', label: 'x'.repeat(MAX_LABEL_LENGTH + 1) })).toBe(false);
    const tags = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`);
    expect(ok('addSectionNote', { sectionId: 's', note: 'x', tags: tags.slice(1) })).toBe(true);
    expect(ok('addSectionNote', { sectionId: 's', note: 'x', tags })).toBe(false);
  });

  it('one id rule: the schema, isId and deep-link ids accept the same strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: MAX_ID_LENGTH + 2 }),
          fc.stringMatching(/^[A-Za-z0-9._:-]{1,205}$/),
        ),
        (value) => {
          const accepted = idSchema.safeParse(value).success;
          expect(isId(value)).toBe(accepted);
          if (!/^\.+$/.test(value)) expect(isRouteId(value)).toBe(accepted);
        },
      ),
    );
    expect(isId('a'.repeat(MAX_ID_LENGTH))).toBe(true);
    expect(isId('a'.repeat(MAX_ID_LENGTH + 1))).toBe(false);
  });
});
