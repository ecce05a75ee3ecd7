/**
 * Following a Task (vcd-api-facts.md §5): `GET` its href until the status is final (`success`,
 * `error`, `aborted`, `canceled`). go-vcloud-director polls every 3 s, pyvcloud every 5 s; we start
 * faster (most vApp tasks of a small request end within seconds) and back off to 5 s. A status the
 * API does not list (`postRunning`, a future one) counts as running, up to the deadline.
 */
import { FINAL_STATUSES, readTask, type TaskInfo } from './actions.js';
import { VcdError } from './errors.js';
import { readAnswer } from './xml.js';

/** Reads a URL on the server (the client's authenticated GET). */
export type Getter = (href: string) => Promise<{ status: number; body: string }>;

/** Options of followTask. */
export interface FollowOptions {
  /** Called after each poll with the task as it stands. */
  onProgress?: (task: TaskInfo) => void;
  /** First pause between polls in ms (default 500); it grows by half each time, up to maxIntervalMs. */
  intervalMs?: number;
  /** Longest pause between polls (default 5000). */
  maxIntervalMs?: number;
  /** Give up after this many ms (default 1 hour); the task goes on on the server. */
  deadlineMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll `task` until it ends; resolves with its final state (success or not). Throws VcdError for a read that fails or the deadline. */
export async function followTask(get: Getter, task: TaskInfo, opts: FollowOptions = {}): Promise<TaskInfo> {
  const started = Date.now();
  const deadline = opts.deadlineMs ?? 3_600_000;
  let pause = opts.intervalMs ?? 500;
  let current = task;
  opts.onProgress?.(current);
  while (!FINAL_STATUSES.has(current.status)) {
    if (Date.now() - started > deadline) {
      throw new VcdError('timeout', `task ${current.href} is still ${current.status} after ${Math.round(deadline / 1000)} s; it goes on on the server`, { task: current.href });
    }
    await sleep(pause);
    pause = Math.min(Math.round(pause * 1.5), opts.maxIntervalMs ?? 5_000);
    const res = await get(current.href);
    if (res.status !== 200) {
      throw new VcdError('protocol', `GET ${current.href}: HTTP ${res.status} while following the task`, { status: res.status, task: current.href });
    }
    const root = readAnswer(res.body);
    if (!root || root.name !== 'Task') throw new VcdError('protocol', `GET ${current.href}: the answer is not a Task`, { task: current.href });
    const next = readTask(root);
    current = { ...next, href: next.href || current.href, ...(next.owner || !current.owner ? {} : { owner: current.owner }) };
    opts.onProgress?.(current);
  }
  return current;
}
