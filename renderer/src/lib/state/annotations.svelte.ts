// The reader's highlights and notes (メモ) from user.sqlite: the whole list (it is
// small: one document), filtered in the panel by tag or colour, and per section for
// drawing in the text; the panel's order (document or newest first) is kept here for
// the session (the contract's preferences have no field for it). Every change is
// committed by the core before it answers; the list is then read again (StoredList). Deleting can be undone (restoreAnnotation). Export and
// import go through here too, so no component talks to the API for notes.
import { api as defaultApi } from '../api';
import { sortNotes, type NoteOrder } from '../notes/order';
import { StoredList, type NotesGuard } from './stored-list.svelte';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type { AnnotationMethod } from '../../../../electron/common/api/note-methods';
import type {
  Annotation,
  ExportFile,
  ExportFormat,
  HighlightColor,
  ImportSummary,
  Language,
} from '../../../../electron/common/api/types';

/** The five highlight colours, in the order the picker shows them. */
export { HIGHLIGHT_COLORS } from '../../../../electron/common/rules/colors';

export interface AnnotationDraft {
  color: HighlightColor;
  note: string;
  tags: string[];
}

/** Tags typed as "a, b c" → ['a', 'b', 'c'] (comma, 、 or whitespace separated, unique). */
export function parseTags(input: string): string[] {
  const tags: string[] = [];
  for (const tag of input.split(/[,、，\s]+/u)) {
    const trimmed = tag.trim();
    if (trimmed && !tags.includes(trimmed)) tags.push(trimmed);
  }
  return tags;
}

/** What the annotation editor is open for. */
export type EditorTarget =
  | {
      kind: 'new';
      range: {
        startParagraphId: string;
        startOffset: number;
        endParagraphId: string;
        endOffset: number;
      };
      quote: string;
      color?: HighlightColor;
    }
  | { kind: 'edit'; id: string }
  | { kind: 'section'; sectionId: string };

/** Each value once, sorted (the tag filter's choices). */
function distinctSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** The contract methods the annotations state calls. */
export type AnnotationsApi = Pick<ApiClient, AnnotationMethod>;

export class AnnotationsState extends StoredList<Annotation, AnnotationsApi> {
  editing = $state.raw<EditorTarget | null>(null);
  tagFilter = $state<string | null>(null);
  colorFilter = $state<HighlightColor | null>(null);
  /** The panel's order, for the session: the document's, or the most recently changed first. */
  order = $state<NoteOrder>('document');

  tags = $derived(distinctSorted(this.list.flatMap((a) => a.tags)));
  shown = $derived(
    sortNotes(
      this.list.filter(
        (a) =>
          (this.tagFilter === null || a.tags.includes(this.tagFilter)) &&
          (this.colorFilter === null || a.color === this.colorFilter),
      ),
      this.order,
    ),
  );

  constructor(api: AnnotationsApi = defaultApi, access?: NotesGuard) {
    super(api, access);
  }

  protected read(): Promise<Annotation[]> {
    return this.api.listAnnotations({});
  }

  forSection(sectionId: string): Annotation[] {
    return this.list.filter((a) => a.sectionId === sectionId);
  }

  find(id: string): Annotation | undefined {
    return this.list.find((a) => a.id === id);
  }

  add(
    range: {
      startParagraphId: string;
      startOffset: number;
      endParagraphId: string;
      endOffset: number;
    },
    draft: AnnotationDraft,
  ): Promise<Annotation> {
    return this.change(() =>
      this.api.addAnnotation({
        ...range,
        color: draft.color,
        ...(draft.note.trim() ? { note: draft.note } : {}),
        ...(draft.tags.length ? { tags: draft.tags } : {}),
      }),
    );
  }

  addSectionNote(sectionId: string, draft: AnnotationDraft): Promise<Annotation> {
    return this.change(() =>
      this.api.addSectionNote({
        sectionId,
        note: draft.note,
        color: draft.color,
        ...(draft.tags.length ? { tags: draft.tags } : {}),
      }),
    );
  }

  async update(id: string, draft: AnnotationDraft): Promise<void> {
    await this.change(() =>
      this.api.updateAnnotation({ id, color: draft.color, note: draft.note, tags: draft.tags }),
    );
  }

  /** Deletes a note or highlight; of a linked highlight, the whole group or only `part` (this one). */
  remove(id: string, part = false): Promise<Annotation> {
    return this.change(() => this.api.deleteAnnotation(part ? { id, part } : { id }));
  }

  /** Undoes `remove` (with the same `part`). */
  async restore(id: string, part = false): Promise<void> {
    await this.change(() => this.api.restoreAnnotation(part ? { id, part } : { id }));
  }

  /** The live members of the linked highlight `id` belongs to (1 for one on its own). */
  linkedCount(id: string): number {
    const a = this.find(id);
    if (!a?.groupId) return a ? 1 : 0;
    return this.list.filter((b) => b.groupId === a.groupId).length;
  }

  /**
   * Every note as a file to save: Markdown or Word (in `language`, the interface's) to
   * read and share, or W3C Web Annotations (JSON-LD) to import again.
   */
  exportFile(format: ExportFormat, language?: Language): Promise<ExportFile> {
    return this.api.exportAnnotations({ format, ...(language ? { language } : {}) });
  }

  /** Imports an export file (notes and bookmarks; the core backs up first), then reads the list again. */
  importFile(body: string): Promise<ImportSummary> {
    return this.change(() => this.api.importAnnotations({ body }));
  }
}

export const annotations = new AnnotationsState();
