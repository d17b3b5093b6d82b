// The reviewed glossary data in data/curation/<id>.json (keys "glossary" and
// "otherNames"): what the extractor cannot know. Checked against the text at content
// build like every curation entry; an entry that names nothing in the text, repeats
// another or repeats what the rule already finds fails the build with a message
// naming it, so the file cannot rot silently.
//
// - glossary.definitions: definitions the text makes that the rule does not find or
//   gets wrong, anchored to the text by `longForm（abbreviation）` (the first such
//   place is the entry's definition). Origin "text": the book says it, not the editors.
//   経済版「2＋2」 is one: a short name in Japanese for 日米経済政策協議委員会, which the
//   text defines (us-1.p2) and then uses alone twice (us-1.p3, us-4.p3).
// - glossary.editorial: abbreviations the text uses without defining (WTO, FTA, …),
//   with an expansion that is a plain fact. Origin "editorial", shown as such.
// - otherNames: names for the same thing (表記ゆれ) that readers search for; at least
//   one name of a group must occur in the text.
import { z } from 'zod';
import { findTerms } from '../../common/glossary/marks';
import { normalizeText } from '../../common/search/normalize';
import { textProblem } from '../../common/annotations/fields';
import { ContentBuildError } from '../ingest/errors';
import type { DefinitionSite } from '../../common/glossary/types';
import type { TextSection } from './extract';

const term = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value) ?? (/[\n\t]/.test(value) ? 'is not one line' : null);
      if (problem) ctx.addIssue({ code: 'custom', message: `the term ${problem}` });
    })
    .refine((value) => value.trim() === value, 'a term has no spaces at its ends');
const note = z.string().optional();

export const glossaryCurationSchema = z.strictObject({
  $comment: z.string().optional(),
  definitions: z
    .array(z.strictObject({ abbreviation: term(30), longForm: term(200), note }))
    .default([]),
  editorial: z
    .array(
      z.strictObject({
        abbreviation: term(30),
        longForm: term(200),
        longFormEn: term(200).optional(),
        note,
      }),
    )
    .default([]),
});
export type GlossaryCuration = z.infer<typeof glossaryCurationSchema>;

export const otherNamesCurationSchema = z.array(
  z.strictObject({ names: z.array(term(100)).min(2, 'a group names at least two'), note }),
);
export type OtherNamesCuration = z.infer<typeof otherNamesCurationSchema>;

/** Every text of the document (headings and paragraphs) in reading order, with its place. */
export function textsOf(
  sections: readonly TextSection[],
): { sectionId: string; paragraphId: string | null; text: string }[] {
  return sections.flatMap((s) => [
    { sectionId: s.id, paragraphId: null, text: s.title },
    ...s.paragraphs.map((p) => ({ sectionId: s.id, paragraphId: p.id, text: p.text })),
  ]);
}

/** Fails on names repeated within or across groups (compared as search compares them). */
export function checkOtherNames(
  groups: OtherNamesCuration,
  sections: readonly TextSection[],
  file: string,
): void {
  const seen = new Map<string, string>();
  const corpus = normalizeText(
    textsOf(sections)
      .map((t) => t.text)
      .join('\n'),
  );
  groups.forEach((group, i) => {
    const label = `otherNames[${i}] (${group.names[0]})`;
    for (const name of group.names) {
      const key = normalizeText(name);
      if (key.length === 0)
        throw new ContentBuildError(`${file}: ${label}: "${name}" is empty for search`);
      const other = seen.get(key);
      if (other !== undefined)
        throw new ContentBuildError(`${file}: ${label}: "${name}" is already listed (${other})`);
      seen.set(key, label);
    }
    if (!group.names.some((name) => corpus.includes(normalizeText(name))))
      throw new ContentBuildError(
        `${file}: ${label}: none of its names occurs in the text, so it cannot help a search of it`,
      );
  });
}

/** Where the text first writes `longForm（abbreviation）`, or null. */
export function findDefinition(
  sections: readonly TextSection[],
  abbreviation: string,
  longForm: string,
): DefinitionSite | null {
  for (const t of textsOf(sections)) {
    for (const [open, close] of [
      ['（', '）'],
      ['(', ')'],
    ] as const) {
      const at = t.text.indexOf(`${longForm}${open}${abbreviation}${close}`);
      if (at === -1) continue;
      return {
        sectionId: t.sectionId,
        paragraphId: t.paragraphId,
        longFormStart: at,
        longFormEnd: at + longForm.length,
        abbreviationStart: at + longForm.length + 1,
        abbreviationEnd: at + longForm.length + 1 + abbreviation.length,
      };
    }
  }
  return null;
}

/** True when the abbreviation occurs in some heading or paragraph (by the marks rule). */
export function usedInText(sections: readonly TextSection[], abbreviation: string): boolean {
  return textsOf(sections).some((t) => findTerms(t.text, [abbreviation]).length > 0);
}
