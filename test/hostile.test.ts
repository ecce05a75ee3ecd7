/**
 * Hostile and broken input (issue 7): whatever the document says, vmparams reads no file and no
 * URL because of it; bombs, deep nesting, huge values, bad encodings, NUL bytes, empty and binary
 * files each end in one clear line (a `xml` problem from the library, exit 1 or 2 from the CLI),
 * quickly and in bounded memory, never with a stack trace.
 *
 * Every input goes through all front doors: parse, build(parse(x)), validate (rules on) and
 * validate with lint:false (schema only), both on the one tree our reader builds.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, BuildError, parse, UnknownDocumentError, validate, XmlInputError } from '../src/index.js';
import type { Report } from '../src/index.js';
import { inputRequests } from '../src/xsd/reference/libxml2.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const VC = 'http://www.vmware.com/vcloud/v1.5';
const V = `xmlns="${VC}"`;
const enc = (s: string) => new TextEncoder().encode(s);
const MINIMAL = `<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams ${V} name="web01">\n  <Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"/>\n</InstantiateVAppTemplateParams>\n`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmparams-hostile-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A stack trace line as Node prints them. */
const STACK = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** Files whose content, if vmparams ever read them because a document pointed there, would turn an invalid document valid. */
let traps: { source: string; entity: string; permissive: string; dtd: string };
beforeAll(() => {
  const w = (name: string, text: string) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, text);
    return p;
  };
  traps = {
    // Included or expanded, this supplies the <Source> a CloneVAppParams needs.
    source: w('source.xml', `<Source ${V} href="https://vcd.example.com/api/vApp/vapp-1"/>`),
    entity: w('entity.txt', '<Source href="https://vcd.example.com/api/vApp/vapp-1"/>'),
    // A schema under which anything goes, offered through xsi:schemaLocation.
    permissive: w(
      'permissive.xsd',
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${VC}"><xs:element name="CloneVAppParams"><xs:complexType><xs:sequence><xs:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:anyAttribute processContents="skip"/></xs:complexType></xs:element></xs:schema>`,
    ),
    dtd: w('ext.dtd', '<!ENTITY src "<Source href=\'https://vcd.example.com/api/vApp/vapp-1\'/>">'),
  };
});

interface Outcome {
  parse: string;
  report: Report;
  reportNoLint: Report;
}

/** Run one input through every front door; nothing may throw except the documented errors. */
async function frontDoors(input: string | Uint8Array): Promise<Outcome> {
  let parseOutcome = 'ok';
  try {
    const doc = parse(input);
    try {
      build(doc);
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
    }
  } catch (e) {
    if (!(e instanceof XmlInputError) && !(e instanceof UnknownDocumentError)) throw e;
    expect((e as Error).message).not.toMatch(/\n/);
    parseOutcome = (e as Error).message;
  }
  const report = await validate(input);
  const reportNoLint = await validate(input, { lint: false });
  for (const r of [report, reportNoLint]) {
    for (const p of r.problems) {
      expect(p.message).not.toMatch(/\n/);
      expect(p.message).not.toMatch(STACK);
    }
  }
  return { parse: parseOutcome, report, reportNoLint };
}

/** The report refuses the input with one `xml` problem whose message matches. */
function refusedAsXml(r: Report, message?: RegExp): void {
  expect(r.valid).toBe(false);
  const xml = r.problems.filter((p) => p.rule === 'xml');
  expect(xml.length).toBeGreaterThanOrEqual(1);
  if (message) expect(xml[0].message).toMatch(message);
}

/** Watch every way Node could open or read a file by name while `fn` runs; returns the paths touched (reads by descriptor need an open first). */
async function fsTouched(fn: () => Promise<void>): Promise<string[]> {
  const methods = ['readFileSync', 'openSync', 'statSync', 'existsSync', 'readdirSync', 'createReadStream', 'readFile', 'open'] as const;
  const spies = methods.map((m) => vi.spyOn(fs, m as 'readFileSync'));
  const promiseSpies = (['readFile', 'open'] as const).map((m) => vi.spyOn(fs.promises, m));
  try {
    await fn();
    return [...spies, ...promiseSpies].flatMap((s) => s.mock.calls.map((c) => String(c[0])));
  } finally {
    for (const s of [...spies, ...promiseSpies]) s.mockRestore();
  }
}

