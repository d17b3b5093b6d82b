// What is being read: the document, its outline, the sections fetched so far, the section
// in view, and the search hits of the whole document. The document reads as one text:
// the view draws the sections around the reader (lib/reading/extents.ts) and reports
// which one is in view (`follow`, which moves the history entry along without adding
// entries); an explicit move (outline, a link, a result, a bookmark, [ ]) is `open`,
// which adds a history entry and asks the view to put the reader at a place (`jump`).
import { SvelteMap } from 'svelte/reactivity';
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import type { BootRequests } from '../boot';
import { requestSections, type SectionsApi } from '../section-requests';
import { routeHistory, type HistoryMode, type RouteHistory } from '../route-history';
import { hitFromSection, indexHits, stepIndex, type DocumentHits } from '../reading/document-hits';
import type {
  DocumentInfo,
  ReadingPosition,
  SearchResponse,
  SectionView,
  TocEntry,
} from '../../../../electron/common/api/types';

/** Where in a section the view puts the reader. */
export type Placement =
  | { kind: 'top' }
  /** A share of the section's text (a saved position, a history entry). */
  | { kind: 'fraction'; value: number }
  /** A character: a paragraph and an offset into its text (a position bookmark). */
  | { kind: 'place'; paragraphId: string | null; offset: number }
  /** A search hit, by its number in the document's list. */
  | { kind: 'hit'; index: number }
  | { kind: 'annotation'; id: string }
  /** Words of the text (a glossary term's definition): centred and flashed. */
  | { kind: 'passage'; paragraphId: string | null; start: number; end: number };

/** A request to the view: show `sectionId` at `placement`. */
export interface Jump {
  sectionId: string;
  placement: Placement;
  /** Counts the jumps, so the same request twice is two jumps. */
  seq: number;
}

/** What the reader state works with: the contract and the window's history. */
export interface ReaderDeps {
  api: SectionsApi;
  history: Pick<RouteHistory, 'record'>;
}

export class ReaderState {
  doc = $state.raw<DocumentInfo | null>(null);
  toc = $state.raw<TocEntry[]>([]);
  /** Sections fetched so far, by id (the view draws them from here). */
  readonly views = new SvelteMap<string, SectionView>();
  /** The section in view (or being jumped to). */
  currentId = $state<string | null>(null);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<string | null>(null);
  /** The search hits of the whole document marked in the text. */
  hits = $state.raw<DocumentHits | null>(null);
  /** The current hit's number in `hits` (-1: none chosen yet). */
  currentHit = $state(-1);
  /** The latest request to the view; it takes each one once (`takeJump`). */
  jump = $state.raw<Jump | null>(null);

  /** Each section's place in reading order (rebuilt with the outline, never changed in place). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  ranks = $derived(new Map(this.toc.map((e, i) => [e.id, i])));
  section = $derived(this.currentId ? (this.views.get(this.currentId) ?? null) : null);
  hitCount = $derived(this.hits?.list.length ?? 0);

  /**
   * The sections the reading view in use draws with a section it lands on (it sets this):
   * `open` asks for them together with the section, so a jump to text not fetched yet
   * waits for one answer, not for the section's and then for its neighbours'.
   */
  landingSet: ((id: string) => readonly string[]) | null = null;

  /** The view in use tells which sections it lands with; the returned function undoes it. */
  landWith(landing: (id: string) => readonly string[]): () => void {
    this.landingSet = landing;
    return () => {
      if (this.landingSet === landing) this.landingSet = null;
    };
  }

  /** Requests in flight (not state: nothing is drawn from them). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private pending = new Map<string, Promise<SectionView>>();
  /** Requests issued before the app was mounted (lib/boot.ts), taken over once each. */
  private early: ((id: string) => Promise<SectionView> | null) | null = null;
  private openSeq = 0;
  private jumpSeq = 0;
  /** Counts the documents read in this page: an answer for an earlier one is dropped. */
  private generation = 0;
  private readonly deps: ReaderDeps;

