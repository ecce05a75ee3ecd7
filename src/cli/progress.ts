/**
 * A one-line progress counter on standard error for long validate runs on a terminal. It never
 * appears in json/sarif output or when output is not a terminal (the caller decides `enabled`).
 */
import type { Io } from './io.js';

/** Show the counter only once a run has taken this long (short runs stay quiet). */
const DELAY_MS = 500;
/** Redraw at most this often. */
const INTERVAL_MS = 100;

/** Progress counter: `update` as documents finish, `clear` before writing other output, `end` at the end. */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;
  private done = 0;

  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  /** Record that `done` documents are finished and redraw when due. */
  update(done: number): void {
    this.done = done;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < DELAY_MS || now - this.lastDraw < INTERVAL_MS) return;
    this.draw(now);
  }

  /** Remove the line (before other output goes to the terminal). */
  clear(): void {
    if (this.shown) this.io.stderr('\r\x1b[K');
  }

  /** Draw the line again after `clear`. */
  redraw(): void {
    if (this.shown) this.draw(Date.now());
  }

  /** Remove the line for good. */
  end(): void {
    this.clear();
    this.shown = false;
  }

  private draw(now: number): void {
    this.lastDraw = now;
    this.shown = true;
    const pct = Math.floor((this.done / this.total) * 100);
    this.io.stderr(`\r\x1b[Kvalidating ${this.done}/${this.total} files (${pct}%)`);
  }
}