describe('document content never makes vmparams read a file or the network', () => {
  beforeAll(async () => {
    // Compile the bundled schema set now, so the spies below see only what documents cause.
    await validate(MINIMAL);
  });
  // vmparams may read its own bundled schema files (lazily, to explain expected element order);
  // nothing else.
  const BUNDLED = path.join(ROOT, 'xsd') + path.sep;
  const foreign = (paths: string[]) => paths.filter((p) => !(p === BUNDLED.slice(0, -1) || p.startsWith(BUNDLED)));

  const cases: [string, () => string, RegExp | null][] = [
    ['an external entity (XXE)', () => `<!DOCTYPE CloneVAppParams [<!ENTITY src SYSTEM "file://${traps.entity}">]>\n<CloneVAppParams ${V}>&src;</CloneVAppParams>`, /entit|DOCTYPE/i],
    ['an external DTD', () => `<!DOCTYPE CloneVAppParams SYSTEM "file://${traps.dtd}">\n<CloneVAppParams ${V}>&src;</CloneVAppParams>`, /DOCTYPE/],
    ['a parameter entity pulling a remote DTD', () => `<!DOCTYPE CloneVAppParams [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n<CloneVAppParams ${V}/>`, /entit|DOCTYPE/i],
    ['XInclude', () => `<CloneVAppParams ${V} xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file://${traps.source}"/></CloneVAppParams>`, null],
    ['an xsi:schemaLocation hint', () => `<CloneVAppParams ${V} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${VC} file://${traps.permissive}"><Nonsense/></CloneVAppParams>`, null],
    ['an xsi:noNamespaceSchemaLocation hint', () => `<CloneVAppParams ${V} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://127.0.0.1:9/x.xsd"><Nonsense/></CloneVAppParams>`, null],
    ['an xml-stylesheet and catalog PI', () => `<?xml-stylesheet href="file://${traps.source}"?><?oasis-xml-catalog catalog="file://${traps.dtd}"?>\n<CloneVAppParams ${V}/>`, null],
  ];

  for (const [what, make, message] of cases) {
    it(`${what}: invalid, nothing read`, async () => {
      const xml = make();
      const before = inputRequests().length;
      let outcome!: Outcome;
      const touched = await fsTouched(async () => {
        outcome = await frontDoors(xml);
      });
      expect(foreign(touched)).toEqual([]);
      expect(inputRequests().slice(before)).toEqual([]);
      // Had the referenced file been used, the document would be valid.
      expect(outcome.report.valid).toBe(false);
      expect(outcome.reportNoLint.valid).toBe(false);
      if (message) {
        refusedAsXml(outcome.report, message);
        refusedAsXml(outcome.reportNoLint, message);
        expect(outcome.parse).toMatch(message);
      } else {
        // Well-formed: the schema says what is wrong (the include or the unknown element stays as written).
        expect(outcome.report.problems.some((p) => p.rule === 'xsd')).toBe(true);
        expect(outcome.reportNoLint.problems.some((p) => p.rule === 'xsd')).toBe(true);
      }
    });
  }

  it('the same documents with their targets inlined are valid (so the verdicts above are what reading would change)', async () => {
    const inlined = `<CloneVAppParams ${V}><Source href="https://vcd.example.com/api/vApp/vapp-1"/></CloneVAppParams>`;
    expect((await validate(inlined, { lint: false })).valid).toBe(true);
  });
});

