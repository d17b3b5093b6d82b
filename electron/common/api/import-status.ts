// The status of a document import that has just begun — nothing done, no outcome yet.
// The core's job table starts each job from it and the renderer shows it while the
// file's bytes are still on their way to the host, so both start from the same fields.
import type { DocumentImportStatus } from './types';

export interface ImportStart {
  jobId: string;
  /** The file's name. */
  name: string;
  /** 'queued' in the core; 'read' in the renderer while it sends the bytes. */
  phase: string;
  startedAt: string;
}

/** A running import's status before any progress or outcome. */
export function startedImport({
  jobId,
  name,
  phase,
  startedAt,
}: ImportStart): DocumentImportStatus {
  return {
    jobId,
    name,
    state: 'running',
    phase,
    done: 0,
    total: 1,
    startedAt,
    finishedAt: null,
    cancelling: false,
    choice: null,
    document: null,
    replaced: false,
    reanchored: null,
    warnings: [],
    error: null,
  };
}
