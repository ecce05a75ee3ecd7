/** The progress counter: quiet for short runs and when disabled, one self-erasing line otherwise. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { Progress } from '../../src/cli/progress.js';

function io(): Io & { err: string } {
  const o = {
    err: '',
    stdout: () => {},
    stderr: (t: string) => void (o.err += t),
    readStdin: async () => new Uint8Array(),
    cwd: '/',
    env: {},
    isTTY: true,
  };
  return o;
}

describe('Progress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stays quiet during the first half second', () => {
    const out = io();
    const p = new Progress(out, 10, true);
    vi.advanceTimersByTime(400);
    p.update(3);
    p.end();
    expect(out.err).toBe('');
  });

  it('draws done/total after that, and erases itself at the end', () => {
    const out = io();
    const p = new Progress(out, 200, true);
    vi.advanceTimersByTime(600);
    p.update(50);
    expect(out.err).toBe('\r\x1b[Kvalidating 50/200 files (25%)');
    // Redraws are throttled.
    p.update(51);
    expect(out.err).toBe('\r\x1b[Kvalidating 50/200 files (25%)');
    vi.advanceTimersByTime(150);
    p.update(120);
    expect(out.err.endsWith('\r\x1b[Kvalidating 120/200 files (60%)')).toBe(true);
    p.end();
    expect(out.err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing when disabled (json, sarif, not a terminal)', () => {
    const out = io();
    const p = new Progress(out, 200, false);
    vi.advanceTimersByTime(5000);
    p.update(100);
    p.clear();
    p.redraw();
    p.end();
    expect(out.err).toBe('');
  });
});