  constructor(deps: Partial<ReaderDeps> = {}) {
    this.deps = { api: deps.api ?? defaultApi, history: deps.history ?? routeHistory };
  }

  /** Loads the document, outline and saved position (from the requests issued at boot). */
  async start(
    boot: Pick<BootRequests, 'document' | 'toc' | 'position'> &
      Partial<Pick<BootRequests, 'section'>>,
  ): Promise<ReadingPosition | null> {
    if (boot.section) this.takeEarlyRequests((id) => boot.section!(id));
    const [doc, toc, position] = await Promise.all([boot.document, boot.toc, boot.position]);
    this.doc = doc;
    this.toc = toc;
    return position;
  }

  /** Takes over the sections requested at boot: `load` uses them instead of asking again. */
  takeEarlyRequests(early: (id: string) => Promise<SectionView> | null): void {
    this.early = early;
  }

  /** A section's text: from what was fetched, else from the core (asked for once). */
  load(id: string): Promise<SectionView> {
    const known = this.views.get(id);
    if (known) return Promise.resolve(known);
    return (
      this.pending.get(id) ?? this.track(id, this.early?.(id) ?? this.deps.api.getSection({ id }))
    );
  }

  /**
   * Fetches the sections not fetched yet: those neither known nor in flight are asked for
   * together (requestSections: one call per MAX_SECTIONS_PER_CALL ids), each settling as
   * its own `load` would; failures are left for `open` to report. An id the outline does
   * not hold is asked for alone, so that its not_found fails no other section.
   */
  async loadAll(ids: readonly string[]): Promise<void> {
    const batch: string[] = [];
    for (const id of ids) {
      // Known or in flight: nothing to ask (an id given twice is asked for once, below).
      if (this.views.has(id) || this.pending.has(id)) continue;
      const early = this.early?.(id);
      if (early) this.track(id, early);
      else if (this.ranks.size > 0 && !this.ranks.has(id)) void this.load(id);
      else batch.push(id);
    }
    for (const [id, request] of requestSections(this.deps.api, batch)) this.track(id, request);
    await Promise.all(ids.map((id) => this.load(id).catch(() => undefined)));
  }

  /**
   * Follows a request for section `id`: its answer is kept (and it stops being in flight)
   * unless another document has been opened since it was made.
   */
  private track(id: string, request: Promise<SectionView>): Promise<SectionView> {
    const generation = this.generation;
    const tracked = request.then(
      (view) => {
        if (generation !== this.generation) return view;
        this.pending.delete(id);
        this.views.set(id, view);
        return view;
      },
      (err: unknown) => {
        if (generation === this.generation) this.pending.delete(id);
        throw err;
      },
    );
    this.pending.set(id, tracked);
    return tracked;
  }

  /**
   * Moves the reader to a section (at `scroll`, its top by default). `history` says
   * how the window's history records it: a new entry by default (Back returns here),
   * `replace` at start or when stepping through hits, `none` when the history itself
   * moved (Back/Forward, a link).
   */
  async open(
    id: string,
    options: { scroll?: Placement; history?: HistoryMode } = {},
  ): Promise<boolean> {
    const seq = ++this.openSeq;
    const around = this.landingSet?.(id) ?? [];
    const batched = around.some((other) => other !== id);
    if (batched) void this.loadAll(around.includes(id) ? around : [id, ...around]);
    try {
      // Asked for with its neighbours, the section is asked for again alone when that call
      // fails: a neighbour the host cannot give must not stop the jump.
      await this.load(id).catch((err: unknown) => {
        if (batched) return this.load(id);
        throw err;
      });
    } catch (err) {
      if (seq !== this.openSeq) return false;
      this.error = messageOf(err);
      return false;
    }
    if (seq !== this.openSeq) return false;
    this.error = null;
    this.currentId = id;
    this.status = 'ready';
    const placement = options.scroll ?? { kind: 'top' };
    this.jump = { sectionId: id, placement, seq: ++this.jumpSeq };
    this.deps.history.record(
      placement.kind === 'annotation'
        ? { sectionId: id, annotationId: placement.id }
        : { sectionId: id },
      options.history ?? 'push',
    );
    return true;
  }

