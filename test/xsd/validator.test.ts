/**
 * The schema step of validate with the bundled set and with schemaDir: every problem of a document
 * with its own place, refused input, no file or network access, the schemaDir option and its
 * errors, and the plain-English messages (the wording floor of issue 10).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SchemaDirError, validate, validateSync } from '../../src/index.js';
import { HINT_MESSAGES } from '../../src/validate/xsd.js';
import { MESSAGES } from '../../src/xsd/messages.js';
import { OFFICIAL_SCHEMA_DIR, REPO_ROOT, referenceMissing, xmlFiles } from './reference.js';

const V = 'xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"';
const MINIMAL = `<?xml version="1.0" encoding="UTF-8"?>
<InstantiateVAppTemplateParams ${V} name="web01">
  <Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"/>
</InstantiateVAppTemplateParams>
`;
const schemaOnly = (xml: string | Uint8Array, schemaDir?: string) => validateSync(xml, { lint: false, ...(schemaDir ? { schemaDir } : {}) }).problems;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmparams-xsd-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A schema that, if it were ever used, would make MINIMAL invalid. */
function trapSchema(): string {
  const p = path.join(tmp, 'trap.xsd');
  fs.writeFileSync(
    p,
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.vmware.com/vcloud/v1.5" elementFormDefault="qualified">
       <xs:element name="InstantiateVAppTemplateParams"><xs:complexType><xs:attribute name="never" use="required"/></xs:complexType></xs:element>
     </xs:schema>`,
  );
  return p;
}

describe('schema problems', () => {
  it('accepts a minimal valid request (string and bytes), sync and async', async () => {
    expect(schemaOnly(MINIMAL)).toEqual([]);
    expect(schemaOnly(new TextEncoder().encode(MINIMAL))).toEqual([]);
    expect((await validate(MINIMAL, { lint: false })).problems).toEqual([]);
  });

  it('reports every schema problem of a document, each with its own path, line and column', () => {
    const xml = `<ComposeVAppParams ${V} deploy="yes">
  <SourcedItem>
    <Source/>
  </SourcedItem>
  <SourcedItem>
    <Source href="https://vcd.example.com/api/vApp/vm-1"/>
    <InstantiationParams>
      <LeaseSettingsSection/>
    </InstantiationParams>
  </SourcedItem>
</ComposeVAppParams>`;
    const problems = schemaOnly(xml);
    expect(problems.map((p) => [p.rule, p.line, p.column, p.path])).toEqual([
      ['xsd', 1, 113, '/ComposeVAppParams'],
      ['xsd', 3, 5, '/ComposeVAppParams/SourcedItem[1]/Source'],
      ['xsd', 8, 7, '/ComposeVAppParams/SourcedItem[2]/InstantiationParams/LeaseSettingsSection'],
    ]);
    expect(problems[0].message).toBe("attribute deploy on <ComposeVAppParams> has the value 'yes', which is not a valid boolean; use true or false (or 1 / 0)");
    expect(problems[1].message).toBe('<Source> is missing the required attribute href');
    expect(problems[2].message).toBe('<LeaseSettingsSection> is incomplete: <Info> (ovf) is missing (every section starts with <ovf:Info>, e.g. <ovf:Info>Network settings</ovf:Info>)');
  });

  it('input that is not well-formed is one xml problem with line and column, and no schema problem', () => {
    const problems = schemaOnly(`<ComposeVAppParams ${V}>\n  <Description>a & b</Description>\n</ComposeVAppParams>`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'xml', line: 2, severity: 'error' });
    expect(problems[0].column).toBeGreaterThan(0);
    expect(schemaOnly('')[0]).toMatchObject({ rule: 'xml', messageId: 'empty' });
    expect(schemaOnly('just text')[0]).toMatchObject({ rule: 'xml' });
    expect(schemaOnly(new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]))[0]).toMatchObject({ rule: 'xml' });
  });
});

describe('refused input and no outside access', () => {
  it('refuses a DOCTYPE or entity declaration with one clear xml problem', () => {
    for (const doc of [
      `<?xml version="1.0"?>\n<!DOCTYPE InstantiateVAppTemplateParams [\n<!ENTITY a "aaaaaaaaaa">\n]>\n${MINIMAL.replace(/^<\?xml[^>]*>\n/, '')}`,
      `<!-- header -->\n<!DOCTYPE x SYSTEM "${path.join(tmp, 'missing.dtd')}">\n<x>&ext;</x>`,
      `<!DOCTYPE x PUBLIC "-//x//y" "http://127.0.0.1:9/x.dtd"><x/>`,
    ]) {
      const problems = schemaOnly(doc);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ rule: 'xml', messageId: 'doctype', severity: 'error' });
      expect(problems[0].line).toBeGreaterThan(0);
    }
  });

  it('ignores xsi:schemaLocation, XInclude and other references, and touches no file while validating', () => {
    const trap = trapSchema();
    schemaOnly(MINIMAL); // the bundled set is built from its generated module: nothing to read
    const spies = (['readFileSync', 'openSync', 'readSync', 'statSync', 'existsSync', 'readdirSync', 'createReadStream'] as const).map((m) => vi.spyOn(fs, m));
    try {
      const doc = MINIMAL.replace(
        'name="web01"',
        `name="web01" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.vmware.com/vcloud/v1.5 ${trap} http://schemas.dmtf.org/ovf/envelope/1 file://${trap}"`,
      ).replace('<Source', `<VCloudExtension><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${trap}"/></VCloudExtension>\n  <Source`);
      // valid against the real schema; would be invalid if trap.xsd had been used
      expect(schemaOnly(doc)).toEqual([]);
      expect(schemaOnly(MINIMAL.replace('name="web01"', `name="web01" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="${trap}"`))).toEqual([]);
      expect(schemaOnly(`<!DOCTYPE x SYSTEM "${trap}"><x/>`)[0].messageId).toBe('doctype');
      for (const s of spies) expect(s, s.getMockName()).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('refuses documents larger than the limit', () => {
    const big = MINIMAL.replace('<Source', `<Description>${'x'.repeat(17 * 1024 * 1024)}</Description><Source`);
    expect(validateSync(big, { lint: false, maxBytes: 16 * 1024 * 1024 }).problems[0]).toMatchObject({ rule: 'xml', messageId: 'too-large' });
  });
});

