/** `vmparams graph` run as a user would (the built CLI in a child process). */
import { chmodSync, existsSync, statSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graph, renderGraph, GRAPH_FORMATS } from '../../src/graph/index.js';
import { run } from '../../src/cli/index.js';
import { cli, PROBLEM_LINE, ROOT, tempDir } from '../cli/helpers.js';
import { fixture } from './expected.js';

const tmp = tempDir();
afterAll(tmp.cleanup);

// One document of each request type (child processes are slow; every fixture is drawn in process by render.test.ts).
const ONE_PER_KIND = [
  'fixtures/valid/instantiate-full-vapp.xml',
  'fixtures/valid/compose-full-vm.xml',
  'fixtures/valid/recompose-add-vm.xml',
  'fixtures/valid/clone-with-overrides.xml',
  'fixtures/valid/ovf-vm-customization.xml',
];

describe('vmparams graph', () => {
  it('prints every format, and every request type, as the library draws it', () => {
    // All four formats of one document, then each request type in one of the formats.
    const runs = [
      ...GRAPH_FORMATS.map((format) => ({ file: ONE_PER_KIND[1]!, format })),
      ...ONE_PER_KIND.map((file, i) => ({ file, format: GRAPH_FORMATS[i % GRAPH_FORMATS.length]! })),
    ];
    for (const { file, format } of runs) {
      const r = cli(['graph', file, '--format', format]);
      expect(r.stderr, `${file} ${format}`).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(renderGraph(graph(fixture(file)), format));
    }
  });

  it('prints a Mermaid flowchart by default', () => {
    const r = cli(['graph', 'fixtures/valid/compose-full-vm.xml']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('flowchart LR');
  });

  it('reads standard input', () => {
    const file = 'fixtures/valid/recompose-delete-vm.xml';
    const r = cli(['graph', '-', '-f', 'json'], { input: fixture(file) });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).deleted.map((d: { name: string }) => d.name)).toEqual(['crm-report01', 'crm-report02']);
  });

  it('writes -o FILE (replacing it whole) and prints nothing', () => {
    const out = join(tmp.dir, 'vapp.svg');
    writeFileSync(out, 'old content that is longer than nothing');
    chmodSync(out, 0o640);
    const r = cli(['graph', 'fixtures/valid/compose-full-vm.xml', '-f', 'svg', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(renderGraph(graph(fixture('fixtures/valid/compose-full-vm.xml')), 'svg'));
    // The file keeps its mode, and no temporary file is left beside it.
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('vapp.svg'))).toEqual(['vapp.svg']);
    // --output is the long form; `-o -` is standard output.
    expect(cli(['graph', 'fixtures/valid/compose-full-vm.xml', '--output', '-']).stdout).toMatch(/^flowchart LR\n/);
  });

  it('exits 2 with one line when -o cannot be written, and leaves the old file', () => {
    const dir = join(tmp.dir, 'out');
    mkdirSync(dir);
    const r = cli(['graph', 'fixtures/valid/compose-full-vm.xml', '-o', join(dir, 'missing', 'x.mmd')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vmparams graph: cannot write .*x\.mmd: no such file or directory; nothing was written\n$/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    // A folder where the file should be: nothing is replaced, nothing is left behind.
    mkdirSync(join(dir, 'taken.svg'));
    const onDir = cli(['graph', 'fixtures/valid/compose-full-vm.xml', '-f', 'svg', '-o', join(dir, 'taken.svg')]);
    expect(onDir.status).toBe(2);
    expect(onDir.stderr).toMatch(/^vmparams graph: cannot write .*taken\.svg: /);
    expect(readdirSync(dir)).toEqual(['taken.svg']);
  });

  it('exits 1 with the usual one-line error for a document it cannot read', () => {
    const bad = cli(['graph', 'fixtures/invalid/not-well-formed.xml']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    const lines = bad.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(PROBLEM_LINE);
    expect(lines[0]).toMatch(/^fixtures\/invalid\/not-well-formed\.xml:\d+:\d+: error xml: /);

    const other = cli(['graph', '-'], { input: '<a/>' });
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/^<stdin>:1:1: error xml: <a> is not a request vmparams knows/);

    const big = cli(['graph', 'fixtures/valid/compose-full-vm.xml', '--max-size', '1k']);
    expect(big.status).toBe(1);
    expect(big.stderr).toMatch(/error xml: the document is \d+ bytes, over the limit of 1024 \(raise it with --max-size\)/);
    const deep = cli(['graph', 'fixtures/valid/compose-full-vm.xml', '--max-depth', '3']);
    expect(deep.status).toBe(1);
    expect(deep.stderr).toMatch(/error xml: elements are nested more than 3 deep \(raise the limit with --max-depth\)\n$/);
  });

  it('exits 2 for a bad flag or a missing file', () => {
    const bad = cli(['graph', 'fixtures/valid/compose-full-vm.xml', '--format', 'png']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe("vmparams graph: --format must be mermaid, dot, svg or json, got 'png'\n");
    const missing = cli(['graph', 'nope.xml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('vmparams graph: nope.xml: no such file or directory\n');
  });

  it('says what is wrong with each bad command line, in one line (in process: run(argv, io))', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['graph', 'fixtures/valid/compose-full-vm.xml', '--colour'], /^vmparams graph: unknown option '--colour' \(see 'vmparams graph --help'\)\n$/],
      [['graph', 'fixtures/valid/compose-full-vm.xml', '-o'], /^vmparams graph: option '--output' needs a value \(see 'vmparams graph --help'\)\n$/],
      [['graph', 'fixtures/valid/compose-full-vm.xml', '--max-size', 'lots'], /^vmparams graph: --max-size must be a size in bytes such as 1048576, 512k, 64M or 1G, got 'lots'\n$/],
      [['graph', 'fixtures/valid/compose-full-vm.xml', '--max-depth', '0'], /^vmparams graph: --max-depth must be a whole number of at least 1, got '0'\n$/],
      [['graph'], /^vmparams graph: give exactly one file or '-'/],
      [['graph', 'fixtures/valid/compose-full-vm.xml', 'fixtures/valid/clone-copy.xml'], /^vmparams graph: give exactly one file or '-'/],
      [['graph', 'fixtures/valid'], /^vmparams graph: fixtures\/valid: is a directory; give a file\n$/],
      [['graph', 'fixtures/valid/compose-full-vm.xml', '-o', ''], /^vmparams graph: -o needs a file name/],
    ];
    for (const [args, message] of cases) {
      const io = { out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: async () => new Uint8Array(), cwd: ROOT, env: {}, isTTY: false };
      expect(await run(args, io), args.join(' ')).toBe(2);
      expect(io.out).toBe('');
      expect(io.err.split('\n')).toHaveLength(2);
      expect(io.err).toMatch(message);
    }
  });

  it('has help, and is listed in the main help', () => {
    const r = cli(['graph', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: vmparams graph <file\.xml\|-> \[options\]/);
    expect(r.stdout).toContain('--format mermaid|dot|svg|json');
    expect(cli(['--help']).stdout).toMatch(/^ {2}graph <file\|->/m);
  });
});
