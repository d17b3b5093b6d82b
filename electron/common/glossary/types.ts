// The glossary as it is stored with the content and handed to every host: the
// abbreviations the text defines (with where it first does), the ones it uses without
// defining (editorial expansions, marked so), and the other names (表記ゆれ) readers
// search for. Validated with these schemas when read back, like every stored shape.
import { z } from 'zod';

const term = z.string().min(1).max(200);
const offset = z.number().int().min(0);

/** Where the text first defines an abbreviation; offsets are UTF-16 units into the display text. */
export const definitionSiteSchema = z.strictObject({
  sectionId: z.string().min(1),
  /** The paragraph, or null when the definition stands in the section's heading. */
  paragraphId: z.string().min(1).nullable(),
  longFormStart: offset,
  longFormEnd: offset,
  abbreviationStart: offset,
  abbreviationEnd: offset,
});
export type DefinitionSite = z.infer<typeof definitionSiteSchema>;

export const glossaryEntrySchema = z
  .strictObject({
    abbreviation: term,
    longForm: term,
    /** An English expansion (editorial entries: what the letters stand for). */
    longFormEn: term.optional(),
    /**
     * "text": the book defines it (definedAt says where); "editorial": the book uses it
     * without a definition and the expansion is the editors'.
     */
    origin: z.enum(['text', 'editorial']),
    /** "rule": found by the extractor; "curation": listed in data/curation. */
    via: z.enum(['rule', 'curation']),
    definedAt: definitionSiteSchema.nullable(),
    /** Other long forms the text gives the same abbreviation later (rare; kept, not hidden). */
    variants: z.array(term),
    note: z.string().optional(),
  })
  .refine(
    (e) => (e.origin === 'text') === (e.definedAt !== null),
    'a definition from the text says where it is; an editorial one has no place',
  );
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export const glossarySchema = z.array(glossaryEntrySchema);

/** One set of names for the same thing (インフレ削減法, インフレ抑制法, IRA). */
export const otherNamesGroupSchema = z.strictObject({
  names: z.array(term).min(2),
  note: z.string().optional(),
});
export type OtherNamesGroup = z.infer<typeof otherNamesGroupSchema>;

export const otherNamesSchema = z.array(otherNamesGroupSchema);
