// An imported document's content as the handlers read it: its content database, with
// the title, publisher and year the library holds for it (the reader may edit them
// after import) in place of what the importer found — so the document's header, the
// About line, citations and exports all say what the reader set, without rewriting
// the read-only database. A removed document is a stand-in with no text: its notes
// (kept in user.sqlite) can still be listed and exported, each with its quote.
import { ApiError } from '../../common/api/contract';
import type { DocumentInfo, PageMarker, SectionView } from '../../common/api/types';
import { citationSourceSchema } from '../../common/citation/source';
import { CITATION_ARTIFACT } from '../citation/artifact';
import type { ContentStore } from '../content/store-types';
import { readImportExtras } from '../import/extras';
import type { DocumentRow } from './registry';

/** The book a citation names: the title, with the year when the title does not already say it. */
export function editionOf(row: Pick<DocumentRow, 'title' | 'year'>): string {
  const year = row.year.trim();
  return year && !row.title.includes(year) ? `${row.title}（${year}）` : row.title;
}

export function documentInfoOf(row: DocumentRow, stored?: DocumentInfo): DocumentInfo {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    edition: editionOf(row),
    sourceFile: row.sourceName,
    sourceSha256: row.sourceSha256,
    attribution: row.publisher ? `「${row.title}」（${row.publisher}）` : `「${row.title}」`,
    ...(stored?.titleEn !== undefined ? { titleEn: stored.titleEn } : {}),
  };
}

/** The stored citation data with the library's publisher and book in place of the importer's. */
function citationArtifact(
  store: ContentStore,
  info: DocumentInfo,
): ReturnType<ContentStore['artifact']> {
  const stored = store.artifact(CITATION_ARTIFACT);
  if (!stored) return null;
  const text =
    typeof stored.body === 'string' ? stored.body : new TextDecoder().decode(stored.body);
  let parsed;
  try {
    parsed = citationSourceSchema.safeParse(JSON.parse(text));
  } catch {
    return stored;
  }
  // A damaged artifact stays as it is: reading it says so.
  if (!parsed.success) return stored;
  const body = {
    ...parsed.data,
    publisher: info.publisher,
    edition: info.edition,
  };
  return { version: stored.version, body: JSON.stringify(body) };
}

interface Extras {
  pages: Map<string, PageMarker[]>;
  roles: Map<string, 'footnote' | 'caption'>;
}

/** The import's page markers and paragraph roles, by paragraph (read once). */
function readExtras(file: string): Extras {
  const { pageMarkers, roles } = readImportExtras(file);
  const pages = new Map<string, PageMarker[]>();
  for (const m of pageMarkers) {
    const list = pages.get(m.paragraphId) ?? [];
    list.push({ paragraphId: m.paragraphId, offset: m.offset, label: m.label });
    pages.set(m.paragraphId, list);
  }
  return { pages, roles };
}

/** A section with the page markers and roles of its paragraphs, when the import has them. */
function withExtras(section: SectionView, extras: Extras): SectionView {
  const pageMarkers = section.paragraphs.flatMap((p) => extras.pages.get(p.id) ?? []);
  const roles: Record<string, 'footnote' | 'caption'> = {};
  for (const p of section.paragraphs) {
    const role = extras.roles.get(p.id);
    if (role) roles[p.id] = role;
  }
  return {
    ...section,
    ...(pageMarkers.length > 0 ? { pageMarkers } : {}),
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
  };
}

/** An imported document's store with the library's metadata, page markers and roles. */
export function libraryContent(store: ContentStore, row: DocumentRow): ContentStore {
  const info = documentInfoOf(row, store.document());
  let extras: Extras | null = null;
  return {
    path: store.path,
    document: () => ({ ...info }),
    toc: () => store.toc(),
    section: (id) => withExtras(store.section(id), (extras ??= readExtras(store.path))),
    sections: (ids) => {
      const views = store.sections(ids);
      const known = (extras ??= readExtras(store.path));
      return views.map((view) => withExtras(view, known));
    },
    paragraph: (id) => store.paragraph(id),
    searchDocs: () => store.searchDocs(),
    artifact: (name) =>
      name === CITATION_ARTIFACT ? citationArtifact(store, info) : store.artifact(name),
    close: () => store.close(),
  };
}

/** A removed document: no text, its metadata from the library (its notes are kept). */
export function removedContent(row: DocumentRow): ContentStore {
  const info = documentInfoOf(row);
  const gone = () =>
    new ApiError(
      'not_found',
      `document ${row.id} (${row.title}) was removed from the library; its notes are kept`,
    );
  return {
    path: '',
    document: () => ({ ...info }),
    toc: () => [],
    section: () => {
      throw gone();
    },
    sections: () => {
      throw gone();
    },
    paragraph: () => undefined,
    searchDocs: () => [],
    artifact: () => null,
    close: () => {},
  };
}
