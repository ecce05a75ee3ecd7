/** `vcd send` in process: task progress is drawn on stderr only when stderr is a terminal, and erased at the end. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVcd } from '../../src/cli/commands/vcd.js';
import type { Io } from '../../src/cli/io.js';
import { FakeVcd, USERS } from './fake-vcd.js';

const ROOT = join(import.meta.dirname, '../..');

function io(stderrIsTTY: boolean, name: string): Io & { out: string; err: string } {
  const doc = readFileSync(join(ROOT, 'fixtures/valid/instantiate-minimal.xml'), 'utf8').replace(/(<InstantiateVAppTemplateParams\b[^>]*?\sname=")[^"]*"/, `$1${name}"`);
  const x = {
    out: '',
    err: '',
    stdout: (t: string) => void (x.out += t),
    stderr: (t: string) => void (x.err += t),
    readStdin: async () => new TextEncoder().encode(doc),
    cwd: ROOT,
    env: { VMPARAMS_VCD_PASSWORD: USERS['alice@acme'] },
    isTTY: false,
    stderrIsTTY,
  };
  return x;
}

describe('task progress', () => {
  const vcd = new FakeVcd();
  beforeAll(() => vcd.start());
  afterAll(() => vcd.stop());
  const args = () => ['send', '-', '--server', vcd.url, '--org', 'acme', '--user', 'alice', '--to', `${vcd.url}/api/vdc/${vcd.vdc.id}`];

  it('on a terminal: one line redrawn in place with the operation, status and percent, then erased', async () => {
    const t = io(true, 'progress-tty');
    expect(await runVcd(args(), t)).toBe(0);
    const frames = t.err.split('\r\x1b[K').filter((f) => f && !f.startsWith('warning'));
    expect(frames).toEqual([
      expect.stringMatching(/^Creating Virtual Application progress-tty\(vapp-[0-9a-f-]+\): queued$/),
      expect.stringMatching(/: running 33%$/),
      expect.stringMatching(/: running 67%$/),
      expect.stringMatching(/: success 100%$/),
    ]);
    expect(t.err.endsWith('\r\x1b[K')).toBe(true); // erased before the result
    expect(t.out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/vApp\/vapp-[0-9a-f-]+\n$/);
  });

  it('not a terminal: quiet', async () => {
    const t = io(false, 'progress-pipe');
    expect(await runVcd(args(), t)).toBe(0);
    expect(t.err).toBe('warning: vcd send: sending the password over plain http\n');
  });
});
