// The read side of the content database, as every host and the search service
// see it. Implemented by ./store.ts (opened read-only). Kept as a separate
// type-only module so that consumers depend on the shape, not the SQL.
import type { DocumentInfo, SectionView, TocEntry } from '../../common/api/types';

export interface ParagraphRecord {
  id: string;
  sectionId: string;
  ordinal: number;
  text: string;
}

/** One section with its own paragraphs: the unit that search indexes and returns. */
export interface SearchDoc {
  id: string;
  title: string;
  paragraphs: { id: string; text: string }[];
}

export interface ContentStore {
  readonly path: string;
  document(): DocumentInfo;
  /** The outline in reading order. */
  toc(): TocEntry[];
  /** A section with its path, own paragraphs and children; throws ApiError('not_found'). */
  section(id: string): SectionView;
  /**
   * Several sections in the order given, their paragraphs read in one query; throws
   * ApiError('not_found') naming every id the outline does not have.
   */
  sections(ids: readonly string[]): SectionView[];
  paragraph(id: string): ParagraphRecord | undefined;
  /** Every section in reading order with its own paragraphs (input of the search index). */
  searchDocs(): SearchDoc[];
  /**
   * A named artifact stored at build time (e.g. the serialized search index), or
   * null; verified against its stored checksum (throws ApiError when damaged).
   */
  artifact(name: string): { version: string; body: string | Uint8Array } | null;
  /**
   * The identity of the text (sections and paragraphs): annotations placed in it keep
   * this digest and are not placed again while it stays the same. Without it, the
   * digest is computed from the text itself.
   */
  digest?(): string;
  close(): void;
}