  /**
   * Asks the view to show a place of a section already being read, with no history entry
   * (the other reading view taking over at the reader's place).
   */
  keepPlace(id: string, placement: Placement): void {
    if (!this.ranks.has(id)) return;
    this.currentId = id;
    this.jump = { sectionId: id, placement, seq: ++this.jumpSeq };
  }

  /** The view takes the latest jump once it can carry it out. */
  takeJump(): Jump | null {
    const j = this.jump;
    this.jump = null;
    return j;
  }

  /** The view says which section is in view as the reader scrolls or turns pages. */
  follow(id: string): void {
    if (id === this.currentId || !this.ranks.has(id)) return;
    this.currentId = id;
    this.deps.history.record({ sectionId: id }, 'replace');
  }

  private neighbour(step: 1 | -1): string | null {
    const at = this.currentId ? this.ranks.get(this.currentId) : undefined;
    if (at === undefined) return null;
    return this.toc[at + step]?.id ?? null;
  }

  goPrev(): Promise<boolean> {
    const id = this.neighbour(-1);
    return id ? this.open(id) : Promise.resolve(false);
  }

  goNext(): Promise<boolean> {
    const id = this.neighbour(1);
    return id ? this.open(id) : Promise.resolve(false);
  }

  /**
   * Marks the hits of a search answer in the text (as the reader types), keeping the
   * current hit when the query is the same; nothing is scrolled.
   */
  showSearchHits(response: SearchResponse | null): void {
    if (!response || response.hits.length === 0) {
      if (this.hits !== null) this.clearHits();
      return;
    }
    if (this.hits?.query === response.query && this.hits.list === response.hits) return;
    const same = this.hits?.query === response.query;
    this.hits = indexHits(
      response.query,
      response.hits,
      response.totalHits,
      response.truncated,
      this.hits,
    );
    if (!same) this.currentHit = -1;
  }

  /** Opens the hit numbered `index` (a result's first hit, F3): its section, the hit in view. */
  async showHit(index: number, history: HistoryMode = 'push'): Promise<boolean> {
    const hit = this.hits?.list[index];
    if (!hit) return false;
    this.currentHit = index;
    return this.open(hit.sectionId, { scroll: { kind: 'hit', index }, history });
  }

  /** The first hit in a section (to open a result row at), or -1. */
  firstHitIn(sectionId: string): number {
    return this.hits?.bySection.get(sectionId)?.first ?? -1;
  }

  /**
   * F3 / Shift+F3: the next or previous hit of the whole document, wrapping. When the
   * reader has moved to another section than the current hit's, from where they are.
   */
  stepHit(step: 1 | -1): Promise<boolean> {
    const hits = this.hits;
    if (!hits || hits.list.length === 0) return Promise.resolve(false);
    const current = hits.list[this.currentHit];
    const here = this.currentId ? this.ranks.get(this.currentId) : undefined;
    const moved =
      current !== undefined && here !== undefined && current.sectionId !== this.currentId;
    const next =
      (current === undefined || moved) && here !== undefined
        ? hitFromSection(hits, (id) => this.ranks.get(id) ?? -1, here, step)
        : stepIndex(this.currentHit, step, hits.list.length);
    return this.showHit(next, 'replace');
  }

  clearHits(): void {
    this.hits = null;
    this.currentHit = -1;
  }

  /**
   * Another document is read in this page: everything of the one before is dropped
   * (its text, outline, hits, requests in flight); `start` and `open` follow.
   */
  reset(): void {
    this.generation += 1;
    this.openSeq += 1;
    this.early = null;
    this.pending.clear();
    this.views.clear();
    this.doc = null;
    this.toc = [];
    this.currentId = null;
    this.status = 'loading';
    this.error = null;
    this.jump = null;
    this.clearHits();
  }

  fail(message: string): void {
    this.status = 'error';
    this.error = message;
  }
}

export const reader = new ReaderState();
