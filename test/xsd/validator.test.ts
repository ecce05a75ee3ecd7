/**
 * Behaviour of the schema validator itself: refused input, no file or network access, the
 * schemaDir option and its errors, and plain-English messages with positions and paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  MESSAGES,
  SchemaDirError,
  findDoctype,
  initSchemas,
  inputRequests,
  validateSchema,
  validateSchemaSync,
} from '../../src/validate/xsd.js';
import { OFFICIAL_SCHEMA_DIR, REPO_ROOT, referenceMissing, xmlFiles } from './reference.js';

const V = 'xmlns="http://www.vmware.com/vcloud/v1.5" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"';
const MINIMAL = `<?xml version="1.0" encoding="UTF-8"?>
<InstantiateVAppTemplateParams ${V} name="web01">
  <Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"/>
</InstantiateVAppTemplateParams>
`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vmparams-xsd-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A schema that, if libxml2 ever used it, would make MINIMAL invalid (Source would have to be text-only with a required attribute `never`). */
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

describe('validateSchema basics', () => {
  it('accepts a minimal valid request (string and bytes) and is async-compatible', async () => {
    expect(validateSchemaSync(MINIMAL)).toEqual([]);
    expect(validateSchemaSync(new TextEncoder().encode(MINIMAL))).toEqual([]);
    await expect(validateSchema(MINIMAL)).resolves.toEqual([]);
  });

  it('reports every schema problem of a document, each with its own path and line', () => {
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
    const problems = validateSchemaSync(xml);
    expect(problems.map((p) => [p.rule, p.line, p.path])).toEqual([
      ['xsd', 1, '/ComposeVAppParams'],
      ['xsd', 3, '/ComposeVAppParams/SourcedItem[1]/Source'],
      ['xsd', 8, '/ComposeVAppParams/SourcedItem[2]/InstantiationParams/LeaseSettingsSection'],
    ]);
    expect(problems[0].message).toBe("attribute deploy on <ComposeVAppParams> has the value 'yes', which is not a valid boolean; use true or false (or 1 / 0)");
    expect(problems[1].message).toBe('<Source> is missing the required attribute href');
    expect(problems[2].message).toMatch(/^<LeaseSettingsSection> is incomplete: <Info> \(ovf\) is missing/);
  });

  it('rejects input that is not well-formed with rule xml, line and column', () => {
    const problems = validateSchemaSync(`<ComposeVAppParams ${V}>\n  <Description>a & b</Description>\n</ComposeVAppParams>`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'xml', line: 2, severity: 'error' });
    expect(problems[0].column).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(/^not well-formed XML: a bare '&'/);
    expect(validateSchemaSync('')[0]).toMatchObject({ rule: 'xml', messageId: 'xml/empty' });
    expect(validateSchemaSync('just text')[0]).toMatchObject({ rule: 'xml' });
    expect(validateSchemaSync(new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e]))[0]).toMatchObject({ rule: 'xml' });
  });
});

