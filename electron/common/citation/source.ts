// Where the document stands in the book it comes from, and the page URLs of its
// parts: the data a citation is made of. It lives in the source's metadata file
// (data/sources/<id>.json, key "citation"), is checked at content build and stored
// with the content, so that no code holds a title, a number or a URL of the book.
// A section with no page URL is cited without one: URLs are facts to record, never
// to derive.
import { z } from 'zod';

const text = z.string().min(1);
const httpsUrl = z.url({ protocol: /^https$/, error: 'a page URL is an https:// URL' });

/** One level of the book above the document (e.g. 第Ⅲ部, then 第2章「各国戦略」). */
export const bookLevelSchema = z.strictObject({
  /** As the book numbers it: 第Ⅲ部, 第2章. */
  label: text,
  labelEn: text.optional(),
  /** The level's own title, when it has one (各国戦略). */
  title: text.optional(),
  titleEn: text.optional(),
});

/** A section of the document as the book numbers it, with its page URL when there is one. */
export const citedSectionSchema = z.strictObject({
  /** The section id of the content (data/curation). */
  section: text,
  label: text,
  labelEn: text.optional(),
  title: text,
  titleEn: text.optional(),
  url: httpsUrl.optional(),
});

/** The "citation" key of a source's metadata file. */
export const citationMetadataSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The levels of the book that hold the document, outermost first. */
  within: z.array(bookLevelSchema),
  /** Sections of the document with their place in the book (at least the top ones). */
  sections: z.array(citedSectionSchema).min(1),
});
export type CitationMetadata = z.infer<typeof citationMetadataSchema>;
export type BookLevel = z.infer<typeof bookLevelSchema>;
export type CitedSection = z.infer<typeof citedSectionSchema>;

/**
 * What a citation needs, as stored with the content: the book (publisher and edition,
 * from the same metadata file) and the document's place in it.
 */
export const citationSourceSchema = z.strictObject({
  /** Empty for an imported document whose file names no publisher. */
  publisher: z.string(),
  publisherEn: text.optional(),
  /** The book: 通商白書2023. */
  edition: text,
  editionEn: text.optional(),
  within: z.array(bookLevelSchema),
  sections: z.array(citedSectionSchema),
});
export type CitationSource = z.infer<typeof citationSourceSchema>;