describe('bombs, depth, size', () => {
  const laughs = (n: number) => {
    let d = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= n; i++) d += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    return `<?xml version="1.0"?>\n<!DOCTYPE CloneVAppParams [${d}]>\n<CloneVAppParams ${V}><Description>&lol${n};</Description></CloneVAppParams>`;
  };

  it('billion laughs is refused before any expansion', async () => {
    const t = performance.now();
    const o = await frontDoors(laughs(9));
    refusedAsXml(o.report, /entit/i);
    refusedAsXml(o.reportNoLint, /DOCTYPE|entit/i);
    expect(o.parse).toMatch(/entities/);
    expect(performance.now() - t).toBeLessThan(15_000);
  });

  it('a quadratic blow-up without DOCTYPE (entity references that were never declared) is refused', async () => {
    const o = await frontDoors(`<CloneVAppParams ${V}><Description>${'&lol9;'.repeat(100_000)}</Description></CloneVAppParams>`);
    refusedAsXml(o.report, /&lol9; is not (defined|an XML entity)|entity/);
    refusedAsXml(o.reportNoLint, /entity/i);
    expect(o.parse).toMatch(/not defined/);
  });

  it('50,000-deep nesting: refused at the depth limit, no stack overflow', async () => {
    const n = 50_000;
    const xml = `<CloneVAppParams ${V}>${'<VCloudExtension>'.repeat(n)}${'</VCloudExtension>'.repeat(n)}</CloneVAppParams>`;
    const t = performance.now();
    const o = await frontDoors(xml);
    refusedAsXml(o.report, /nested more than 256 deep.*--max-depth/);
    refusedAsXml(o.reportNoLint, /nested more than 256 deep.*--max-depth/);
    expect(o.parse).toMatch(/nested more than 256 deep/);
    expect(performance.now() - t).toBeLessThan(15_000);
  });

  it('the depth limit can be raised and lowered', async () => {
    const nest = (n: number) => `<CloneVAppParams ${V}><VCloudExtension>${'<x:e xmlns:x="urn:x">'.repeat(n)}${'</x:e>'.repeat(n)}</VCloudExtension><Source href="h"/></CloneVAppParams>`;
    expect(() => parse(nest(300))).toThrow(/nested more than 256 deep/);
    expect(() => parse(nest(300), { maxDepth: 400 })).not.toThrow();
    expect(() => parse(nest(10), { maxDepth: 5 })).toThrow(/nested more than 5 deep/);
    for (const lint of [true, false]) {
      const r = await validate(nest(300), { maxDepth: 400, lint });
      expect(r.problems.filter((p) => p.rule === 'xml')).toEqual([]);
    }
  });

  it('a 10 MB attribute value gets one clear problem, in bounded time', async () => {
    const xml = `<CloneVAppParams ${V} name="${'x'.repeat(10 * 1024 * 1024)}"><Source href="h"/></CloneVAppParams>`;
    const t = performance.now();
    const o = await frontDoors(xml);
    // No length limit in XML or the schema (xs:string): schema-valid; the name/length rule says why it is wrong.
    expect(o.reportNoLint.problems).toEqual([]);
    expect(o.report.problems.filter((p) => p.severity === 'error').map((p) => p.rule)).toEqual(['name/length']);
    expect(performance.now() - t).toBeLessThan(30_000);
  });

  it('the size limit refuses a document before reading it, and can be raised', async () => {
    const big = MINIMAL.replace('<Source', `<Description>${'x'.repeat(4096)}</Description><Source`);
    for (const lint of [true, false]) {
      const r = await validate(big, { maxBytes: 1024, lint });
      refusedAsXml(r, /bytes.*(over the limit|refused).*--max-size/);
      expect((await validate(big, { maxBytes: 8192, lint })).problems.filter((p) => p.rule === 'xml')).toEqual([]);
    }
    expect(() => parse(big, { maxBytes: 1024 })).toThrow(/over the limit of 1024/);
  });
});

