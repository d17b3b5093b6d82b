// Imports as jobs, off the request path: importDocument starts one and answers at
// once with its id; the work (a worker thread, then one transaction) runs on while
// every other request is answered; importDocumentStatus tells where it is — and can
// wait (long poll, bounded) for the next change, so a host shows progress without
// polling fast; cancelDocumentImport stops it, and a cancelled or failed job leaves
// nothing behind (the task's own guarantee). A task may stop to ask the reader (a
// document of the same title: a newer edition of it, or a document of its own?): the
// status names the choice until chooseDocumentImport answers, a cancel, or an hour of
// silence, which cancels it. Finished jobs are remembered for a while so a late status
// call still learns the outcome.
import crypto from 'node:crypto';
import { ApiError } from '../../common/api/contract';
import type {
  DocumentImportChoice,
  DocumentImportStatus,
  DocumentReanchorReport,
  LibraryDocument,
} from '../../common/api/types';
import { MAX_CONCURRENT_IMPORTS } from '../../common/rules/library';
import { startedImport } from '../../common/api/import-status';
import { ImportError } from '../import/errors';
import type { ImportProgress } from '../import/types';

/** The reader's answer to a choice: a newer edition of the document, or a document of its own. */
export type ImportAnswer = 'edition' | 'document';

/** What a task hands the job: a signal to stop at, a place to report progress, a question. */
export interface JobContext {
  signal: AbortSignal;
  progress(progress: ImportProgress): void;
  /** Waits for the reader's answer (rejects when the job is cancelled meanwhile). */
  ask(choice: DocumentImportChoice): Promise<ImportAnswer>;
}

/** How long a job waits for the reader's answer before it is cancelled (ms). */
export const CHOICE_WAIT_MS = 60 * 60 * 1000;

/** What a finished task reports. */
export interface JobOutcome {
  document: LibraryDocument;
  replaced: boolean;
  reanchored: DocumentReanchorReport | null;
  warnings: string[];
}

/** Finished jobs kept for late status calls. */
const KEEP_FINISHED = 50;

interface Job {
  status: DocumentImportStatus;
  controller: AbortController;
  waiters: Set<() => void>;
  done: Promise<void>;
  /** Set while the task waits for the reader's answer. */
  answer: ((answer: ImportAnswer) => void) | null;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly now: () => string,
    private readonly maxRunning = MAX_CONCURRENT_IMPORTS,
  ) {}

  private running(): Job[] {
    return [...this.jobs.values()].filter((j) => j.status.state === 'running');
  }

  /** Starts `task`; throws ApiError('conflict') when as many imports as allowed are running. */
  start(name: string, task: (ctx: JobContext) => Promise<JobOutcome>): DocumentImportStatus {
    if (this.running().length >= this.maxRunning)
      throw new ApiError(
        'conflict',
        `${this.maxRunning} imports are running: wait for one to finish, or cancel one`,
      );
    const jobId = `job-${crypto.randomBytes(8).toString('hex')}`;
    const controller = new AbortController();
    const job: Job = {
      controller,
      waiters: new Set(),
      done: Promise.resolve(),
      answer: null,
      status: startedImport({ jobId, name, phase: 'queued', startedAt: this.now() }),
    };
    this.jobs.set(jobId, job);
    this.forgetOld();
    const update = (patch: Partial<DocumentImportStatus>) => {
      if (job.status.state !== 'running') return;
      job.status = { ...job.status, ...patch };
      this.wake(job);
    };
    const finish = (patch: Partial<DocumentImportStatus>) => {
      job.status = { ...job.status, ...patch, finishedAt: this.now() };
      this.wake(job);
    };
    job.done = (async () => {
      // Let the caller have its answer before any work starts.
      await Promise.resolve();
      try {
        // Cancelled before it began: nothing to run.
        if (controller.signal.aborted)
          throw new ImportError('aborted', `${name}: import cancelled`);
        const outcome = await task({
          signal: controller.signal,
          progress: (p) => update({ phase: p.phase, done: p.done, total: p.total }),
          ask: (choice) => this.ask(job, choice),
        });
        finish({
          state: 'done',
          phase: 'done',
          done: 1,
          total: 1,
          document: outcome.document,
          replaced: outcome.replaced,
          reanchored: outcome.reanchored,
          warnings: outcome.warnings,
        });
      } catch (err) {
        const cancelled =
          controller.signal.aborted || (err instanceof ImportError && err.code === 'aborted');
        const code =
          err instanceof ImportError || err instanceof ApiError ? err.code : 'write_failed';
        const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
        finish({
          choice: null,
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled
            ? { code: 'aborted', message: `${name}: import cancelled` }
            : { code, message },
        });
      }
    })();
    return this.snapshot(job);
  }

  /** Stops the job at a question until the reader answers (or cancels, or stays silent). */
  private ask(job: Job, choice: DocumentImportChoice): Promise<ImportAnswer> {
    const signal = job.controller.signal;
    const previous = { phase: job.status.phase, done: job.status.done, total: job.status.total };
    const cancelled = () => new ImportError('aborted', `${job.status.name}: import cancelled`);
    if (signal.aborted) return Promise.reject(cancelled());
    return new Promise<ImportAnswer>((resolve, reject) => {
      const timer = setTimeout(() => job.controller.abort(), CHOICE_WAIT_MS);
      const stop = () => {
        clearTimeout(timer);
        job.answer = null;
        reject(cancelled());
      };
      signal.addEventListener('abort', stop, { once: true });
      job.answer = (answer) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', stop);
        job.answer = null;
        job.status = { ...job.status, ...previous, choice: null };
        this.wake(job);
        resolve(answer);
      };
      job.status = { ...job.status, phase: 'choose', done: 0, total: 1, choice };
      this.wake(job);
    });
  }

  /** The reader's answer to the job's question. */
  choose(jobId: string, answer: ImportAnswer): DocumentImportStatus {
    const job = this.job(jobId);
    if (job.status.state !== 'running' || !job.answer || job.status.cancelling)
      throw new ApiError('conflict', `import ${jobId} is not waiting for a choice`);
    job.answer(answer);
    return this.snapshot(job);
  }

  private wake(job: Job): void {
    const waiters = [...job.waiters];
    job.waiters.clear();
    for (const wake of waiters) wake();
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.status.jobId);
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not_found', `no import ${jobId}`);
    return job;
  }

  private snapshot(job: Job): DocumentImportStatus {
    return structuredClone(job.status);
  }

  /** The job's status now, or at its next change within `waitMs`. */
  async status(jobId: string, waitMs = 0): Promise<DocumentImportStatus> {
    const job = this.job(jobId);
    if (waitMs > 0 && job.status.state === 'running') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          job.waiters.delete(wake);
          resolve();
        }, waitMs);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        job.waiters.add(wake);
      });
    }
    return this.snapshot(job);
  }

  /** Asks the job to stop; its status turns 'cancelled' once nothing of it is left. */
  cancel(jobId: string): DocumentImportStatus {
    const job = this.job(jobId);
    if (job.status.state === 'running' && !job.status.cancelling) {
      job.status = { ...job.status, cancelling: true };
      job.controller.abort();
      this.wake(job);
    }
    return this.snapshot(job);
  }

  /** Resolves once the job has finished (tests, closing). */
  settled(jobId: string): Promise<void> {
    return this.job(jobId).done;
  }

  /** Cancels every running job and waits for each to finish. */
  async stopAll(): Promise<void> {
    const running = this.running();
    for (const job of running) job.controller.abort();
    await Promise.all(running.map((j) => j.done));
  }
}
