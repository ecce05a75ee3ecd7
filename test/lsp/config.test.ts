/**
 * The language server checks a document as `vmparams validate` run in its folder would: the
 * nearest vmparams.config.json from there upward applies (rule levels, API version), a broken one
 * is shown on the document, and an edited one counts at the next check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../cli/helpers.js';
import { fileUri, LspClient, range } from './client.js';

// A relative href (reference/href, a warning) and a VM named only through Source/@name
// (deprecated/source-name-rename, a warning).
const DOC = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="web" deploy="false" powerOn="false">
  <SourcedItem>
    <Source href="vm-1"/>
  </SourcedItem>
</ComposeVAppParams>
`;

const tmp = tempDir();
const project = join(tmp.dir, 'project');
const nested = join(project, 'requests', 'web');
const elsewhere = join(tmp.dir, 'elsewhere');
let client: LspClient;

beforeAll(async () => {
  mkdirSync(nested, { recursive: true });
  mkdirSync(elsewhere, { recursive: true });
  writeFileSync(join(project, 'vmparams.config.json'), JSON.stringify({ rules: { 'reference/href': 'off' } }));
  client = new LspClient({ cwd: elsewhere });
  await client.initialize({ watchFiles: true });
});
afterAll(() => {
  client.kill();
  tmp.cleanup();
});

const codes = (ds: { code?: number | string }[]) => ds.map((d) => d.code);

describe('the config file of the document folder', () => {
  it('turns a rule off for documents below it (found upward), and only there', async () => {
    expect(codes(await client.open(fileUri(join(elsewhere, 'web.xml')), DOC))).toEqual(['reference/href']);
    expect(codes(await client.open(fileUri(join(nested, 'web.xml')), DOC))).toEqual([]);
  });

  it('counts an edited config file at the next check', async () => {
    writeFileSync(join(project, 'vmparams.config.json'), JSON.stringify({ rules: { 'reference/href': 'error' } }));
    const uri = fileUri(join(nested, 'web.xml'));
    const at = DOC.indexOf('"web"') + 1;
    const ds = await client.change(uri, [{ range: range(0, at, 0, at + 3), text: 'api' }]);
    expect(codes(ds)).toEqual(['reference/href']);
    expect(ds[0].severity).toBe(1);
  });

  it('checks the open documents again when the editor reports a changed config file', async () => {
    // The watcher is registered by the server at start-up; 2 = FileChangeType.Changed.
    expect(client.registrations.map((r) => r.method)).toEqual(['workspace/didChangeWatchedFiles']);
    const uri = fileUri(join(nested, 'web.xml'));
    const config = join(project, 'vmparams.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'reference/href': 'off' } }));
    const next = client.nextDiagnostics(uri);
    await client.filesChanged([{ uri: fileUri(config), type: 2 }]);
    expect(codes((await next).diagnostics)).toEqual([]);
  });

  it('shows a config file it cannot use on the document, and checks with the defaults', async () => {
    writeFileSync(join(project, 'vmparams.config.json'), '{ "rules": { "reference/hreff": "off" } }');
    const uri = fileUri(join(project, 'broken.xml'));
    const ds = await client.open(uri, DOC);
    expect(codes(ds)).toEqual(['config', 'reference/href']);
    expect(ds[0].message).toMatch(/vmparams\.config\.json/);
    expect(ds[0].message).toMatch(/reference\/hreff/);
    expect(ds[0].range).toEqual(range(0, 0, 0, 0));
  });
});
