/**
 * The README's fmt examples, re-run: every ```console block of the "### fmt" section is replayed in a
 * scratch folder (`cat` with its output creates the file, `cp` and `chmod a-w` do what they say,
 * `vmparams ...` runs in process, `echo $?` prints the last status) and must print what the README
 * shows, standard output and standard error in the order written.
 */
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { ROOT } from './helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n### fmt\n'), readme.indexOf('\n### ', readme.indexOf('\n### fmt\n') + 5));
const blocks = [...section.matchAll(/```console\n([^]*?)```/g)].map((m) => m[1]!);

/** Commands and what the README says they print. */
function steps(block: string): { command: string; output: string }[] {
  const out: { command: string; output: string }[] = [];
  for (const line of block.split('\n').slice(0, -1)) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), output: '' });
    else out[out.length - 1]!.output += line + '\n';
  }
  return out;
}

const scratch = fs.mkdtempSync(path.join(tmpdir(), 'vmparams-readme-fmt-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("README's fmt section", () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('example %i prints what the README shows', async (_i, block) => {
    let last = 0;
    for (const { command, output } of steps(block)) {
      const [name, ...args] = command.split(' ');
      if (name === 'cat') {
        // The first `cat` of a file shows what the example starts from.
        const file = path.join(scratch, args[0]!);
        if (!fs.existsSync(file)) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, output);
        }
        expect(fs.readFileSync(file, 'utf8')).toBe(output);
      } else if (name === 'cp') fs.copyFileSync(path.join(scratch, args[0]!), path.join(scratch, args[1]!));
      else if (name === 'chmod' && args[0] === 'a-w') fs.chmodSync(path.join(scratch, args[1]!), 0o444);
      else if (name === 'echo' && args[0] === '$?') expect(`${last}\n`).toBe(output);
      else if (name === 'vmparams') {
        let transcript = '';
        const io: Io = {
          stdout: (t) => void (transcript += t),
          stderr: (t) => void (transcript += t),
          readStdin: async () => new Uint8Array(),
          cwd: scratch,
          env: {},
          isTTY: false,
        };
        last = await run(args, io);
        expect(transcript, command).toBe(output);
      } else throw new Error(`the README test does not know how to run: ${command}`);
    }
  });
});