describe('broken bytes', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
  const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0]);
  let seed = 7;
  const noise = new Uint8Array(4096).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 255);
  const badUtf8 = new Uint8Array([...enc(`<CloneVAppParams ${V}><Description>caf`), 0xe9, ...enc('</Description><Source href="h"/></CloneVAppParams>')]);
  const overlong = new Uint8Array([...enc(`<CloneVAppParams ${V}><Description>`), 0xc0, 0xbc, ...enc('</Description><Source href="h"/></CloneVAppParams>')]);

  const cases: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(0), /empty/],
    ['only whitespace', '  \n\t \n', /empty/],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), /empty/],
    ['plain text', 'this is not XML at all\n', /./],
    ['JSON', '{"kind": "CloneVAppParams", "Source": {"href": "h"}}', /./],
    ['a PNG header', png, /./],
    ['gzip data', gzip, /./],
    ['random binary', noise, /./],
    ['invalid UTF-8 (Latin-1 é)', badUtf8, /UTF-8|encoding|bytes/i],
    ['an overlong UTF-8 sequence', overlong, /UTF-8|encoding|bytes/i],
    ['a NUL byte in text', `<CloneVAppParams ${V}><Description>a\0b</Description><Source href="h"/></CloneVAppParams>`, /NUL|0x0/],
    ['a NUL byte in a tag', enc(`<CloneVAppParams ${V}><Sou\0rce href="h"/></CloneVAppParams>`), /NUL|0x0|not well-formed/],
    ['a character reference to NUL', `<CloneVAppParams ${V}><Description>&#0;</Description><Source href="h"/></CloneVAppParams>`, /&#0;|not a character|xmlParseCharRef|invalid/i],
    ['a control character', `<CloneVAppParams ${V}><Description>\u0007</Description><Source href="h"/></CloneVAppParams>`, /./],
    ['truncated in a tag', MINIMAL.slice(0, MINIMAL.indexOf('<Source') + 9), /./],
    ['two roots', `${MINIMAL}<CloneVAppParams ${V}/>`, /./],
    ['an unclosed comment', `<CloneVAppParams ${V}><!-- never closed <Source href="h"/></CloneVAppParams>`, /./],
    ['an unterminated CDATA section', `<CloneVAppParams ${V}><Description><![CDATA[abc</Description></CloneVAppParams>`, /./],
    ['a bare ampersand', `<CloneVAppParams ${V}><Description>a & b</Description><Source href="h"/></CloneVAppParams>`, /&|entity|ampersand/i],
    ['a duplicate attribute', `<CloneVAppParams ${V} name="a" name="b"><Source href="h"/></CloneVAppParams>`, /./],
    ['an undeclared prefix', `<CloneVAppParams ${V}><q:Source href="h"/></CloneVAppParams>`, /prefix/],
  ];

  for (const [what, input, message] of cases) {
    it(`${what}: one clear xml problem`, async () => {
      const o = await frontDoors(input);
      refusedAsXml(o.report, message);
      refusedAsXml(o.reportNoLint);
      expect(o.parse).not.toBe('ok');
    });
  }
});

