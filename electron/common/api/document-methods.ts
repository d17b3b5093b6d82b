// The contract's methods about "the document": each takes an optional `documentId`
// (absent: the bundled chapter). The core routes them to a document's handlers; the
// renderer sends them for the document its route names. Listed once here (a test checks
// the list against the contract's schemas).
import type { ApiMethod } from './contract';

export const DOCUMENT_METHODS = [
  'listMarkedSections',
  'addBookmark',
  'getDocument',
  'getToc',
  'getSection',
  'getSections',
  'search',
  'searchSuggestions',
  'getGlossary',
  'getCitationSource',
  'getPosition',
  'getStart',
  'setPosition',
  'listBookmarks',
  'toggleBookmark',
  'listAnnotations',
  'addAnnotation',
  'addSectionNote',
  'searchNotes',
  'exportAnnotations',
  'importAnnotations',
  'importProgress',
  'cancelImport',
] as const satisfies readonly ApiMethod[];
