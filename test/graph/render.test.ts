/**
 * Every fixture of every kind in every format: Mermaid checked line by line (a node for every VM and
 * network, an edge for every NIC), DOT drawn by Graphviz where installed (and its text read back),
 * SVG read by the project's XML reader, JSON equal to the model. Hostile names survive every format.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/document.js';
import { graph, renderGraph, GRAPH_FORMATS, type VAppGraph } from '../../src/graph/index.js';
import { nicLabel } from '../../src/graph/labels.js';
import { isText, textOf, type XElement } from '../../src/xml/tree.js';
import { fixture, fixtureFiles, xmlTree } from './expected.js';

const FILES = [...fixtureFiles('fixtures/valid'), ...fixtureFiles('fixtures/invalid')].filter((f) => {
  try {
    parse(fixture(f));
    return true;
  } catch {
    return false;
  }
});

const HAS_DOT = spawnSync('dot', ['-V']).status === 0;
if (!HAS_DOT) console.log('graph tests: Graphviz `dot` not found (Debian: apt-get install -y graphviz); DOT is checked structurally only');

/** The statements toMermaid writes; any other line is a bug (a label that broke out of its quotes). */
const MERMAID_LINE = [
  /^flowchart LR$/,
  /^ {2}subgraph vapp\["[^"]*"\]$/,
  /^ {4}(vm|del)\d+\["[^"]*"\]$/,
  /^ {4}net\d+\{\{"[^"]*"\}\}$/,
  /^ {4}empty\["[^"]*"\]$/,
  /^ {2}end$/,
  /^ {2}org\d+\[\("[^"]*"\)\]$/,
  /^ {2}vm\d+ (---|-\.-)\|"[^"|]*"\| net\d+$/,
  /^ {2}net\d+ --- org\d+$/,
  /^ {2}(style|classDef|class) [\w,]+ [\w#:,.\- ]+$/,
];

/** Mermaid entity codes back to characters (what Mermaid displays). */
const unMermaid = (s: string) => s.replace(/#(quot|amp|lt|gt|\d+);/g, (_m, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>' })[e] ?? String.fromCodePoint(Number(e)));

function checkMermaid(g: VAppGraph, text: string) {
  const lines = text.trimEnd().split('\n');
  for (const line of lines) expect(MERMAID_LINE.some((re) => re.test(line)), `unexpected line: ${line}`).toBe(true);
  const nodes = new Map<string, string>();
  for (const line of lines) {
    const m = /^ +(\w+)(?:\["|\{\{"|\[\(")(.*?)(?:"\]|"\}\}|"\)\])$/.exec(line);
    if (m) nodes.set(m[1]!, unMermaid(m[2]!.replace(/<br\/>/g, '\n').replace(/<\/?b>/g, '')));
  }
  const edges = lines.flatMap((l) => {
    const m = /^ {2}(vm\d+) (?:---|-\.-)\|"(.*)"\| (net\d+)$/.exec(l);
    return m ? [{ from: m[1]!, label: unMermaid(m[2]!), to: m[3]! }] : [];
  });
  g.vms.forEach((vm, i) => {
    const label = nodes.get(`vm${i + 1}`);
    expect(label, `node for VM ${i + 1}`).toBeDefined();
    if (vm.name) expect(label!.split('\n')[0]).toBe(vm.name);
    const mine = edges.filter((e) => e.from === `vm${i + 1}`);
    const attached = vm.nics.filter((n) => n.network !== null && n.network !== 'none');
    expect(mine.map((e) => e.label)).toEqual(attached.map(nicLabel));
    // Each edge ends at the node of the NIC's network.
    attached.forEach((n, j) => expect(nodes.get(mine[j]!.to)!.split('\n')[0]).toBe(n.network));
  });
  for (const n of g.networks) expect([...nodes.values()].some((l) => l.split('\n')[0] === n.name), n.name).toBe(true);
  for (const d of g.deleted ?? []) expect([...nodes.values()].some((l) => l.startsWith(`${d.name}\n`))).toBe(true);
}

function* elements(el: XElement): Generator<XElement> {
  yield el;
  for (const c of el.children ?? []) if (!isText(c)) yield* elements(c);
}

/** Every <text> (and <title>) of an SVG document, read with the project's XML reader (so it must be well-formed). */
function svgTexts(svg: string): { root: XElement; texts: string[]; titles: string[] } {
  // Graphviz writes the SVG 1.1 DOCTYPE, which the project's reader refuses by design.
  const root = xmlTree(svg.replace(/<!DOCTYPE[^>]*>/, ''));
  const all = [...elements(root)];
  return { root, texts: all.filter((e) => e.name === 'text').map(textOf), titles: all.filter((e) => e.name === 'title').map(textOf) };
}

function checkSvg(g: VAppGraph, svg: string) {
  const { root, titles } = svgTexts(svg);
  expect(root.name).toBe('svg');
  expect(root.ns).toBe('http://www.w3.org/2000/svg');
  const boxes = [...elements(root)].filter((e) => e.name === 'g' && e.attrs?.class === 'vm');
  expect(boxes).toHaveLength(g.vms.length);
  // Each box's tooltip carries the whole text, also what the box had to shorten.
  g.vms.forEach((vm, i) => {
    const tip = titles[i + 1]!;
    if (vm.name) expect(tip.split('\n')[0]).toBe(vm.name);
    for (const n of vm.nics) expect(tip).toContain(nicLabel(n).split(' · ')[0]);
  });
}

function checkDotWithGraphviz(g: VAppGraph, dot: string) {
  const r = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const { texts } = svgTexts(r.stdout);
  // Graphviz draws each label line as one <text>: the document's names come back unchanged.
  for (const vm of g.vms) if (vm.name) expect(texts).toContain(vm.name);
  for (const n of g.networks) expect(texts).toContain(n.name);
  for (const vm of g.vms) for (const n of vm.nics) if (n.network !== 'none') expect(texts).toContain(nicLabel(n));
}

describe.each(FILES)('%s', (file) => {
  const g = graph(fixture(file));
  it('draws in every format, the same bytes every time', () => {
    for (const f of GRAPH_FORMATS) {
      const a = renderGraph(g, f);
      expect(a.endsWith('\n')).toBe(true);
      expect(renderGraph(graph(fixture(file)), f)).toBe(a);
    }
  });
  it('mermaid: a node per VM and network, an edge per NIC', () => checkMermaid(g, renderGraph(g, 'mermaid')));
  it('svg: well-formed, a box per VM', () => checkSvg(g, renderGraph(g, 'svg')));
  it('json: the model', () => expect(JSON.parse(renderGraph(g, 'json'))).toEqual(g));
  it.skipIf(!HAS_DOT)('dot: Graphviz draws it', () => checkDotWithGraphviz(g, renderGraph(g, 'dot')));
});

describe('text from the document is shown literally', () => {
  // Every character that means something in Mermaid, DOT, HTML or XML, and names that are keywords.
  const NAME = 'vm "one" <img src=x onerror=alert(1)> `code` #1; --> end & &amp; \\N \\ {a} [b] (c) |d| %% ;';
  const NET = 'end';
  const NET2 = 'net "2" <script>alert(1)</script> \\ |c|';
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const xml = `<ComposeVAppParams xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1" name="${esc(NAME)}">
    <InstantiationParams><NetworkConfigSection><ovf:Info>n</ovf:Info>
      <NetworkConfig networkName="${NET}"><Configuration><FenceMode>isolated</FenceMode></Configuration></NetworkConfig>
      <NetworkConfig networkName="${esc(NET2)}"><Configuration><ParentNetwork href="h" name="p&amp;q"/><FenceMode>bridged</FenceMode></Configuration></NetworkConfig>
    </NetworkConfigSection></InstantiationParams>
    <SourcedItem><Source href="h" name="s"/><VmGeneralParams><Name>${esc(NAME)}</Name></VmGeneralParams><InstantiationParams>
      <NetworkConnectionSection><ovf:Info>n</ovf:Info>
        <NetworkConnection network="${NET}"><NetworkConnectionIndex>0</NetworkConnectionIndex><IpAddress>1.2.3.4 "x"</IpAddress><IsConnected>true</IsConnected><IpAddressAllocationMode>MAN|UAL</IpAddressAllocationMode></NetworkConnection>
        <NetworkConnection network="${esc(NET2)}"><NetworkConnectionIndex>1</NetworkConnectionIndex><IsConnected>false</IsConnected><IpAddressAllocationMode>POOL</IpAddressAllocationMode></NetworkConnection>
      </NetworkConnectionSection></InstantiationParams></SourcedItem>
    <CreateItem name="subgraph"/>
  </ComposeVAppParams>`;
  const g = graph(xml);

  it('reads the names back from the model', () => {
    expect(g.vapp.name).toBe(NAME);
    expect(g.vms[0]!.name).toBe(NAME);
    expect(g.networks.map((n) => n.name)).toEqual([NET, NET2]);
  });
  it('mermaid', () => checkMermaid(g, renderGraph(g, 'mermaid')));
  it('svg', () => {
    const svg = renderGraph(g, 'svg');
    checkSvg(g, svg);
    expect(svgTexts(svg).titles[0]).toBe(`ComposeVAppParams: vApp ${NAME}`);
  });
  it.skipIf(!HAS_DOT)('dot', () => checkDotWithGraphviz(g, renderGraph(g, 'dot')));
  it('json', () => expect(JSON.parse(renderGraph(g, 'json')).vms[0].name).toBe(NAME));

  it('never writes a control character (a hand-built document can hold one)', () => {
    const evil = graph({ kind: 'ComposeVAppParams', name: 'red\u001b[31m\u0007\u009b2J', SourcedItem: [{ Source: { href: 'h', name: 'x\u001b]0;t\u0007' } }] } as never);
    for (const f of GRAPH_FORMATS) {
      const out = renderGraph(evil, f);
      // eslint-disable-next-line no-control-regex
      expect(out.replace(/\n/g, ''), f).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    // JSON keeps the value, escaped.
    expect(JSON.parse(renderGraph(evil, 'json')).vapp.name).toBe('red\u001b[31m\u0007\u009b2J');
  });

  it('rejects an unknown format', () => {
    expect(() => renderGraph(g, 'png' as never)).toThrow(/unknown graph format "png"; use one of mermaid, dot, svg, json/);
  });
});