describe('refused input and no outside access', () => {
  it('refuses a DOCTYPE or entity declaration before parsing, with a clear xml problem', () => {
    const before = inputRequests().length;
    for (const doc of [
      `<?xml version="1.0"?>\n<!DOCTYPE InstantiateVAppTemplateParams [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n${MINIMAL.replace(/^<\?xml[^>]*>\n/, '')}`,
      `<!-- header -->\n<!DOCTYPE x SYSTEM "${path.join(tmp, 'missing.dtd')}">\n<x>&ext;</x>`,
      `<!DOCTYPE x PUBLIC "-//x//y" "http://127.0.0.1:9/x.dtd"><x/>`,
    ]) {
      const problems = validateSchemaSync(doc);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ rule: 'xml', messageId: 'xml/doctype', severity: 'error' });
      expect(problems[0].line).toBeGreaterThan(0);
      expect(problems[0].message).toMatch(/DOCTYPE/);
    }
    expect(inputRequests().length).toBe(before);
    expect(findDoctype('<?xml version="1.0"?><!-- <!DOCTYPE --><a/>')).toBe(-1);
  });

  it('the fixture with a DOCTYPE/entity is refused', () => {
    const f = path.join(REPO_ROOT, 'fixtures', 'invalid', 'doctype-entity.xml');
    if (!fs.existsSync(f)) return;
    expect(validateSchemaSync(fs.readFileSync(f))[0]).toMatchObject({ rule: 'xml', messageId: 'xml/doctype' });
  });

  it('ignores xsi:schemaLocation, XInclude and other references: nothing is read', async () => {
    await initSchemas();
    const trap = trapSchema();
    const before = inputRequests().length;
    const doc = MINIMAL.replace(
      'name="web01"',
      `name="web01" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
        `xsi:schemaLocation="http://www.vmware.com/vcloud/v1.5 ${trap} http://schemas.dmtf.org/ovf/envelope/1 file://${trap}"`,
    ).replace(
      '<Source',
      `<VCloudExtension><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${trap}"/></VCloudExtension>\n  <Source`,
    );
    // valid against the real schema; would be invalid if trap.xsd had been used
    expect(validateSchemaSync(doc)).toEqual([]);
    expect(validateSchemaSync(MINIMAL.replace('name="web01"', `name="web01" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="${trap}"`))).toEqual([]);
    expect(inputRequests().slice(before)).toEqual([]);
  });

  it('touches no file while validating (fs spied), once the schema set is compiled', async () => {
    await initSchemas();
    const trap = trapSchema();
    const spies = (['readFileSync', 'openSync', 'readSync', 'statSync', 'existsSync', 'readdirSync', 'createReadStream'] as const).map((m) => vi.spyOn(fs, m));
    try {
      const doc = MINIMAL.replace('name="web01"', `name="web01" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.vmware.com/vcloud/v1.5 ${trap}"`);
      expect(validateSchemaSync(doc)).toEqual([]);
      expect(validateSchemaSync(`<!DOCTYPE x SYSTEM "${trap}"><x/>`)[0].messageId).toBe('xml/doctype');
      for (const s of spies) expect(s, s.getMockName()).not.toHaveBeenCalled();
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it('compiling a schema set reads only that set, never the network', () => {
    if (referenceMissing()) return;
    const before = inputRequests().length;
    // a fresh path spelling of the official dir forces a compile if not cached yet
    validateSchemaSync(MINIMAL, { schemaDir: OFFICIAL_SCHEMA_DIR });
    for (const url of inputRequests().slice(before)) {
      expect(url.startsWith('vmparams-schema:///') || /^https?:\/\/(schemas\.dmtf\.org|www\.w3\.org)\//.test(url)).toBe(true);
    }
  });

  it('refuses documents larger than the limit', () => {
    const big = MINIMAL.replace('<Source', `<Description>${'x'.repeat(17 * 1024 * 1024)}</Description><Source`);
    expect(validateSchemaSync(big, { maxBytes: 16 * 1024 * 1024 })[0]).toMatchObject({ rule: 'xml', messageId: 'xml/too-large' });
  });
});

describe('schemaDir', () => {
  it('throws SchemaDirError for a missing directory, a directory without master.xsd, and a broken schema', () => {
    expect(() => validateSchemaSync(MINIMAL, { schemaDir: path.join(tmp, 'nope') })).toThrow(SchemaDirError);
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    expect(() => validateSchemaSync(MINIMAL, { schemaDir: empty })).toThrow(/no entry schema/);
    const broken = fs.mkdtempSync(path.join(tmp, 'broken-'));
    fs.writeFileSync(
      path.join(broken, 'master.xsd'),
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:import namespace="urn:x" schemaLocation="http://example.com/x.xsd"/><xs:element name="a" type="undefinedType"/></xs:schema>`,
    );
    let err: unknown;
    try {
      validateSchemaSync(MINIMAL, { schemaDir: broken });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaDirError);
    expect((err as SchemaDirError).dir).toBe(broken);
    expect((err as Error).message).toMatch(/does not compile/);
    return expect(validateSchema(MINIMAL, { schemaDir: path.join(tmp, 'nope') })).rejects.toBeInstanceOf(SchemaDirError);
  });

  it('accepts DIR/master.xsd and maps absolute schemaLocations to files under DIR', () => {
    // our own set copied under a layout with an absolute import of one of its files
    const dir = fs.mkdtempSync(path.join(tmp, 'flat-'));
    for (const f of fs.readdirSync(path.join(REPO_ROOT, 'xsd')).filter((n) => n.endsWith('.xsd'))) {
      fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, 'xsd', f), path.join(dir, 'sub', f));
    }
    fs.writeFileSync(
      path.join(dir, 'master.xsd'),
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.vmware.com/vcloud/v1.5">
         <xs:include schemaLocation="sub/vcloud.xsd"/>
         <xs:import namespace="http://schemas.dmtf.org/ovf/envelope/1" schemaLocation="http://schemas.example.org/somewhere/ovf.xsd"/>
       </xs:schema>`,
    );
    expect(validateSchemaSync(MINIMAL, { schemaDir: dir })).toEqual([]);
    expect(validateSchemaSync(MINIMAL.replace(' href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"', ''), { schemaDir: dir })).toHaveLength(1);
  });

  it.skipIf(referenceMissing() !== null)('validates against the official set published layout (1.5/schemas/master/master.xsd)', () => {
    expect(validateSchemaSync(MINIMAL, { schemaDir: OFFICIAL_SCHEMA_DIR })).toEqual([]);
    const bad = validateSchemaSync(MINIMAL.replace('name="web01"', 'name="web01" powerOn="maybe"'), { schemaDir: OFFICIAL_SCHEMA_DIR });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ rule: 'xsd', line: 2, path: '/InstantiateVAppTemplateParams' });
  });
});

