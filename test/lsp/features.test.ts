/**
 * Completion, hover, formatting, code actions and the graph command of `vmparams lsp`, over stdio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSync } from '../../src/validate/index.js';
import { cli, ROOT } from '../cli/helpers.js';
import { applyEdits, fileUri, LspClient, range } from './client.js';

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" name="web" deploy="false" powerOn="false">
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vAppTemplate/vm-1"/>
    ${''}
    <InstantiationParams>
      ${''}
    </InstantiationParams>
  </SourcedItem>
  <SourcedItem>
    ${''}
  </SourcedItem>
</ComposeVAppParams>
`;
const URI = fileUri('/tmp/vmparams-lsp-features/web.xml');

let client: LspClient;
beforeAll(async () => {
  client = new LspClient();
  await client.initialize();
  await client.open(URI, DOC);
});
afterAll(() => client.kill());

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('completion', () => {
  it('offers the children the schema allows between two siblings, in schema order', async () => {
    // Line 4: after <Source>, before <InstantiationParams>.
    const items = await client.completion(URI, { line: 4, character: 0 });
    // InstantiationParams is the next sibling and occurs once: not offered again.
    expect(labels(items)).toEqual(['VmGeneralParams', 'VAppScopedLocalId']);
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    expect(labels(sorted)).toEqual(labels(items));
  });

  it('stops at the first required child that is still missing', async () => {
    // Line 10: an empty SourcedItem: extensions may come first, then Source is required.
    const items = await client.completion(URI, { line: 10, character: 4 });
    expect(labels(items)).toEqual(['VCloudExtension', 'Source']);
  });

  it('offers every section inside InstantiationParams, with the prefix in scope and documentation', async () => {
    const items = await client.completion(URI, { line: 6, character: 6 });
    expect(labels(items)).toEqual([
      'VCloudExtension',
      'LeaseSettingsSection',
      'NetworkConfigSection',
      'ovf:StartupSection',
      'ovf:ProductSection',
      'DefaultStorageProfileSection',
      'ovf:VirtualHardwareSection',
      'ovf:OperatingSystemSection',
      'NetworkConnectionSection',
      'GuestCustomizationSection',
    ]);
    const nics = items.find((i) => i.label === 'NetworkConnectionSection')!;
    const doc = nics.documentation as { kind: string; value: string };
    expect(doc.kind).toBe('markdown');
    expect(doc.value).toContain('NetworkConnectionSection_Type');
    expect(doc.value).toMatch(/NIC/);
    expect(nics.textEdit).toMatchObject({ range: range(6, 6, 6, 6), newText: '<NetworkConnectionSection></NetworkConnectionSection>' });
  });

  it('completes a name being typed (the text is not well-formed then) and replaces it', async () => {
    // Type `<Net` on line 6 (inside InstantiationParams).
    await client.change(URI, [{ range: range(6, 6, 6, 6), text: '<Net' }]);
    const items = await client.completion(URI, { line: 6, character: 10 });
    expect(labels(items)).toContain('NetworkConnectionSection');
    const item = items.find((i) => i.label === 'NetworkConfigSection')!;
    expect(item.filterText).toBe('<NetworkConfigSection');
    expect(item.textEdit).toMatchObject({ range: range(6, 6, 6, 10) });
    await client.change(URI, [{ range: range(6, 6, 6, 10), text: '' }]);
  });

  it('declares a namespace the document does not declare yet', async () => {
    // The declaration goes before the root start tag's '>' (column 81).
    const uri = fileUri('/tmp/vmparams-lsp-features/no-ovf.xml');
    const text = `<InstantiateVAppTemplateParams xmlns="http://www.vmware.com/vcloud/v1.5" name="x">
  <InstantiationParams>

  </InstantiationParams>
  <Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"/>
</InstantiateVAppTemplateParams>
`;
    await client.open(uri, text);
    const items = await client.completion(uri, { line: 2, character: 4 });
    const startup = items.find((i) => i.label === 'ovf:StartupSection')!;
    expect(startup.additionalTextEdits).toEqual([{ range: range(0, 81, 0, 81), newText: ' xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"' }]);
  });

  it('offers nothing inside a start tag, a leaf value or outside the root', async () => {
    expect(await client.completion(URI, { line: 3, character: 12 })).toEqual([]);
    expect(await client.completion(URI, { line: 0, character: 5 })).toEqual([]);
    expect(await client.completion(URI, { line: 13, character: 0 })).toEqual([]);
  });
});

describe('hover', () => {
  it('explains an element: what it is, its type, the version that introduced it', async () => {
    const h = await client.hover(URI, { line: 2, character: 5 });
    const value = (h!.contents as { value: string }).value;
    expect(value).toContain('**SourcedItem**');
    expect(value).toContain('SourcedCompositionItemParamType');
    expect(value).toContain('optional, repeatable');
    expect(value).toMatch(/VM/);
    expect(h!.range).toEqual(range(2, 3, 2, 14));
    // The end tag's name too.
    const end = await client.hover(URI, { line: 8, character: 6 });
    expect((end!.contents as { value: string }).value).toContain('**SourcedItem**');
  });

  it('gives the API version where the descriptions have one', async () => {
    const h = await client.hover(URI, { line: 5, character: 8 });
    expect((h!.contents as { value: string }).value).toContain('InstantiationParamsType');
    const root = await client.hover(URI, { line: 1, character: 3 });
    expect((root!.contents as { value: string }).value).toContain('composeVApp');
  });

  it('explains an attribute: type, use, default', async () => {
    const h = await client.hover(URI, { line: 1, character: DOC.split('\n')[1].indexOf(' deploy=') + 3 });
    const value = (h!.contents as { value: string }).value;
    expect(value).toContain('**@deploy**');
    expect(value).toContain('xs:boolean');
    expect(value).toContain('default `true`');
    const href = await client.hover(URI, { line: 3, character: 13 });
    expect((href!.contents as { value: string }).value).toMatch(/\*\*@href\*\*[\s\S]*`xs:anyURI` · required/);
  });

  it('says nothing between names', async () => {
    expect(await client.hover(URI, { line: 4, character: 0 })).toBeNull();
  });
});

describe('formatting and code actions', () => {
  const file = join(ROOT, 'fixtures/invalid/sourceditem-localid-before-generalparams.xml');
  const uri = fileUri(file);
  const text = readFileSync(file, 'utf8');

  it('formats as vmparams fmt does, in one edit', async () => {
    await client.open(uri, text);
    const edits = await client.format(uri);
    expect(edits).toHaveLength(1);
    const fmt = cli(['fmt', file]);
    expect(fmt.status).toBe(0);
    expect(applyEdits(text, edits!)).toBe(fmt.stdout);
  });

  it('has no edit for a document already formatted', async () => {
    const formatted = cli(['fmt', file]).stdout;
    const u = fileUri('/tmp/vmparams-lsp-features/formatted.xml');
    await client.open(u, formatted);
    expect(await client.format(u)).toEqual([]);
  });

  it('sorts the children of the element a schema problem is on', async () => {
    const diagnostics = client.publishedFor(uri).at(-1)!.diagnostics.filter((d) => d.code === 'xsd');
    expect(diagnostics.length).toBeGreaterThan(0);
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    const sort = actions.find((a) => a.title === 'Sort children into schema order');
    expect(sort).toBeDefined();
    const fixed = applyEdits(text, sort!.edit!.changes![uri]);
    expect(validateSync(fixed).problems.filter((p) => p.rule === 'xsd')).toEqual([]);
  });
});

describe('quick fixes', () => {
  it("offers a rule's automatic fix for its diagnostic, and the fix removes the problem", async () => {
    // Text outside ASCII before the edit: the fix's offsets and the edit's columns must agree.
    const text = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="wéb-😀">
  <Description>x</Description>
</ComposeVAppParams>
`;
    const uri = fileUri('/tmp/vmparams-lsp-features/fixable.xml');
    const diagnostics = await client.open(uri, text);
    const d = diagnostics.find((x) => x.code === 'vapp/deploy-power-defaults')!;
    expect(d).toBeDefined();
    const actions = await client.codeActions(uri, d.range, [d]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'vapp/deploy-power-defaults')!;
    expect(fix.title).toMatch(/deploy="true"/);
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    expect(fixed.split('\n')[0]).toMatch(/name="wéb-😀" deploy="true" powerOn="true"|deploy="true" powerOn="true" name="wéb-😀"/);
    expect(validateSync(fixed).problems.map((p) => p.rule)).not.toContain('vapp/deploy-power-defaults');
  });
});

describe('vmparams.graph', () => {
  it('draws the open request', async () => {
    const mermaid = (await client.executeCommand('vmparams.graph', [URI])) as string;
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    const json = JSON.parse((await client.executeCommand('vmparams.graph', [URI, 'json'])) as string) as { kind: string };
    expect(json.kind).toBe('ComposeVAppParams');
  });
});
