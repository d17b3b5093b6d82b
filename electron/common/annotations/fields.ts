// Validation of the user's own words and labels (notes, tags, bookmark labels):
// shared by the API contract and by import, so that every write path refuses the
// same bad input with the same clear message. Refused: NUL and other control
// characters (tab and line breaks are fine), lone UTF-16 surrogates, over-long text.
// Stripped: the bidirectional embedding, override and isolate controls (U+202A–202E,
// U+2066–2069), which can make a note display other than it reads (a file name or
// a quote shown reversed), and the C1 control characters (U+0080–009F), which no
// keyboard types — both are removed before anything is stored, whatever the path.
// The namespace import lets bundlers keep only the parts of zod in use.
import * as z from 'zod';
import { HIGHLIGHT_COLORS } from '../rules/colors';
import { MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../rules/notes';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a user-written string is refused, or null. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate';
  if (CONTROL.test(value)) return 'contains a control character';
  return null;
}

/** Line breaks stored as "\n" only. */
export function normalizeNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u0080-\u009F]/g;

/** The text without bidi overrides/embeddings/isolates and C1 control characters. */
export function stripInvisibleControls(value: string): string {
  return value.replace(INVISIBLE_CONTROLS, '');
}

function userText(max: number, what: string) {
  return z
    .string()
    .max(max, `${what} is longer than ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
    })
    .transform((value) => normalizeNewlines(stripInvisibleControls(value)));
}

export const noteSchema = userText(MAX_NOTE_LENGTH, 'the note');
export const labelSchema = userText(MAX_LABEL_LENGTH, 'the label').transform((s) => s.trim());
export const tagSchema = userText(MAX_TAG_LENGTH, 'a tag')
  .transform((s) => s.trim().normalize('NFC'))
  .refine((s) => s.length > 0, 'a tag cannot be empty')
  .refine((s) => !/[\n\t]/.test(s), 'a tag is one line');
export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);
export const colorSchema = z.enum(HIGHLIGHT_COLORS);
