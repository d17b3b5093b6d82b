// Imports as jobs, off the request path: importDocument starts one and answers at
// once with its id; the work (a worker thread, then one transaction) runs on while
// every other request is answered; importDocumentStatus tells where it is — and can
// wait (long poll, bounded) for the next change, so a host shows progress without
// polling fast; cancelDocumentImport stops it, and a cancelled or failed job leaves
// nothing behind (the task's own guarantee). Finished jobs are remembered for a
// while so a late status call still learns the outcome.
import crypto from 'node:crypto';
import { ApiError } from '../../common/api/contract';
import type {
  DocumentImportStatus,
  DocumentReanchorReport,
  LibraryDocument,
} from '../../common/api/types';
import { MAX_CONCURRENT_IMPORTS } from '../../common/rules/library';
import { startedImport } from '../../common/api/import-status';
import { ImportError } from '../import/errors';
import type { ImportProgress } from '../import/types';

/** What a task hands the job: a signal to stop at, a place to report progress. */
export interface JobContext {
  signal: AbortSignal;
  progress(progress: ImportProgress): void;
}

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
          state: cancelled ? 'cancelled' : 'failed',
          error: cancelled
            ? { code: 'aborted', message: `${name}: import cancelled` }
            : { code, message },
        });
      }
    })();
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
