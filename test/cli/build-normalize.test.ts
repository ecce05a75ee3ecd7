/**
 * `vmparams build` and `vmparams normalize` in process (run(argv, io) with a fake Io): JSON and YAML
 * input with positions, --api-version that changes the output, --max-size/--max-depth, and bad
 * input as one line with exit 1, never an internal error. One child-process run checks the real
 * pipe `normalize | build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { cli, ROOT, tempDir } from './helpers.js';
import { readDocument } from '../../src/xml/reader.js';

function io(stdin = '', cwd = ROOT) {
  const o = { out: '', err: '' };
  const fake: Io = {
    stdout: (t) => void (o.out += t),
    stderr: (t) => void (o.err += t),
    readStdin: async () => new TextEncoder().encode(stdin),
    cwd,
    env: {},
    isTTY: false,
  };
  return Object.assign(fake, o, { get result() { return o; } });
}
async function vmparams(args: string[], stdin = '', cwd = ROOT) {
  const f = io(stdin, cwd);
  const status = await run(args, f);
  return { status, ...f.result };
}

const tmp = tempDir();
afterAll(tmp.cleanup);
const file = (name: string, text: string) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
};

const YAML_REQUEST = `# yaml-language-server: $schema=../schemas/request.schema.json
$schema: ../schemas/request.schema.json
kind: ComposeVAppParams
name: web
SourcedItem:
  - Source: { href: "https://vcd.example.com/api/vAppTemplate/vm-1" }
    VmGeneralParams:
      Name: web-01
    ComputePolicy:
      VmSizingPolicy: { href: "https://vcd.example.com/cloudapi/1.0.0/vdcComputePolicies/urn:vcloud:vdcComputePolicy:7" }
`;

describe('vmparams build', () => {
  it('reads YAML (.yaml), and --api-version changes what it writes', async () => {
    const f = file('web.yaml', YAML_REQUEST);
    const at33 = await vmparams(['build', '--api-version', '33.0', f]);
    expect(at33.status).toBe(0);
    expect(at33.out).toContain('<ComputePolicy>');
    const at31 = await vmparams(['build', '--api-version', '31.0', f]);
    expect(at31.status).toBe(0);
    expect(at31.out).toContain('<VdcComputePolicy href=');
    expect(at31.out).not.toBe(at33.out);
    const at15 = await vmparams(['build', '--api-version', '1.5', f]);
    expect(at15.status).toBe(1);
    expect(at15.err).toBe(`${f}:9:5: error version/not-yet-available: /ComposeVAppParams/SourcedItem[0]/ComputePolicy: <ComputePolicy> was introduced in API 33.0; API 1.5 does not have it (remove it, or target API 33.0 or later)\n`);
  });

  it('reads YAML from standard input when it is not JSON, and JSON as JSON', async () => {
    const y = await vmparams(['build', '-'], 'kind: CloneVAppParams\nname: c\nSource: { href: h }\n');
    expect(y.status).toBe(0);
    expect(y.out).toContain('<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="c">');
    const j = await vmparams(['build', '-'], '{"kind": "CloneVAppParams", "Source": {"href": "h"}}');
    expect(j.status).toBe(0);
  });

  it('places a BuildError at the key it names, in YAML and in JSON', async () => {
    const y = await vmparams(['build', file('typo.yml', 'kind: ComposeVAppParams\nSourcedItem:\n  - Source: { href: h }\n    VmGeneralParams:\n      Nmae: x\n')]);
    expect(y.status).toBe(1);
    expect(y.err).toMatch(/typo\.yml:5:7: error build: \/ComposeVAppParams\/SourcedItem\[0\]\/VmGeneralParams: unknown property "Nmae" in VmGeneralParamsType \(did you mean "Name"\?\)/);
    const j = await vmparams(['build', '-'], '{\n  "kind": "CloneVAppParams",\n  "Source": null\n}');
    expect(j.err).toBe('<stdin>:3:3: error build: /CloneVAppParams/Source: null is not a value here; leave the property out instead\n');
  });

  it('refuses what XML cannot hold with exit 1, never exit 2 or broken XML', async () => {
    for (const body of ['{"kind":"ComposeVAppParams","$any":[{"ns":null,"name":"a b"}]}', '{"kind":"ComposeVAppParams","$attrs":{"xmlns":"urn:x"}}', '{"kind":"ComposeVAppParams","$attrs":{"xmlns:a":"urn:x"}}', '{"kind":"ComposeVAppParams","SourcedItem":[null]}', '{"kind":"ComposeVAppParams","name":{"$value":1}}']) {
      const r = await vmparams(['build', '-'], body);
      expect(r.status, body).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^<stdin>:\d+:\d+: error build: .+\n$/);
    }
    const y = await vmparams(['build', '-'], 'kind: [unclosed\n');
    expect(y.err).toMatch(/^<stdin>:2:1: error yaml: not valid YAML: /);
    const dup = await vmparams(['build', '-'], 'kind: CloneVAppParams\nname: a\nname: b\n');
    expect(dup.err).toMatch(/^<stdin>:3:1: error yaml: not valid YAML: Map keys must be unique/);
  });

  it('--max-size and --max-depth', async () => {
    const big = await vmparams(['build', '--max-size', '10', '-'], '{"kind": "CloneVAppParams"}');
    expect(big.status).toBe(1);
    expect(big.err).toBe('<stdin>:0:0: error build: the document is larger than the limit of 10 bytes (raise it with --max-size)\n');
    const nest = (n: number) => JSON.stringify({ kind: 'CloneVAppParams', Source: { href: 'h' }, $any: [JSON.parse('{"ns":null,"name":"a","children":['.repeat(n - 1) + '{"ns":null,"name":"a"}' + ']}'.repeat(n - 1))] });
    const deep = await vmparams(['build', '-'], nest(300));
    expect(deep.status).toBe(1);
    expect(deep.err).toMatch(/nested deeper than the limit of 256 \(raise it with --max-depth/);
    expect((await vmparams(['build', '--max-depth', '400', '-'], nest(300))).status).toBe(0);
    expect((await vmparams(['build', '--max-depth', '0', '-'], '{}')).status).toBe(2);
    expect((await vmparams(['build', '--max-size', 'lots', '-'], '{}')).status).toBe(2);
  });
});

describe('vmparams normalize', () => {
  const xml = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="a">
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-1"/>
    <ComputePolicy>
      <VmSizingPolicy href="https://vcd.example.com/p"/>
    </ComputePolicy>
  </SourcedItem>
</ComposeVAppParams>`;

  it('--api-version gives that version\'s forms, and refuses what it does not have at its place', async () => {
    const f = file('p.xml', xml);
    const at31 = await vmparams(['normalize', '--api-version', '31.0', f]);
    expect(at31.status).toBe(0);
    expect(JSON.parse(at31.out).SourcedItem[0]).toEqual({ Source: { href: 'https://vcd.example.com/api/vAppTemplate/vm-1' }, VdcComputePolicy: { href: 'https://vcd.example.com/p' } });
    const plain = await vmparams(['normalize', f]);
    expect(JSON.parse(plain.out).SourcedItem[0].ComputePolicy).toBeDefined();
    const at5 = await vmparams(['normalize', '--api-version', '5.5', f]);
    expect(at5.status).toBe(1);
    expect(at5.err).toMatch(/p\.xml:4:5: error version\/not-yet-available: .*<ComputePolicy> was introduced in API 33.0/);
  });

  it('--max-size and --max-depth', async () => {
    const f = file('d.xml', `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5"><Source href="h"/><VCloudExtension>${'<x:a xmlns:x="urn:x">'.repeat(300)}${'</x:a>'.repeat(300)}</VCloudExtension></CloneVAppParams>`);
    const deep = await vmparams(['normalize', f]);
    expect(deep.status).toBe(1);
    expect(deep.err).toMatch(/error xml: .*nested more than 256 deep.*--max-depth/);
    const raised = await vmparams(['normalize', '--max-depth', '400', f]);
    expect(raised.status).toBe(0);
    const small = await vmparams(['normalize', '--max-size', '100', f]);
    expect(small.status).toBe(1);
    expect(small.err).toMatch(/larger than the limit of 100 bytes \(raise it with --max-size\)/);
  });

  it('a 50,000-deep extension payload goes through normalize and build (no recursion; --max-depth raised)', async () => {
    const n = 50_000;
    const f = file('deep.xml', `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="d"><Source href="h"/><VCloudExtension>${'<x:a xmlns:x="urn:x">'}${'<x:a>'.repeat(n - 1)}deep${'</x:a>'.repeat(n)}</VCloudExtension></CloneVAppParams>`);
    const norm = await vmparams(['normalize', '--max-depth', '100000', f]);
    expect(norm.err).toBe('');
    expect(norm.status).toBe(0);
    const built = await vmparams(['build', '--max-depth', '100000', '-'], norm.out);
    expect(built.err).toBe('');
    expect(built.status).toBe(0);
    const tree = readDocument(built.out, { maxDepth: 100_000 });
    expect(tree.local(tree.root)).toBe('CloneVAppParams');
    expect(built.out.match(/<x:a[ >]/g)).toHaveLength(n);
    expect(built.out).toContain('deep</x:a></x:a>');
    // Without the raised limit, build refuses it as parse does.
    expect((await vmparams(['build', '-'], norm.out)).err).toMatch(/nested deeper than the limit of 256/);
  });

  it('normalize | build through a real pipe keeps the document (child processes)', () => {
    const f = file('rt.xml', xml);
    const n = cli(['normalize', f]);
    expect(n.status).toBe(0);
    const b = cli(['build', '-'], { input: n.stdout });
    expect(b.status).toBe(0);
    expect(b.stdout).toContain('<VmSizingPolicy href="https://vcd.example.com/p"/>');
  });
});
