// The search index over the reader's notes and tags, kept current by the library:
// built at the first search and dropped after any write or restore, so a search
// always sees the last committed state and an idle reader pays nothing.
import { NoteSearchIndex, type NoteDoc, type NoteHit } from '../../common/annotations/note-search';

export class LibraryNoteIndex {
  private index: NoteSearchIndex | null = null;

  constructor(private readonly notes: () => NoteDoc[]) {}

  /** The notes changed: the next search rebuilds the index. */
  invalidate(): void {
    this.index = null;
  }

  search(query: string, limit: number): NoteHit[] {
    this.index ??= new NoteSearchIndex(this.notes());
    return this.index.search(query, limit);
  }
}
