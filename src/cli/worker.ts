/**
 * Worker thread entry for `vmparams validate` over many files (pool.ts). Each worker compiles the
 * schema once (libxml2-wasm state is per thread) and validates the batches the main thread sends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateTask, type Task } from './engine.js';
import type { Report, ValidateSettings } from './lib.js';

/** Main thread -> worker: validate these. */
export interface BatchMessage {
  tasks: Task[];
}

/** Worker -> main thread: the reports of one batch, or why it could not be done. */
export type WorkerReply =
  | { type: 'results'; results: { index: number; report: Report }[] }
  | { type: 'error'; name: string; message: string };

const settings = workerData as ValidateSettings;
const port = parentPort;

async function handle(tasks: Task[]): Promise<void> {
  const results: { index: number; report: Report }[] = [];
  try {
    for (const task of tasks) results.push({ index: task.index, report: await validateTask(task, settings) });
    port!.postMessage({ type: 'results', results } satisfies WorkerReply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port!.postMessage({ type: 'error', name: err.name, message: err.message } satisfies WorkerReply);
  }
}

port?.on('message', (msg: BatchMessage) => void handle(msg.tasks));
