// Import jobs off the request path: the start answers at once, a status call can wait
// for the next change (and no longer than asked), cancel turns a job 'cancelled', at
// most MAX_CONCURRENT_IMPORTS run, and a task's error becomes one line with its code.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../common/api/contract';
import type { LibraryDocument } from '../../common/api/types';
import { ImportError } from '../import/errors';
import { ImportJobs, type JobContext } from './jobs';

const now = () => '2026-01-01T00:00:00.000Z';
const doc = { id: 'doc-1', title: 't' } as LibraryDocument;

/** A task that waits for `release` (or the signal), reporting one page of progress first. */
function controlled() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const task = async ({ signal, progress }: JobContext) => {
    progress({ phase: 'pages', done: 1, total: 3 });
    await Promise.race([
      gate,
      new Promise<void>((_, reject) =>
        signal.addEventListener('abort', () =>
          reject(new ImportError('aborted', 'x: import cancelled')),
        ),
      ),
    ]);
    return { document: doc, replaced: false, reanchored: null, warnings: ['w'] };
  };
  return { task, release };
}

describe('ImportJobs', () => {
  it('answers at once, reports progress, wakes a waiting status call, and ends done', async () => {
    const jobs = new ImportJobs(now);
    const { task, release } = controlled();
    const started = jobs.start('a.pdf', task);
    expect(started).toMatchObject({ state: 'running', phase: 'queued', name: 'a.pdf' });
    const progressed = await jobs.status(started.jobId, 5000);
    expect(progressed).toMatchObject({ phase: 'pages', done: 1, total: 3 });
    const waiting = jobs.status(started.jobId, 5000);
    release();
    expect(await waiting).toMatchObject({ state: 'done', document: doc, warnings: ['w'] });
  });

  it('stops at a question until the reader answers; a cancel meanwhile ends it cancelled', async () => {
    const jobs = new ImportJobs(now);
    const choice = { documentId: 'doc-1', title: 't', edition: 1, notes: 2, removed: false };
    const answers: string[] = [];
    const task = async ({ ask, progress }: JobContext) => {
      progress({ phase: 'write', done: 0, total: 1 });
      answers.push(await ask(choice));
      return { document: doc, replaced: true, reanchored: null, warnings: [] };
    };
    const a = jobs.start('a.txt', task);
    let status = await jobs.status(a.jobId, 5000);
    while (status.phase !== 'choose') status = await jobs.status(a.jobId, 5000);
    expect(status).toMatchObject({ state: 'running', choice });
    expect(jobs.choose(a.jobId, 'edition')).toMatchObject({ phase: 'write', choice: null });
    await jobs.settled(a.jobId);
    expect(answers).toEqual(['edition']);
    expect(await jobs.status(a.jobId)).toMatchObject({ state: 'done', choice: null });
    expect(() => jobs.choose(a.jobId, 'document')).toThrow(ApiError);

    const b = jobs.start('b.txt', task);
    while ((await jobs.status(b.jobId, 5000)).phase !== 'choose');
    jobs.cancel(b.jobId);
    await jobs.settled(b.jobId);
    expect(await jobs.status(b.jobId)).toMatchObject({ state: 'cancelled', choice: null });
    expect(answers).toEqual(['edition']);
  });

  it('a status call waits no longer than asked', async () => {
    const jobs = new ImportJobs(now);
    const { task, release } = controlled();
    const { jobId } = jobs.start('a.pdf', task);
    await jobs.status(jobId, 1000);
    const t0 = Date.now();
    expect((await jobs.status(jobId, 50)).state).toBe('running');
    expect(Date.now() - t0).toBeLessThan(1000);
    release();
    await jobs.settled(jobId);
  });

  it('cancel turns the job cancelled with one line', async () => {
    const jobs = new ImportJobs(now);
    const { task } = controlled();
    const { jobId } = jobs.start('a.pdf', task);
    expect(jobs.cancel(jobId).cancelling).toBe(true);
    await jobs.settled(jobId);
    expect(await jobs.status(jobId)).toMatchObject({
      state: 'cancelled',
      error: { code: 'aborted', message: 'a.pdf: import cancelled' },
    });
  });

  it('refuses a third import while two run, and unknown jobs', async () => {
    const jobs = new ImportJobs(now);
    const a = controlled();
    const b = controlled();
    const first = jobs.start('a.pdf', a.task);
    const second = jobs.start('b.pdf', b.task);
    expect(() => jobs.start('c.pdf', controlled().task)).toThrow(ApiError);
    a.release();
    b.release();
    await jobs.settled(first.jobId);
    await jobs.settled(second.jobId);
    expect(
      jobs.start('c.pdf', async () => ({
        document: doc,
        replaced: false,
        reanchored: null,
        warnings: [],
      })).state,
    ).toBe('running');
    await expect(jobs.status('job-nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it("a task's failure keeps its code and first line", async () => {
    const jobs = new ImportJobs(now);
    const { jobId } = jobs.start('bad.pdf', async () => {
      throw new ImportError('encrypted', 'bad.pdf: encrypted PDF\nmore');
    });
    await jobs.settled(jobId);
    expect((await jobs.status(jobId)).error).toEqual({
      code: 'encrypted',
      message: 'bad.pdf: encrypted PDF more',
    });
  });
});
