/**
 * Validating many documents: on the main thread for a few, with worker threads helping for many.
 * A worker costs about half a second to become useful (loading the library, compiling the schema;
 * measured on a 2-core machine, where the main thread validates a request in about 3 ms), so workers
 * are started only from WORKER_THRESHOLD files on, or when `--jobs N` asks. The main thread keeps
 * validating while they start. Results are delivered per document and returned in input order.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { validateTask, type Task } from './engine.js';
import { workerCount } from './pool-size.js';
import { UsageError } from './errors.js';
import type { Report, ValidateSettings } from './lib.js';
import type { BatchMessage, WorkerReply } from './worker.js';


/** Options for validateAll. */
export interface PoolOptions {
  /** Threads that validate: undefined = automatic, 1 = the main thread only, N = main + N-1 workers. */
  jobs?: number;
  /** Called once per document as soon as its report is ready (in completion order). */
  onResult?: (index: number, report: Report) => void;
}

/** The worker script: the bundled one when the CLI runs as its bundle (scripts/bundle-cli.mjs; it starts in a fraction of the time), else the compiled module. */
const workerUrl = ((bundled) => (fs.existsSync(fileURLToPath(bundled)) ? bundled : new URL('./worker.js', import.meta.url)))(new URL('./vmparams-worker.js', import.meta.url));

/** Worker threads need the compiled worker.js next to this module (not there when run from .ts sources). */
function workerScriptExists(): boolean {
  try {
    return fs.existsSync(fileURLToPath(workerUrl));
  } catch {
    return false;
  }
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
  // The first document on the main thread before anything else: a bad --schema-dir or --context
  // fails here once, not once per worker.
  done(tasks[0]!.index, await validateTask(tasks[0]!, settings));
  const workers = Array.from({ length: count }, () => new Worker(workerUrl, { workerData: settings }));
  try {
    await share(workers, tasks.slice(1), settings, done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}

/** Hand out the queue in batches to the workers and to the main thread until it is empty. */
function share(workers: Worker[], queue: Task[], settings: ValidateSettings, done: (index: number, report: Report) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let pending = queue.length;
    let failed = false;
    const threads = workers.length + 1;
    // Batches shrink as the queue drains so that the threads finish at about the same time.
    const take = (max: number) => {
      const size = Math.max(1, Math.min(max, Math.ceil((queue.length - next) / (threads * 4))));
      const batch = queue.slice(next, next + size);
      next += batch.length;
      return batch;
    };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    const finish = (index: number, report: Report) => {
      done(index, report);
      if (--pending === 0 && !failed) resolve();
    };
    const feed = (w: Worker) => {
      const tasks = take(32);
      if (tasks.length > 0) w.postMessage({ tasks } satisfies BatchMessage);
    };
    for (const w of workers) {
      w.on('message', (msg: WorkerReply) => {
        if (failed) return;
        if (msg.type === 'error') {
          fail(msg.name === 'UsageError' ? new UsageError(msg.message) : Object.assign(new Error(msg.message), { name: msg.name }));
          return;
        }
        for (const r of msg.results) finish(r.index, r.report);
        feed(w);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && pending > 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
    if (pending === 0) {
      resolve();
      return;
    }
    for (const w of workers) feed(w);
    // The main thread takes small batches and yields between them, so worker replies are handled promptly.
    const mainLoop = async () => {
      while (!failed && next < queue.length) {
        for (const task of take(4)) finish(task.index, await validateTask(task, settings));
        await new Promise((r) => setImmediate(r));
      }
    };
    mainLoop().catch((e: unknown) => fail(e instanceof Error ? e : new Error(String(e))));
  });
}
