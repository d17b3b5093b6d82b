// Bookmarks (しおり) as the reader sees them: the list from user.sqlite, in document
// order or by date. A bookmark is a place in the text (a paragraph and an offset: what
// ☆ and Ctrl+D add, at the start of the view) or a whole section (the section bookmark,
// from the bookmark menu; older bookmarks are all of this kind). Every change is a call
// that the core commits before answering; the list is then read again, so what is shown
// is what is stored. Deleting can be undone (restoreBookmark).
import { api as defaultApi } from '../api';
import { StoredList, type NotesGuard } from './stored-list.svelte';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { BookmarkMethod } from '../../../../electron/common/api/note-methods';
import type { Bookmark } from '../../../../electron/common/api/types';

/** The orders the しおり tab offers, as its toggle shows them. */
export const BOOKMARK_ORDERS = ['document', 'date'] as const;
export type BookmarkOrder = (typeof BOOKMARK_ORDERS)[number];

/** The sections with a bookmark (rebuilt with the list, never changed in place). */
function markedSections(list: readonly Bookmark[]): ReadonlySet<string> {
  return new Set(list.map((b) => b.sectionId));
}

/** The contract methods the bookmarks state calls. */
export type BookmarksApi = Pick<ApiClient, BookmarkMethod>;

/** Where a bookmark is put: a section, and a place in it (paragraph null: the section). */
export interface BookmarkPlace {
  sectionId: string;
  paragraphId: string | null;
  offset: number;
}

export class BookmarksState extends StoredList<Bookmark, BookmarksApi> {
  order = $state<BookmarkOrder>('document');

  marked = $derived(markedSections(this.list));

  constructor(api: BookmarksApi = defaultApi, access?: NotesGuard) {
    super(api, access);
  }

  protected read(): Promise<Bookmark[]> {
    return this.api.listBookmarks({ order: this.order });
  }

  async setOrder(order: BookmarkOrder): Promise<void> {
    this.order = order;
    await this.load();
  }

  /** Bookmarks a place (a section when its paragraph is null); resolves to the new bookmark. */
  addAt(place: BookmarkPlace): Promise<Bookmark> {
    return this.change(() =>
      this.api.addBookmark(
        place.paragraphId === null
          ? { sectionId: place.sectionId }
          : { sectionId: place.sectionId, paragraphId: place.paragraphId, offset: place.offset },
      ),
    );
  }

  /** The section bookmark of a section, if it has one. */
  sectionBookmark(sectionId: string): Bookmark | undefined {
    return this.list.find((b) => b.sectionId === sectionId && b.paragraphId === null);
  }

  /** Marks or unmarks a whole section; resolves to whether it is now bookmarked. */
  async toggle(sectionId: string): Promise<boolean> {
    const { bookmarked } = await this.change(() => this.api.toggleBookmark({ sectionId }));
    return bookmarked;
  }

  async rename(id: string, label: string): Promise<void> {
    await this.change(() => this.api.renameBookmark({ id, label }));
  }

  remove(id: string): Promise<Bookmark> {
    return this.change(() => this.api.deleteBookmark({ id }));
  }

  async restore(id: string): Promise<void> {
    await this.change(() => this.api.restoreBookmark({ id }));
  }
}

export const bookmarks = new BookmarksState();
