// The reader's own data as user.sqlite stores it (bookmarks, highlights and notes), as
// a list the panels show. Every change is one call the core commits before answering,
// made through the notes' access guard (a refusal may mean the session has become
// read-only), and the list is then read again — so what is shown is what is stored.
// A list that cannot be read keeps the last one and says why.
import { messageOf } from '../errors';
import { notesAccess, type NotesAccessState } from './notes-access.svelte';

export type NotesGuard = Pick<NotesAccessState, 'guard'>;

export abstract class StoredList<T, Api> {
  list = $state.raw<T[]>([]);
  error = $state<string | null>(null);

  protected readonly api: Api;
  /** Told of every refused change: the session may have become read-only. */
  private readonly access: NotesGuard;

  constructor(api: Api, access: NotesGuard = notesAccess) {
    this.api = api;
    this.access = access;
  }

  /** The list as the core has it now. */
  protected abstract read(): Promise<T[]>;

  /** Reads the list (`early`: a read already under way, the start's). */
  async load(early?: Promise<T[]>): Promise<void> {
    try {
      this.list = await (early ?? this.read());
      this.error = null;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  /** Makes a change, then reads the list again; resolves to the change's answer. */
  protected async change<R>(call: () => Promise<R>): Promise<R> {
    const answer = await this.access.guard(call);
    await this.load();
    return answer;
  }
}