describe('plain-English messages', () => {
  const cases: [string, string, RegExp][] = [
    ['Source after IsSourceDelete', `<InstantiateVAppTemplateParams ${V}><IsSourceDelete>false</IsSourceDelete><Source href="https://a/b"/></InstantiateVAppTemplateParams>`, /^expected <Source> \(vcloud\) here, found <IsSourceDelete>$/],
    ['vcloud section written ovf:', `<ComposeVAppParams ${V}><InstantiationParams><ovf:NetworkConfigSection><ovf:Info/></ovf:NetworkConfigSection></InstantiationParams></ComposeVAppParams>`, /is in the ovf namespace .* but belongs to the vcloud namespace/],
    ['Info without ovf:', `<ComposeVAppParams ${V}><InstantiationParams><NetworkConfigSection><Info/></NetworkConfigSection></InstantiationParams></ComposeVAppParams>`, /<Info> is in the vcloud namespace .* but belongs to the ovf namespace .*write <ovf:Info>/],
    ['unprefixed ovf:id', `<ComposeVAppParams ${V}><InstantiationParams><ovf:StartupSection><ovf:Info/><ovf:Item id="vm1" ovf:order="0"/></ovf:StartupSection></InstantiationParams></ComposeVAppParams>`, /^attribute id on <Item> must be written ovf:id \(OVF attributes are namespace-qualified\)$/],
    ['element out of order', `<InstantiateVAppTemplateParams ${V}><Source href="https://a/b"/><InstantiationParams/></InstantiateVAppTemplateParams>`, /^<InstantiationParams> is in the wrong place in <InstantiateVAppTemplateParams>: it must come before <Source>$/],
    ['not allowed in parent', `<CloneVAppParams ${V}><Source href="https://a/b"/><AllEULAsAccepted>true</AllEULAsAccepted></CloneVAppParams>`, /^<AllEULAsAccepted> is not allowed in <CloneVAppParams>/],
    ['vCloud 1.0 namespace', `<CloneVAppParams xmlns="http://www.vmware.com/vcloud/v1"><Source href="x"/></CloneVAppParams>`, /^<CloneVAppParams> is in the vCloud API 1\.0 namespace .*write the root as <CloneVAppParams xmlns="http:\/\/www\.vmware\.com\/vcloud\/v1\.5">$/],
    ['bad integer', `<ComposeVAppParams ${V}><InstantiationParams><LeaseSettingsSection><ovf:Info/><DeploymentLeaseInSeconds>1 day</DeploymentLeaseInSeconds></LeaseSettingsSection></InstantiationParams></ComposeVAppParams>`, /^<DeploymentLeaseInSeconds> contains '1 day', which is not a valid int \(xs:int\); use a whole number/],
    ['duplicate', `<CloneVAppParams ${V}><Source href="https://a/b"/><Source href="https://a/c"/></CloneVAppParams>`, /^<Source> appears too often in <CloneVAppParams>: at most 1 allowed$/],
    ['abstract section', `<ComposeVAppParams ${V}><InstantiationParams><ovf:Section><ovf:Info/></ovf:Section></InstantiationParams></ComposeVAppParams>`, /abstract/],
  ];
  it.each(cases)('%s', (_, xml, re) => {
    const problems = validateSchemaSync(xml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(re);
    expect(problems[0].line).toBe(1);
  });

  it('every message in fixtures/invalid reads as plain English with a line number', () => {
    const files = xmlFiles(path.join(REPO_ROOT, 'fixtures', 'invalid')).filter((f) => !f.includes(`${path.sep}semantic${path.sep}`));
    let checked = 0;
    for (const f of files) {
      for (const p of validateSchemaSync(fs.readFileSync(f))) {
        checked++;
        const where = `${path.basename(f)}: ${p.message}`;
        expect(p.line, where).toBeGreaterThan(0);
        expect(p.message, where).not.toMatch(/\{https?:|Element '|Schemas validity|xs:\w+'|\{\w+\}/);
        expect(p.message.length, where).toBeLessThan(400);
        expect(p.messageId && p.messageId in MESSAGES, where).toBe(true);
      }
    }
    if (files.length > 0) expect(checked).toBeGreaterThanOrEqual(files.length);
  });
});