describe('the CLI on hostile files', () => {
  const haveCli = fs.existsSync(BIN);
  const run = (args: string[], input?: Uint8Array) => {
    const t = performance.now();
    // A small heap: a run that tried to hold a bomb's expansion in memory would die, not pass.
    const r = spawnSync(process.execPath, ['--max-old-space-size=192', BIN, ...args], { cwd: tmp, input, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', VMPARAMS_DEBUG: '' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t };
  };
  const files: Record<string, string | Uint8Array> = {
    'bomb.xml': `<!DOCTYPE CloneVAppParams [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><CloneVAppParams ${V}>&c;</CloneVAppParams>`,
    'xxe.xml': `<!DOCTYPE CloneVAppParams [<!ENTITY x SYSTEM "file:///etc/passwd">]><CloneVAppParams ${V}>&x;</CloneVAppParams>`,
    'deep.xml': `<CloneVAppParams ${V}>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</CloneVAppParams>`,
    'empty.xml': '',
    'binary.xml': new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) & 255)),
    'latin1.xml': new Uint8Array([...enc(`<CloneVAppParams ${V}><Description>`), 0xe9, ...enc('</Description><Source href="h"/></CloneVAppParams>')]),
    'nul.xml': `<CloneVAppParams ${V}>\0</CloneVAppParams>`,
    'text.xml': 'hello\n',
  };

  beforeAll(() => {
    fs.mkdirSync(path.join(tmp, 'cli'), { recursive: true });
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(tmp, 'cli', name), content);
  });

  it.skipIf(!haveCli)('validates a directory of hostile files: one line per file, exit 1, no stack trace', () => {
    for (const flags of [[], ['--no-lint']]) {
      const r = run(['validate', ...flags, '--format', 'json', 'cli']);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.status).toBe(1);
      const out = JSON.parse(r.stdout) as { files: { file: string; valid: boolean; problems: { rule: string; message: string }[] }[] };
      expect(out.files.map((f) => path.basename(f.file)).sort()).toEqual(Object.keys(files).sort());
      for (const f of out.files) {
        expect(f.valid, f.file).toBe(false);
        expect(f.problems[0].rule, f.file).toBe('xml');
        for (const p of f.problems) expect(p.message).not.toMatch(/\n/);
      }
      expect(r.ms).toBeLessThan(30_000);
    }
  });

  it.skipIf(!haveCli)('text output: each hostile file gets file:line:column: error xml: ... on one line', () => {
    const r = run(['validate', 'cli']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(STACK);
    for (const name of Object.keys(files)) expect(r.stdout).toMatch(new RegExp(`^cli/${name.replace('.', '\\.')}:\\d+:\\d+: error xml: .+$`, 'm'));
  });

  it.skipIf(!haveCli)('unreadable paths exit 2 with one line on stderr', () => {
    fs.writeFileSync(path.join(tmp, 'plain.txt'), 'x');
    for (const args of [['validate', 'does-not-exist.xml'], ['validate', 'plain.txt/inside.xml'], ['validate', '--max-size', 'lots', 'cli/empty.xml'], ['validate', '--max-depth', '0', 'cli/empty.xml']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it.skipIf(!haveCli || process.getuid?.() === 0)('a file without read permission exits 2', () => {
    const p = path.join(tmp, 'secret.xml');
    fs.writeFileSync(p, MINIMAL);
    fs.chmodSync(p, 0o000);
    const r = run(['validate', 'secret.xml']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.skipIf(!haveCli)('--max-size refuses a huge input without reading it all (an endless device, standard input)', () => {
    const r = run(['validate', '--max-size', '64k', '/dev/zero']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/larger than the limit of 65536 bytes.*--max-size/);
    const big = run(['validate', '--max-size', '1k', '-'], enc(MINIMAL.repeat(20)));
    expect(big.status).toBe(1);
    expect(big.stdout).toMatch(/over the limit of 1024|larger than the limit/);
  });

  it.skipIf(!haveCli)('--max-depth raises the depth limit', () => {
    const xml = `<CloneVAppParams ${V}><VCloudExtension>${'<x:e xmlns:x="urn:x">'.repeat(300)}${'</x:e>'.repeat(300)}</VCloudExtension><Source href="h"/></CloneVAppParams>`;
    fs.writeFileSync(path.join(tmp, 'deep300.xml'), xml);
    expect(run(['validate', '--no-lint', 'deep300.xml']).stdout).toMatch(/nested more than 256 deep/);
    const raised = run(['validate', '--no-lint', '--max-depth', '400', 'deep300.xml']);
    expect(raised.stdout).not.toMatch(/nested/);
    expect(raised.status).toBe(0);
  });
});

describe('regressions from the fuzz run (bench/fuzz.mjs)', () => {
  const fixture = fs.readFileSync(path.join(ROOT, 'fixtures/valid/compose-full-vm.xml'), 'utf8');

  it('a value with a line break quoted in a rule message stays on one line', async () => {
    const xml = fixture.replace('<NetworkConnection network="ci-nat"', '<NetworkConnection network="ci&#10;nat&#13;&#10;x"');
    expect(xml).not.toBe(fixture);
    const r = await validate(xml);
    const quoting = r.problems.filter((p) => p.message.includes('\\n'));
    expect(quoting.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(p.message).not.toMatch(/[\r\n]/);
  });

  it('a comment containing "--" is not well-formed for parse as for libxml2', async () => {
    const xml = fixture.replace('<Description>', '<!-- old -- value --><Description>');
    expect(() => parse(xml)).toThrow(/comment contains "--"/);
    refusedAsXml(await validate(xml), /comment|hyphen/i);
    refusedAsXml(await validate(xml, { lint: false }), /hyphen|comment/i);
    expect(() => parse(fixture.replace('<Description>', '<!-- fine - really --><Description>'))).not.toThrow();
  });

  it('a mutated fixture with stray text between elements formats to a fixed point', () => {
    const xml = fixture.replace('<IsConnected>', 'stray text <IsConnected>').replace('<IpType>', '  xmlns:p="u"  <IpType>');
    expect(xml).toContain('stray text');
    expect(xml).toContain('xmlns:p="u"  <IpType>');
    const once = build(parse(xml));
    expect(build(parse(once))).toBe(once);
  });

  it('a line break where a name should be is quoted, not printed', () => {
    expect(() => parse(`<CloneVAppParams ${V}><\n/CloneVAppParams>`)).toThrow(/^not well-formed XML: expected an element name at "\\n"$/);
  });

  it('the control character U+0007 is refused by parse with its position', () => {
    expect(() => parse(fixture.replace('<Description>CI', '<Description>\u0007CI'))).toThrow(/U\+0007/);
  });
});
