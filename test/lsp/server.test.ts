/**
 * `vmparams lsp` driven as an editor drives it: initialize, open, change (incremental), close,
 * shutdown and exit over the child's stdio, with the diagnostics' exact ranges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/validate/rules/index.js';
import { cli } from '../cli/helpers.js';
import { fileUri, LspClient, range } from './client.js';

// Line 4 has text outside ASCII before the attribute the warning is about: é is one UTF-16 unit,
// 😀 two (a surrogate pair), so `href` starts at UTF-16 column 26 (25 code points, 29 UTF-8 bytes).
const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" name="web" deploy="false" powerOn="false">
  <Description>Café für Ünïcode</Description>
  <SourcedItem>
    <Source type="wéb-😀" href="vm-1"/>
    <InstantiationParams>
      <NetworkConnectionSection>
        <ovf:Info>NICs</ovf:Info>
        <NetworkConnection network="web-net">
          <NetworkConnectionIndex>0</NetworkConnectionIndex>
          <IsConnected>true</IsConnected>
          <IpAddressAllocationMode>MANUAL</IpAddressAllocationMode>
        </NetworkConnection>
      </NetworkConnectionSection>
    </InstantiationParams>
  </SourcedItem>
</ComposeVAppParams>
`;

const URI = fileUri('/tmp/vmparams-lsp-test/web.xml');
let client: LspClient;

beforeAll(async () => {
  client = new LspClient();
});
afterAll(() => client.kill());

describe('vmparams lsp', () => {
  it('answers initialize with its capabilities', async () => {
    const r = await client.initialize();
    expect(r.serverInfo?.name).toBe('vmparams');
    const c = r.capabilities;
    // 2 = TextDocumentSyncKind.Incremental
    expect(c.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(c.completionProvider?.triggerCharacters).toContain('<');
    expect(c.hoverProvider).toBe(true);
    expect(c.documentFormattingProvider).toBe(true);
    expect(c.codeActionProvider).toBeTruthy();
    expect(c.executeCommandProvider?.commands).toEqual(['vmparams.graph']);
  });

  it('publishes the problems of an opened request on their attributes and start tags, in UTF-16 columns', async () => {
    const diagnostics = await client.open(URI, DOC);
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code, d]));
    expect(Object.keys(byCode).sort()).toEqual(['nic/manual-needs-ip', 'nic/network-declared', 'reference/href']);
    // The attribute: from `href` to its closing quote.
    expect(byCode['reference/href'].range).toEqual(range(4, 26, 4, 37));
    expect(byCode['reference/href'].severity).toBe(2);
    expect(byCode['nic/network-declared'].range).toEqual(range(8, 27, 8, 44));
    // The element: its whole start tag.
    expect(byCode['nic/manual-needs-ip'].range).toEqual(range(11, 10, 11, 35));
    expect(byCode['nic/manual-needs-ip'].severity).toBe(1);
    for (const d of diagnostics) {
      expect(d.source).toBe('vmparams');
      expect(d.codeDescription?.href).toBe(rules[d.code as keyof typeof rules].docs.url);
      expect(String(d.message).length).toBeGreaterThan(20);
    }
  });

  it('checks again after incremental changes', async () => {
    // Add the missing IP address before <IsConnected> (schema order): the MANUAL problem goes away.
    let diagnostics = await client.change(URI, [{ range: range(10, 0, 10, 0), text: '          <IpAddress>10.0.0.5</IpAddress>\n' }]);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['nic/network-declared', 'reference/href']);
    // Replace the relative href by an absolute one: only the undeclared network is left.
    diagnostics = await client.change(URI, [{ range: range(4, 32, 4, 36), text: 'https://vcd.example.com/api/vAppTemplate/vm-1' }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['nic/network-declared']);
    expect(diagnostics[0].range).toEqual(range(8, 27, 8, 44));
    // Two quick edits in a row are checked once, at the last version (debounced).
    const before = client.publishedFor(URI).length;
    await client.send(URI, [{ range: range(2, 15, 2, 19), text: 'Cafe' }]);
    const v4 = await client.change(URI, [{ range: range(2, 15, 2, 19), text: 'Caff' }]);
    expect(v4.map((d) => d.code)).toEqual(['nic/network-declared']);
    expect(client.publishedFor(URI).length - before).toBe(1);
  });

  it('reports a schema problem on the start tag of the element out of place', async () => {
    const uri = fileUri('/tmp/vmparams-lsp-test/order.xml');
    const text = `<InstantiateVAppTemplateParams xmlns="http://www.vmware.com/vcloud/v1.5" name="x">
  <Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"/>
  <InstantiationParams/>
</InstantiateVAppTemplateParams>
`;
    const diagnostics = await client.open(uri, text);
    const xsd = diagnostics.filter((d) => d.code === 'xsd');
    expect(xsd).toHaveLength(1);
    expect(xsd[0].range).toEqual(range(2, 2, 2, 24));
    expect(xsd[0].message).toMatch(/InstantiationParams/);
  });

  it('applies inline directives, and shows one that suppresses nothing on its comment', async () => {
    const uri = fileUri('/tmp/vmparams-lsp-test/directives.xml');
    const text = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="web" deploy="false" powerOn="false">
  <!-- vmparams-disable-next-line nic/adapter-type -->
  <Description>x</Description>
  <SourcedItem>
    <!-- vmparams-disable-next-line reference/href -->
    <Source href="vm-1"/>
  </SourcedItem>
</ComposeVAppParams>
`;
    const diagnostics = await client.open(uri, text);
    expect(diagnostics.map((d) => d.code)).toEqual(['unused-directive']);
    const line = text.split('\n')[1];
    expect(diagnostics[0].range).toEqual(range(1, line.indexOf('<!--'), 1, line.indexOf('-->') + 3));
  });

  it('leaves documents that are not requests alone', async () => {
    const uri = fileUri('/tmp/vmparams-lsp-test/pom.xml');
    const text = '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>\n</project>\n';
    expect(await client.open(uri, text)).toEqual([]);
    expect(await client.format(uri)).toBeNull();
    expect(await client.completion(uri, { line: 1, character: 0 })).toEqual([]);
    expect(await client.hover(uri, { line: 0, character: 3 })).toBeNull();
    expect(await client.codeActions(uri, range(0, 0, 0, 0))).toEqual([]);
    // Not well-formed and not a request: still nothing.
    expect(await client.change(uri, [{ range: range(1, 0, 1, 10), text: '' }])).toEqual([]);
  });

  it('reports a request that is not well-formed as exactly one problem, and keeps answering', async () => {
    const uri = fileUri('/tmp/vmparams-lsp-test/broken.xml');
    const text = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" name="x" deploy="false" powerOn="false">
  <Description>unclosed
</ComposeVAppParams>
`;
    const diagnostics = await client.open(uri, text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'xml', severity: 1, source: 'vmparams' });
    expect(diagnostics[0].message).toMatch(/Description/);
    expect(diagnostics[0].range.start.line).toBe(2);
    // The server is still there: another document gets its hover, this one its fix.
    expect(await client.hover(URI, { line: 3, character: 5 })).not.toBeNull();
    expect(await client.change(uri, [{ range: range(1, 23, 1, 23), text: '</Description>' }])).toEqual([]);
    expect(await client.close(uri)).toEqual([]);
  });

  it('has a --help, and refuses other transports and files in one line', () => {
    const help = cli(['lsp', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: vmparams lsp \[--stdio\]/);
    const socket = cli(['lsp', '--socket=2087']);
    expect(socket.status).toBe(2);
    expect(socket.stderr).toBe("vmparams lsp: unknown option '--socket' (see 'vmparams lsp --help')\n");
    const file = cli(['lsp', 'web.xml']);
    expect(file.status).toBe(2);
    expect(file.stderr.split('\n')).toHaveLength(2);
  });

  it('shuts down and exits with status 0', async () => {
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toBe('');
  });
});
