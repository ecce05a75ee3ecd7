/** `vmparams xsd` (src/cli/commands/xsd.ts) in process: exit statuses, text and JSON, schema errors, both engines. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmparams-xsd-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const w = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
w('s.xsd', `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="inc.xsd"/><xs:element name="r"><xs:complexType><xs:sequence><xs:element name="n" type="N"/></xs:sequence></xs:complexType></xs:element></xs:schema>`);
w('inc.xsd', `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:simpleType name="N"><xs:restriction base="xs:int"/></xs:simpleType></xs:schema>`);
w('broken.xsd', `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:element name="r" type="Missing"/></xs:schema>`);
w('lost.xsd', `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<xs:include schemaLocation="gone.xsd"/>\n<xs:element name="r"/></xs:schema>`);
w('ok.xml', '<r><n>1</n></r>');
w('bad.xml', '<r>\n  <n>one</n>\n</r>');

async function xsd(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(['xsd', ...args], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => new TextEncoder().encode('<r><n>2</n></r>'), cwd: dir, env: {}, isTTY: false });
  return { status, stdout, stderr };
}

describe('vmparams xsd', () => {
  it('exit 0 for valid documents, 1 with file:line:column problems otherwise', async () => {
    expect(await xsd('ok.xml', '-', '--schema', 's.xsd')).toMatchObject({ status: 0, stderr: '' });
    const r = await xsd('ok.xml', 'bad.xml', '--schema', 's.xsd');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("bad.xml:2:3: error xsd: <n> contains 'one', which is not a valid int (xs:int); use a whole number between -2147483648 and 2147483647\n");
  });
  it('--format json prints the validate JSON object', async () => {
    const r = await xsd('bad.xml', '--schema', 's.xsd', '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(j.files[0]).toMatchObject({ file: 'bad.xml', valid: false, problems: [{ rule: 'xsd', line: 2, column: 3, messageId: 'xsd/invalid-element-value' }] });
    expect(j.summary).toEqual({ files: 1, valid: 0, errors: 1, warnings: 0 });
  });
  it('a broken schema is one line on stderr and exit 2', async () => {
    const r = await xsd('ok.xml', '--schema', 'broken.xsd');
    expect(r).toMatchObject({ status: 2, stdout: '', stderr: 'schema error: broken.xsd:2: type Missing is not defined\n' });
    expect((await xsd('ok.xml', '--schema', 'nope.xsd')).stderr).toBe('vmparams xsd: --schema nope.xsd: no such file or directory\n');
    expect((await xsd('ok.xml')).status).toBe(2);
  });
  it('an include it cannot read is a warning on stderr (the spec skips it; xmllint refuses the schema)', async () => {
    const r = await xsd('ok.xml', '--schema', 'lost.xsd');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('warning: lost.xsd:2: xs:include schemaLocation="gone.xsd" cannot be read locally (nothing is fetched from the network); validating without its definitions\n');
    expect((await xsd('ok.xml', '--schema', 's.xsd')).stderr).toBe('');
  });
  it('--engine libxml2 gives the same verdicts', async () => {
    expect((await xsd('ok.xml', '--schema', 's.xsd', '--engine', 'libxml2')).status).toBe(0);
    expect((await xsd('bad.xml', '--schema', 's.xsd', '--engine', 'libxml2')).status).toBe(1);
    expect((await xsd('ok.xml', '--schema', 'broken.xsd', '--engine', 'libxml2')).status).toBe(2);
  });
});
