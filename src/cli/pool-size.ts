/**
 * How many worker threads validate starts: its own module so that `--help` (which quotes the
 * threshold) does not load the validator with the pool (src/cli/pool.ts).
 */
import os from 'node:os';

/** From this many files on, validate uses worker threads by default. */
export const WORKER_THRESHOLD = 200;
/** Documents per worker at least, so that its start-up pays off. */
const FILES_PER_WORKER = 100;

/** How many worker threads to start (besides the main thread) for `files` documents. */
export function workerCount(files: number, jobs?: number): number {
  if (files < 2) return 0;
  if (jobs !== undefined) return Math.max(0, Math.min(jobs - 1, files - 1));
  if (files < WORKER_THRESHOLD) return 0;
  return Math.max(0, Math.min(os.availableParallelism() - 1, Math.floor(files / FILES_PER_WORKER)));
}
