// What is being read: the document, its outline, the open section, and the search
// hits marked in it. Opening a section is the one way to move; the reading pane asks
// `takeScrollRequest()` after it has painted the new text and puts the view where
// the request says (top, a saved fraction, or a hit). Sections are cached and the
// neighbours prefetched, so a section switch is a render, not a round trip.
import { api as defaultApi } from '../api';
import { messageOf } from '../errors';
import { search as defaultSearch, type SearchState } from './search.svelte';
import type { BootRequests } from '../boot';
import { routeHistory, type HistoryMode, type RouteHistory } from '../route-history';
import type { ApiClient } from '../../../../electron/common/api/contract';
import type {
  DocumentInfo,
  HitRange,
  ReadingPosition,
  SectionView,
  TocEntry,
} from '../../../../electron/common/api/types';

export type ScrollRequest =
  | { kind: 'top' }
  | { kind: 'fraction'; value: number }
  | { kind: 'hit'; index: number }
  | { kind: 'annotation'; id: string }
  /** Words of the text (a glossary term's definition): centred and flashed. */
  | { kind: 'passage'; paragraphId: string | null; start: number; end: number };

/** Search hits marked in the open section. */
export interface SectionHits {
  query: string;
  sectionId: string;
  ranges: HitRange[];
}

const CACHE_LIMIT = 64;

/** What the reader state works with: the contract, the search on screen, the window's history. */
export interface ReaderDeps {
  api: Pick<ApiClient, 'getSection'>;
  search: Pick<SearchState, 'forSection' | 'resultsFor'>;
  history: Pick<RouteHistory, 'record'>;
}

export class ReaderState {
  doc = $state.raw<DocumentInfo | null>(null);
  toc = $state.raw<TocEntry[]>([]);
  section = $state.raw<SectionView | null>(null);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<string | null>(null);
  hits = $state.raw<SectionHits | null>(null);
  currentHit = $state(0);
  /** Bumped whenever the pane must re-place the view (new section, new current hit). */
  scrollTicket = $state(0);

  private scrollRequest: ScrollRequest | null = null;
  // A cache, not state: nothing is drawn from it, so it need not be reactive.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private cache = new Map<string, SectionView>();
  private openSeq = 0;
  private readonly deps: ReaderDeps;

  hitCount = $derived(
    this.hits && this.section && this.hits.sectionId === this.section.id
      ? this.hits.ranges.length
      : 0,
  );

  constructor(deps: Partial<ReaderDeps> = {}) {
    this.deps = {
      api: deps.api ?? defaultApi,
      search: deps.search ?? defaultSearch,
      history: deps.history ?? routeHistory,
    };
  }

  /** Marks for a section from the search on screen, so hits show wherever one reads. */
  private hitsFromSearch(sectionId: string): SectionHits | null {
    const result = this.deps.search.forSection(sectionId);
    return result && result.ranges.length > 0
      ? { query: this.deps.search.resultsFor, sectionId, ranges: result.ranges }
      : null;
  }

  /** Loads the document, outline and saved position (from the requests issued at boot). */
  async start(
    boot: Pick<BootRequests, 'document' | 'toc' | 'position'>,
  ): Promise<ReadingPosition | null> {
    const [doc, toc, position] = await Promise.all([boot.document, boot.toc, boot.position]);
    this.doc = doc;
    this.toc = toc;
    return position;
  }

  private async fetchSection(id: string): Promise<SectionView> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const view = await this.deps.api.getSection({ id });
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(id, view);
    return view;
  }

  /**
   * Every section of the document, in outline order (cached ones from the cache), for
   * work that needs the whole text (the font warm-up). Fetched one at a time so the
   * reader's own requests never queue behind a burst; kept in the cache while it has room.
   */
  async allSections(): Promise<SectionView[]> {
    const views: SectionView[] = [];
    for (const entry of this.toc) {
      let view = this.cache.get(entry.id);
      if (!view) {
        view = await this.deps.api.getSection({ id: entry.id });
        if (this.cache.size < CACHE_LIMIT) this.cache.set(entry.id, view);
      }
      views.push(view);
    }
    return views;
  }

  private prefetch(view: SectionView): void {
    for (const id of [view.next, view.prev]) {
      if (id && !this.cache.has(id)) void this.fetchSection(id).catch(() => undefined);
    }
  }

  /**
   * Opens a section. `hits` marks search hits in it (and `scroll: {kind:'hit'}` puts
   * the first one in view); without `hits`, marks of an earlier search are kept only
   * for the section they belong to. `history` says how the window's history records it:
   * a new entry by default (Back returns here), `replace` at start, `none` when the
   * history itself moved (Back/Forward, a link).
   */
  async open(
    id: string,
    options: { scroll?: ScrollRequest; hits?: SectionHits | null; history?: HistoryMode } = {},
  ): Promise<boolean> {
    const seq = ++this.openSeq;
    let view: SectionView;
    try {
      view = await this.fetchSection(id);
    } catch (err) {
      if (seq !== this.openSeq) return false;
      this.error = messageOf(err);
      return false;
    }
    if (seq !== this.openSeq) return false;
    this.error = null;
    if (options.hits !== undefined) this.hits = options.hits;
    else if (this.hits?.sectionId !== id) this.hits = this.hitsFromSearch(id);
    this.currentHit = 0;
    this.section = view;
    this.status = 'ready';
    this.scrollRequest = options.scroll ?? { kind: 'top' };
    this.scrollTicket++;
    this.deps.history.record(
      this.scrollRequest.kind === 'annotation'
        ? { sectionId: id, annotationId: this.scrollRequest.id }
        : { sectionId: id },
      options.history ?? 'push',
    );
    this.prefetch(view);
    return true;
  }

  /** The pane calls this after painting; each request is used once. */
  takeScrollRequest(): ScrollRequest | null {
    const r = this.scrollRequest;
    this.scrollRequest = null;
    return r;
  }

  goPrev(): Promise<boolean> {
    return this.section?.prev ? this.open(this.section.prev) : Promise.resolve(false);
  }

  goNext(): Promise<boolean> {
    return this.section?.next ? this.open(this.section.next) : Promise.resolve(false);
  }

  /** Moves the current hit by `step` (wrapping) and asks the pane to show it. */
  stepHit(step: 1 | -1): void {
    const n = this.hitCount;
    if (n === 0) return;
    this.currentHit = (this.currentHit + step + n) % n;
    this.scrollRequest = { kind: 'hit', index: this.currentHit };
    this.scrollTicket++;
  }

  /** Follows the search on screen: marks its hits in the open section, without scrolling. */
  showSearchHits(): void {
    const id = this.section?.id;
    if (!id) return;
    const next = this.hitsFromSearch(id);
    const same =
      next !== null &&
      this.hits !== null &&
      this.hits.sectionId === id &&
      this.hits.query === next.query;
    if (same || (next === null && this.hits === null)) return;
    this.hits = next;
    this.currentHit = 0;
  }

  clearHits(): void {
    this.hits = null;
    this.currentHit = 0;
  }

  fail(message: string): void {
    this.status = 'error';
    this.error = message;
  }
}

export const reader = new ReaderState();
