// Bookmarks (しおり) as the reader sees them: the list from user.sqlite, in document
// order or by date. A bookmark is a place in the text (a paragraph and an offset: what
// ☆ and Ctrl+D add, at the start of the view) or a whole section (the section bookmark,
// from the bookmark menu; older bookmarks are all of this kind). Every change is a call
// that the core commits before answering; the list is then read again, so what is shown
// is what is stored. Deleting can be undone (restoreBookmark).
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import { notesAccess, type NotesAccessState } from './notes-access.svelte';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { Bookmark } from '../../../../electron/common/api/types';

/** The orders the しおり tab offers, as its toggle shows them. */
export const BOOKMARK_ORDERS = ['document', 'date'] as const;
export type BookmarkOrder = (typeof BOOKMARK_ORDERS)[number];

/** The sections with a bookmark (rebuilt with the list, never changed in place). */
function markedSections(list: readonly Bookmark[]): ReadonlySet<string> {
  return new Set(list.map((b) => b.sectionId));
}

/** The contract methods the bookmarks state calls. */
export type BookmarksApi = Pick<
  ApiClient,
  | 'listBookmarks'
  | 'toggleBookmark'
  | 'addBookmark'
  | 'renameBookmark'
  | 'deleteBookmark'
  | 'restoreBookmark'
>;

/** Where a bookmark is put: a section, and a place in it (paragraph null: the section). */
export interface BookmarkPlace {
  sectionId: string;
  paragraphId: string | null;
  offset: number;
}

export class BookmarksState {
  list = $state.raw<Bookmark[]>([]);
  order = $state<BookmarkOrder>('document');
  error = $state<string | null>(null);

  marked = $derived(markedSections(this.list));

  private readonly api: BookmarksApi;
  /** Told of every refused change: the session may have become read-only. */
  private readonly access: Pick<NotesAccessState, 'guard'>;

  constructor(
    api: BookmarksApi = defaultApi,
    access: Pick<NotesAccessState, 'guard'> = notesAccess,
  ) {
    this.api = api;
    this.access = access;
  }

  async load(): Promise<void> {
    try {
      this.list = await this.api.listBookmarks({ order: this.order });
      this.error = null;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  async setOrder(order: BookmarkOrder): Promise<void> {
    this.order = order;
    await this.load();
  }

  /** Bookmarks a place (a section when its paragraph is null); resolves to the new bookmark. */
  async addAt(place: BookmarkPlace): Promise<Bookmark> {
    const added = await this.access.guard(() =>
      this.api.addBookmark(
        place.paragraphId === null
          ? { sectionId: place.sectionId }
          : { sectionId: place.sectionId, paragraphId: place.paragraphId, offset: place.offset },
      ),
    );
    await this.load();
    return added;
  }

  /** The section bookmark of a section, if it has one. */
  sectionBookmark(sectionId: string): Bookmark | undefined {
    return this.list.find((b) => b.sectionId === sectionId && b.paragraphId === null);
  }

  /** Marks or unmarks a whole section; resolves to whether it is now bookmarked. */
  async toggle(sectionId: string): Promise<boolean> {
    const { bookmarked } = await this.access.guard(() => this.api.toggleBookmark({ sectionId }));
    await this.load();
    return bookmarked;
  }

  async rename(id: string, label: string): Promise<void> {
    await this.access.guard(() => this.api.renameBookmark({ id, label }));
    await this.load();
  }

  async remove(id: string): Promise<Bookmark> {
    const removed = await this.access.guard(() => this.api.deleteBookmark({ id }));
    await this.load();
    return removed;
  }

  async restore(id: string): Promise<void> {
    await this.access.guard(() => this.api.restoreBookmark({ id }));
    await this.load();
  }
}

export const bookmarks = new BookmarksState();
