// Bookmarks (しおり) as the reader sees them: the list from user.sqlite, in document
// order or by date, and which sections are marked. Every change is a call that the
// core commits before answering; the list is then read again, so what is shown is
// what is stored. Deleting can be undone (restoreBookmark).
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { Bookmark } from '../../../../electron/common/api/types';

export type BookmarkOrder = 'document' | 'date';

/** The sections with a bookmark (rebuilt with the list, never changed in place). */
function markedSections(list: readonly Bookmark[]): ReadonlySet<string> {
  return new Set(list.map((b) => b.sectionId));
}

/** The contract methods the bookmarks state calls. */
export type BookmarksApi = Pick<
  ApiClient,
  'listBookmarks' | 'toggleBookmark' | 'renameBookmark' | 'deleteBookmark' | 'restoreBookmark'
>;

export class BookmarksState {
  list = $state.raw<Bookmark[]>([]);
  order = $state<BookmarkOrder>('document');
  error = $state<string | null>(null);

  marked = $derived(markedSections(this.list));

  private readonly api: BookmarksApi;

  constructor(api: BookmarksApi = defaultApi) {
    this.api = api;
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

  /** Marks or unmarks a section; resolves to whether it is now bookmarked. */
  async toggle(sectionId: string): Promise<boolean> {
    const { bookmarked } = await this.api.toggleBookmark({ sectionId });
    await this.load();
    return bookmarked;
  }

  async rename(id: string, label: string): Promise<void> {
    await this.api.renameBookmark({ id, label });
    await this.load();
  }

  async remove(id: string): Promise<Bookmark> {
    const removed = await this.api.deleteBookmark({ id });
    await this.load();
    return removed;
  }

  async restore(id: string): Promise<void> {
    await this.api.restoreBookmark({ id });
    await this.load();
  }
}

export const bookmarks = new BookmarksState();
