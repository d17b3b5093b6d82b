// Bookmarks (しおり) as the reader sees them: the list from user.sqlite, in document
// order or by date, and which sections are marked. Every change is a call that the
// core commits before answering; the list is then read again, so what is shown is
// what is stored. Deleting can be undone (restoreBookmark).
import { api } from '../api';
import type { Bookmark } from '../../../../electron/common/api/types';

export type BookmarkOrder = 'document' | 'date';

class BookmarksState {
  list = $state.raw<Bookmark[]>([]);
  order = $state<BookmarkOrder>('document');
  error = $state<string | null>(null);

  marked = $derived(new Set(this.list.map((b) => b.sectionId)));

  async load(): Promise<void> {
    try {
      this.list = await api.listBookmarks({ order: this.order });
      this.error = null;
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  async setOrder(order: BookmarkOrder): Promise<void> {
    this.order = order;
    await this.load();
  }

  /** Marks or unmarks a section; resolves to whether it is now bookmarked. */
  async toggle(sectionId: string): Promise<boolean> {
    const { bookmarked } = await api.toggleBookmark({ sectionId });
    await this.load();
    return bookmarked;
  }

  async rename(id: string, label: string): Promise<void> {
    await api.renameBookmark({ id, label });
    await this.load();
  }

  async remove(id: string): Promise<Bookmark> {
    const removed = await api.deleteBookmark({ id });
    await this.load();
    return removed;
  }

  async restore(id: string): Promise<void> {
    await api.restoreBookmark({ id });
    await this.load();
  }
}

export const bookmarks = new BookmarksState();
