// The stored shape of bookmarks and annotations, validated the same way whether
// they come from the reading pane, the CLI or an imported file. Strict objects:
// unknown keys (including "__proto__" and "constructor") are refused. Built at first
// use (../once.ts): a run that stores and imports nothing never builds them.
// The namespace import lets bundlers keep only the parts of zod in use.
import * as z from 'zod';
import { ApiError, idSchema, offsetSchema } from '../api/contract';
import { once } from '../once';
import { MAX_PASSAGE_PARAGRAPHS, MAX_QUOTE_CONTEXT, MAX_QUOTE_LENGTH } from '../rules/passages';
import { colorSchema, labelSchema, noteSchema, tagsSchema, textProblem } from './fields';

export { idSchema } from '../api/contract';

const contentText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value.replace(/\n/g, ' '));
      if (problem) ctx.addIssue({ code: 'custom', message: `the quoted text ${problem}` });
    });

const offset = offsetSchema;
export const isoTimeSchema = once(() => z.iso.datetime({ offset: true }));

export const annotationTargetSchema = once(() =>
  z
    .strictObject({
      paragraphIds: z.array(idSchema).min(1).max(MAX_PASSAGE_PARAGRAPHS),
      quote: z.strictObject({
        exact: contentText(MAX_QUOTE_LENGTH).min(1),
        prefix: contentText(MAX_QUOTE_CONTEXT),
        suffix: contentText(MAX_QUOTE_CONTEXT),
      }),
      position: z.strictObject({ start: offset, end: offset }),
      startParagraphId: idSchema,
      startOffset: offset,
      endParagraphId: idSchema,
      endOffset: offset,
    })
    .refine((t) => t.position.start < t.position.end, 'the target range is empty or reversed'),
);

export const annotationRecordSchema = once(() =>
  z
    .strictObject({
      id: idSchema,
      kind: z.enum(['highlight', 'section-note']),
      sectionId: idSchema,
      /** Members of one passage across sections share it (null: on its own). */
      groupId: idSchema.nullable(),
      color: colorSchema,
      note: noteSchema,
      tags: tagsSchema,
      target: annotationTargetSchema().nullable(),
      anchor: z.enum(['anchored', 'orphan']),
      createdAt: isoTimeSchema(),
      updatedAt: isoTimeSchema(),
      /** Set on an imported copy kept beside a stored note with the same id and other content. */
      conflictOf: idSchema.optional(),
    })
    .refine(
      (a) => (a.kind === 'highlight') === (a.target !== null),
      'a highlight has a target and a section note has none',
    )
    .refine(
      (a) => a.groupId === null || a.kind === 'highlight',
      'only highlights are linked in groups',
    ),
);

export type AnnotationRecord = z.output<ReturnType<typeof annotationRecordSchema>>;

export const bookmarkRecordSchema = once(() =>
  z
    .strictObject({
      id: idSchema,
      sectionId: idSchema,
      /** Null: a bookmark of the whole section. */
      paragraphId: idSchema.nullable(),
      /** UTF-16 offset into the paragraph's display text (null with paragraphId). */
      offset: offset.nullable(),
      label: labelSchema,
      createdAt: isoTimeSchema(),
      updatedAt: isoTimeSchema(),
    })
    .refine(
      (b) => (b.paragraphId === null) === (b.offset === null),
      'a position bookmark has a paragraph and an offset, a section bookmark neither',
    ),
);

export type BookmarkRecord = z.output<ReturnType<typeof bookmarkRecordSchema>>;

/**
 * `value` parsed by `schema`; otherwise ApiError('invalid_input') naming `what`
 * and the first problem. The one way the library checks what it stores.
 */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('invalid_input', describeIssue(parsed.error, what));
  return parsed.data;
}

/** First problem of a failed parse as one line. */
export function describeIssue(error: z.ZodError, what: string): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `${what}: ${first?.message ?? 'invalid'}${where}`;
}
