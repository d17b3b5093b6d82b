// The contract's methods about the reader's bookmarks and annotations, named once: the
// core's library answers them (among others) and the renderer's bookmark and note
// states call them, so a method added to one group is known to both.

/** Bookmarks: list, add (at a place or the section), rename, delete and undo. */
export type BookmarkMethod =
  | 'listBookmarks'
  | 'toggleBookmark'
  | 'addBookmark'
  | 'renameBookmark'
  | 'deleteBookmark'
  | 'restoreBookmark';

/** Highlights and notes: list, add, edit, delete and undo, and the W3C export and import. */
export type AnnotationMethod =
  | 'listAnnotations'
  | 'addAnnotation'
  | 'addSectionNote'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'exportAnnotations'
  | 'importAnnotations';
