/**
 * Validating many documents: on the main thread for a few, with worker threads for many. Workers
 * cost about 100 ms each to start (and each compiles the schema), so they are used only from
 * WORKER_THRESHOLD files on, or when `--jobs N` asks. Results come back in input order.
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { validateTask, type Task } from './engine.js';
import { UsageError } from './errors.js';
import type { Report, ValidateSettings } from './lib.js';
import type { BatchMessage, WorkerReply } from './worker.js';

/** From this many files on, validate uses worker threads by default. */
export const WORKER_THRESHOLD = 64;

/** Options for validateAll. */
export interface PoolOptions {
  /** Worker threads: undefined = automatic, 1 = none (main thread only), N = N workers. */
  jobs?: number;
  /** Called once per document as soon as its report is ready (in completion order). */
  onResult?: (index: number, report: Report) => void;
}

const workerUrl = new URL('./worker.js', import.meta.url);

/** Worker threads need the compiled worker.js next to this module (not there when run from .ts sources). */
function workerScriptExists(): boolean {
  try {
    return fs.existsSync(fileURLToPath(workerUrl));
  } catch {
    return false;
  }
}

/** How many worker threads to start for `files` documents. */
export function workerCount(files: number, jobs?: number): number {
  if (files < 2) return 0;
  if (jobs !== undefined) return jobs <= 1 ? 0 : Math.min(jobs, files - 1);
  if (files < WORKER_THRESHOLD) return 0;
  const cores = os.availableParallelism();
  if (cores < 2) return 0;
  // About 32 documents per worker at least, so a worker's start-up is worth it.
  return Math.min(cores, Math.ceil(files / 32));
}

/** Validate every task; reports are returned in task order. Rejects when the command cannot run. */
export async function validateAll(tasks: Task[], settings: ValidateSettings, opts: PoolOptions = {}): Promise<Report[]> {
  const reports: Report[] = new Array(tasks.length);
  const done = (index: number, report: Report) => {
    reports[index] = report;
    opts.onResult?.(index, report);
  };
  const count = workerScriptExists() ? workerCount(tasks.length, opts.jobs) : 0;
  if (count === 0) {
    for (const task of tasks) done(task.index, await validateTask(task, settings));
    return reports;
  }
  const workers = Array.from({ length: count }, () => new Worker(workerUrl, { workerData: settings }));
  try {
    // The first document on the main thread while the workers start: a bad --schema-dir or
    // --context fails here once, instead of once per worker.
    done(tasks[0]!.index, await validateTask(tasks[0]!, settings));
    await runOnWorkers(workers, tasks.slice(1), done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}

function runOnWorkers(workers: Worker[], queue: Task[], done: (index: number, report: Report) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let busy = 0;
    let failed = false;
    // Batches shrink as the queue drains so that the workers finish at about the same time.
    const batchSize = () => Math.max(1, Math.min(32, Math.ceil((queue.length - next) / (workers.length * 4))));
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    const feed = (w: Worker) => {
      if (next >= queue.length) {
        if (busy === 0) resolve();
        return;
      }
      const tasks = queue.slice(next, next + batchSize());
      next += tasks.length;
      busy++;
      w.postMessage({ tasks } satisfies BatchMessage);
    };
    for (const w of workers) {
      w.on('message', (msg: WorkerReply) => {
        if (failed) return;
        if (msg.type === 'error') {
          fail(msg.name === 'UsageError' ? new UsageError(msg.message) : Object.assign(new Error(msg.message), { name: msg.name }));
          return;
        }
        busy--;
        for (const r of msg.results) done(r.index, r.report);
        feed(w);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && (next < queue.length || busy > 0)) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
    if (queue.length === 0) resolve();
    else for (const w of workers) feed(w);
  });
}
