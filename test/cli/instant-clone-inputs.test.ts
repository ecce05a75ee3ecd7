/** `instant-clone validate` over folders (walking *.json, skipping JSON that is not a spec) with positions from the JSON text. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import { fakeIo } from './fake-io.js';
import { tempDir, type JsonOutput } from './helpers.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

const SPEC = `{
  "source": "vm-42",
  "name": "ic-web-01",
  "nics_to_update": {
    "4000": {
      "backing": { "type": "DISTRIBUTED_PORTGROUP" },
      "mac_type": "MANUAL"
    }
  },
  "bios_uuid": "not-a-uuid"
}
`;

describe('instant-clone validate <dir>', () => {
  const dir = join(tmp.dir, 'specs');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'web.json'), SPEC);
  writeFileSync(join(dir, 'sub/rest.json'), JSON.stringify({ spec: { source: 'vm-1', name: 'a' } }));
  writeFileSync(join(dir, 'sub/partial.json'), JSON.stringify({ placement: { folder: 'group-v4' } }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'templates', private: true }));
  writeFileSync(join(dir, 'golden.json'), '[]');
  writeFileSync(join(dir, 'notes.txt'), 'x');

  it('walks *.json, skips JSON that is not a spec, and places each problem at its JSON position', async () => {
    const io = fakeIo({ cwd: tmp.dir });
    expect(await run(['instant-clone', 'validate', '--format', 'json', 'specs'], io)).toBe(1);
    const out = JSON.parse(io.out) as JsonOutput & { skipped: { file: string; reason: string }[]; summary: { skipped: number } };
    expect(out.files.map((f) => f.file)).toEqual(['specs/sub/partial.json', 'specs/sub/rest.json', 'specs/web.json']);
    expect(out.skipped.map((s) => s.file)).toEqual(['specs/golden.json', 'specs/package.json']);
    expect(out.summary.skipped).toBe(2);
    const web = out.files[2]!.problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.path}`);
    expect(web).toEqual([
      // A missing field is reported where its object is written.
      '5:5 instant-clone/mac-address-required /nics_to_update/4000/mac_address',
      '6:7 instant-clone/backing-field-missing /nics_to_update/4000/backing/network',
      '10:3 instant-clone/bios-uuid-format /bios_uuid',
    ]);
    expect(out.files[0]!.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['1:1 instant-clone/required', '1:1 instant-clone/required']);
  });

  it('still checks a file named on the command line, spec or not', async () => {
    const io = fakeIo({ cwd: dir });
    expect(await run(['instant-clone', 'validate', 'package.json'], io)).toBe(1);
    expect(io.out).toMatch(/^package\.json:1:1: error instant-clone\/required: source is required/m);
  });

  it('text output says how many files were skipped', async () => {
    const io = fakeIo({ cwd: tmp.dir });
    await run(['instant-clone', 'validate', 'specs'], io);
    expect(io.out.trimEnd().split('\n').at(-1)).toMatch(/; 2 files skipped \(not instant-clone specs; --format json lists them\)$/);
  });
});