describe('schemaDir', () => {
  it('throws SchemaDirError for a missing directory, a directory without master.xsd, and a broken schema', async () => {
    expect(() => schemaOnly(MINIMAL, path.join(tmp, 'nope'))).toThrow(SchemaDirError);
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    expect(() => schemaOnly(MINIMAL, empty)).toThrow(/no entry schema/);
    const broken = fs.mkdtempSync(path.join(tmp, 'broken-'));
    fs.writeFileSync(
      path.join(broken, 'master.xsd'),
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="urn:x" schemaLocation="http://example.com/x.xsd"/><xs:element name="a" type="undefinedType"/></xs:schema>`,
    );
    let err: unknown;
    try {
      schemaOnly(MINIMAL, broken);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaDirError);
    expect((err as SchemaDirError).dir).toBe(broken);
    expect((err as Error).message).toMatch(/does not compile: schema error: master\.xsd:1: type undefinedType is not defined/);
    await expect(validate(MINIMAL, { schemaDir: path.join(tmp, 'nope') })).rejects.toBeInstanceOf(SchemaDirError);
  });

  it('accepts DIR/master.xsd and maps absolute schemaLocations to files under DIR', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'flat-'));
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    for (const f of fs.readdirSync(path.join(REPO_ROOT, 'xsd')).filter((n) => n.endsWith('.xsd'))) fs.copyFileSync(path.join(REPO_ROOT, 'xsd', f), path.join(dir, 'sub', f));
    fs.writeFileSync(
      path.join(dir, 'master.xsd'),
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.vmware.com/vcloud/v1.5">
         <xs:include schemaLocation="sub/vcloud.xsd"/>
         <xs:import namespace="http://schemas.dmtf.org/ovf/envelope/1" schemaLocation="http://schemas.example.org/somewhere/ovf.xsd"/>
       </xs:schema>`,
    );
    // compiling reads the files under DIR and nothing else (the absolute URL is mapped, not fetched)
    const spies = (['readFileSync', 'openSync', 'readdirSync', 'statSync', 'existsSync', 'realpathSync'] as const).map((m) => vi.spyOn(fs, m));
    try {
      expect(schemaOnly(MINIMAL, dir)).toEqual([]);
      const touched = spies.flatMap((s) => s.mock.calls.map((c) => String(c[0])));
      expect(touched.length).toBeGreaterThan(5);
      expect(touched.filter((p) => !p.startsWith(dir))).toEqual([]);
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(schemaOnly(MINIMAL.replace(' href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"', ''), dir)).toHaveLength(1);
  });

  it.skipIf(referenceMissing() !== null)('validates against the official set in its published layout (1.5/schemas/master/master.xsd)', () => {
    expect(schemaOnly(MINIMAL, OFFICIAL_SCHEMA_DIR)).toEqual([]);
    const bad = schemaOnly(MINIMAL.replace('name="web01"', 'name="web01" powerOn="maybe"'), OFFICIAL_SCHEMA_DIR);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ rule: 'xsd', line: 2, path: '/InstantiateVAppTemplateParams' });
    expect(bad[0].message).toMatch(/^attribute powerOn on <InstantiateVAppTemplateParams> has the value 'maybe', which is not a valid boolean/);
  });
});

describe('plain-English messages', () => {
  const cases: [string, string, RegExp][] = [
    ['Source after IsSourceDelete', `<InstantiateVAppTemplateParams ${V}><IsSourceDelete>false</IsSourceDelete><Source href="https://a/b"/></InstantiateVAppTemplateParams>`, /^expected <Source> \(vcloud\) here, found <IsSourceDelete>$/],
    ['vcloud section written ovf:', `<ComposeVAppParams ${V}><InstantiationParams><ovf:NetworkConfigSection><ovf:Info/></ovf:NetworkConfigSection></InstantiationParams></ComposeVAppParams>`, /is in the ovf namespace .* but belongs to the vcloud namespace .*without the ovf: prefix/],
    ['Info without ovf:', `<ComposeVAppParams ${V}><InstantiationParams><NetworkConfigSection><Info/></NetworkConfigSection></InstantiationParams></ComposeVAppParams>`, /<Info> is in the vcloud namespace .* but belongs to the ovf namespace .*write <ovf:Info>/],
    ['unprefixed ovf:id', `<ComposeVAppParams ${V}><InstantiationParams><ovf:StartupSection><ovf:Info/><ovf:Item id="vm1" ovf:order="0"/></ovf:StartupSection></InstantiationParams></ComposeVAppParams>`, /^attribute id on <Item> must be written ovf:id \(OVF attributes are namespace-qualified\)$/],
    ['element out of order', `<InstantiateVAppTemplateParams ${V}><Source href="https://a/b"/><InstantiationParams/></InstantiateVAppTemplateParams>`, /^<InstantiationParams> is in the wrong place in <InstantiateVAppTemplateParams>: it must come before <Source>$/],
    ['not allowed in parent', `<CloneVAppParams ${V}><Source href="https://a/b"/><AllEULAsAccepted>true</AllEULAsAccepted></CloneVAppParams>`, /^<AllEULAsAccepted> is not allowed in <CloneVAppParams>/],
    ['vCloud 1.0 namespace', `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1"><Source href="x"/></CloneVAppParams>`, /^<CloneVAppParams> is in the vCloud API 1\.0 namespace .*write the root as <CloneVAppParams xmlns="http:\/\/www\.vmware\.com\/vcloud\/v1\.5">$/],
    ['unknown root', `<Foo xmlns="urn:x"/>`, /^<Foo> \(urn:x\) is not a vCloud request; the root element must be one of InstantiateVAppTemplateParams, /],
    ['bad integer', `<ComposeVAppParams ${V}><InstantiationParams><LeaseSettingsSection><ovf:Info/><DeploymentLeaseInSeconds>1 day</DeploymentLeaseInSeconds></LeaseSettingsSection></InstantiationParams></ComposeVAppParams>`, /^<DeploymentLeaseInSeconds> contains '1 day', which is not a valid int \(xs:int\); use a whole number/],
    ['duplicate', `<CloneVAppParams ${V}><Source href="https://a/b"/><Source href="https://a/c"/></CloneVAppParams>`, /^<Source> appears too often in <CloneVAppParams>: at most 1 allowed$/],
    ['abstract section', `<ComposeVAppParams ${V}><InstantiationParams><ovf:Section><ovf:Info/></ovf:Section></InstantiationParams></ComposeVAppParams>`, /^<Section> is abstract and cannot be used directly; use a concrete section such as/],
    ['missing Info', `<ComposeVAppParams ${V}><InstantiationParams><LeaseSettingsSection><DeploymentLeaseInSeconds>1</DeploymentLeaseInSeconds></LeaseSettingsSection></InstantiationParams></ComposeVAppParams>`, /^expected <Info> \(ovf\) here, found <DeploymentLeaseInSeconds>$/],
    ['text in element-only content', `<CloneVAppParams ${V}>hello<Source href="https://a/b"/></CloneVAppParams>`, /^<CloneVAppParams> must contain only child elements, not text$/],
    ['child elements in a value', `<CloneVAppParams ${V}><Description><b>x</b></Description><Source href="https://a/b"/></CloneVAppParams>`, /^<Description> must contain only a value, not child elements$/],
  ];
  it.each(cases)('%s', (_, xml, re) => {
    const problems = schemaOnly(xml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(re);
    expect(problems[0].line).toBe(1);
    expect(problems[0].column).toBeGreaterThan(0);
  });

  it('every message in fixtures/invalid reads as plain English, from the message tables, with a position', () => {
    const files = xmlFiles(path.join(REPO_ROOT, 'fixtures', 'invalid')).filter((f) => !f.includes(`${path.sep}semantic${path.sep}`));
    let checked = 0;
    for (const f of files) {
      for (const p of schemaOnly(fs.readFileSync(f))) {
        checked++;
        const where = `${path.basename(f)}: ${p.message}`;
        expect(p.line, where).toBeGreaterThan(0);
        expect(p.column, where).toBeGreaterThan(0);
        expect(p.message, where).not.toMatch(/\{https?:|Element '|Schemas validity|xs:\w+'|\{\w+\}/);
        expect(p.message.length, where).toBeLessThan(400);
        if (p.rule === 'xsd') expect(p.messageId! in MESSAGES || p.messageId! in HINT_MESSAGES, where).toBe(true);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(files.length);
  });
});
