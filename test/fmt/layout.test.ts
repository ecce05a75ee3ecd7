/**
 * What fmt changes and what it leaves: schema order from the model's particles, mixed and
 * xml:space="preserve" content as read (issue 11 item 5), indentation, attribute wrapping at the
 * print width (issue 12 point 1), the XML declaration and line ends.
 */
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { SOURCE, V, OVF, RASD, fmt, meaning, request } from './helpers.js';

describe('issue 11 item 5: preserved and mixed content', () => {
  it('xml:space="preserve" content is written exactly as read, not re-indented or reordered', () => {
    const inner = '\n        <LeaseSettingsSection><ovf:Info>l</ovf:Info></LeaseSettingsSection>\n   <NetworkConfigSection>  <ovf:Info>n</ovf:Info></NetworkConfigSection>\n';
    const xml = request(`${SOURCE}<InstantiationParams xml:space="preserve">${inner}</InstantiationParams>`);
    const out = fmt(xml);
    expect(out).toContain(`  <InstantiationParams xml:space="preserve">${inner}</InstantiationParams>\n`);
    expect(fmt(out)).toBe(out);
  });

  it('mixed content (<Description>desc <b>bold</b> tail</Description>) is not reordered or re-indented', () => {
    const xml = request(`${SOURCE}\n<Description>desc <b>bold</b>\n      tail <i>x</i></Description>`);
    const out = fmt(xml);
    expect(out).toContain('  <Description>desc <b>bold</b>\n      tail <i>x</i></Description>\n');
    expect(fmt(out)).toBe(out);
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
  });

  it('fmt --check passes right after fmt --write on such documents (idempotent)', () => {
    const xml = request(`${SOURCE}<Description xml:space="preserve">  a\n    b  </Description><VCloudExtension>  <x:y xmlns:x="urn:x">t <z/> u</x:y> </VCloudExtension>`);
    const once = format(xml);
    expect(format(once.bytes).changed).toBe(false);
  });
});

describe('schema order', () => {
  it('puts children in the order of the description, rasd Items alphabetically', () => {
    const xml = request(
      `${SOURCE}<SourcedItem><Source href="h"/><InstantiationParams><ovf:VirtualHardwareSection><ovf:Info>h</ovf:Info><ovf:Item><rasd:VirtualQuantity>4096</rasd:VirtualQuantity><rasd:ResourceType>4</rasd:ResourceType><rasd:InstanceID>2</rasd:InstanceID><rasd:ElementName>m</rasd:ElementName></ovf:Item></ovf:VirtualHardwareSection></InstantiationParams></SourcedItem>`,
      ` xmlns:rasd="${RASD}"`,
    );
    const out = fmt(xml);
    const names = [...out.matchAll(/<rasd:(\w+)>/g)].map((m) => m[1]);
    expect(names).toEqual(['ElementName', 'InstanceID', 'ResourceType', 'VirtualQuantity']);
  });

  it('the sections of InstantiationParams (a choice) keep their relative order', () => {
    const xml = request(`${SOURCE}<InstantiationParams><NetworkConfigSection><ovf:Info>n</ovf:Info></NetworkConfigSection><LeaseSettingsSection><ovf:Info>l</ovf:Info></LeaseSettingsSection></InstantiationParams>`);
    const out = fmt(xml);
    expect(out.indexOf('<NetworkConfigSection>')).toBeLessThan(out.indexOf('<LeaseSettingsSection>'));
  });

  it('an element the description does not know moves with the sibling before it', () => {
    const xml = request(`  <VmCapabilities/>\n  <Description>d</Description>\n  <Unknown/>\n  ${SOURCE}\n  <InstantiationParams/>`);
    // Order: Description (with Unknown after it), InstantiationParams, Source; VmCapabilities (no known sibling before) goes with Description.
    expect(fmt(xml)).toBe(request(`  <VmCapabilities/>\n  <Description>d</Description>\n  <Unknown/>\n  <InstantiationParams/>\n  ${SOURCE}`));
  });

  it('a foreign element under xs:any ##other goes to the end of the sequence', () => {
    const xml = request(`${SOURCE}<InstantiationParams><LeaseSettingsSection><ext:Note xmlns:ext="urn:ext">n</ext:Note><DeploymentLeaseInSeconds>60</DeploymentLeaseInSeconds><ovf:Info>l</ovf:Info></LeaseSettingsSection></InstantiationParams>`);
    const out = fmt(xml);
    expect(out).toMatch(/<ovf:Info>l<\/ovf:Info>\s*<DeploymentLeaseInSeconds>60<\/DeploymentLeaseInSeconds>\s*<ext:Note>n<\/ext:Note>/);
  });

  it('a second ovf:Info keeps its place (the schema takes it as xs:any content; regression from the fuzz run)', () => {
    const body = `${SOURCE}<InstantiationParams><GuestCustomizationSection><ovf:Info>g</ovf:Info><Enabled>true</Enabled><ovf:Info>again</ovf:Info></GuestCustomizationSection></InstantiationParams>`;
    expect(fmt(request(body))).toMatch(/<ovf:Info>g<\/ovf:Info>\s*<Enabled>true<\/Enabled>\s*<ovf:Info>again<\/ovf:Info>/);
  });

  it('does not invent a missing ovf:Info (fmt is not build: validate reports it)', () => {
    const out = fmt(request(`${SOURCE}<InstantiationParams><LeaseSettingsSection><DeploymentLeaseInSeconds>60</DeploymentLeaseInSeconds></LeaseSettingsSection></InstantiationParams>`));
    expect(out).not.toContain('Info');
  });

  it('CreateItem content (kept as generic XML) is re-indented but not reordered', () => {
    const xml = `<ComposeVAppParams xmlns="${V}"><CreateItem name="vm"><Zeta/><Alpha/></CreateItem></ComposeVAppParams>`;
    expect(fmt(xml)).toContain('  <CreateItem name="vm">\n    <Zeta/>\n    <Alpha/>\n  </CreateItem>\n');
  });
});

describe('layout', () => {
  it('two-space indentation, <a/> for empty elements, one line end at the end', () => {
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}">\n\n\t\t<Source href="h"></Source>   <InstantiationParams>\n</InstantiationParams></InstantiateVAppTemplateParams>`;
    expect(fmt(xml)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams xmlns="${V}">\n  <InstantiationParams/>\n  <Source href="h"/>\n</InstantiateVAppTemplateParams>\n`);
  });

  it('wraps a start tag longer than --print-width (default 100) one attribute a line', () => {
    const long = `<Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-a36ffda1-30da-4492-868b" name="web"/>`;
    const out = fmt(request(long));
    expect(out).toContain('  <Source\n      href="https://vcd.example.com/api/vAppTemplate/vappTemplate-a36ffda1-30da-4492-868b"\n      name="web"/>\n');
    expect(fmt(request(long), { printWidth: 120 })).toContain(`  ${long}\n`);
    // One attribute is never wrapped: it would not get shorter.
    expect(fmt(request(`<Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-a36ffda1-30da-4492-868b-79cd44e4bef1"/>`), { printWidth: 20 })).toContain(
      '  <Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-a36ffda1-30da-4492-868b-79cd44e4bef1"/>',
    );
  });

  it('a start tag of exactly the print width stays on one line', () => {
    const tag = `<Source href="${'x'.repeat(100 - 2 - '<Source href="" name="n"/>'.length)}" name="n"/>`;
    expect(2 + tag.length).toBe(100);
    expect(fmt(request(tag))).toContain(`  ${tag}\n`);
    expect(fmt(request(tag.replace('href="', 'href="x')))).toContain('  <Source\n');
  });

  it('namespace declarations first, then the attributes in the order written, values as written', () => {
    const xml = `<InstantiateVAppTemplateParams powerOn='false' name="n" xmlns="${V}" deploy = "true">${SOURCE}</InstantiateVAppTemplateParams>`;
    expect(fmt(xml, { printWidth: 200 })).toContain(`<InstantiateVAppTemplateParams xmlns="${V}" powerOn="false" name="n" deploy="true">`);
  });

  it('keeps the XML declaration as written, and adds one for the encoding when there is none', () => {
    expect(fmt(`<?xml version='1.0' standalone='yes'?><InstantiateVAppTemplateParams xmlns="${V}"/>`)).toBe(`<?xml version='1.0' standalone='yes'?>\n<InstantiateVAppTemplateParams xmlns="${V}"/>\n`);
    expect(fmt(`<InstantiateVAppTemplateParams xmlns="${V}"/>`)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams xmlns="${V}"/>\n`);
  });

  it('keeps CRLF line ends (the first line end decides)', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\r\n<InstantiateVAppTemplateParams xmlns="${V}">\r\n<!-- c\r\n -->\r\n${SOURCE}</InstantiateVAppTemplateParams>`;
    expect(fmt(xml)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\r\n<InstantiateVAppTemplateParams xmlns="${V}">\r\n  <!-- c\r\n -->\r\n  ${SOURCE}\r\n</InstantiateVAppTemplateParams>\r\n`);
  });

  it('indentation stops growing below level 64, so deep documents do not grow quadratically', () => {
    const depth = 200;
    const xml = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:ovf="${OVF}"><VCloudExtension>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</VCloudExtension></InstantiateVAppTemplateParams>`;
    const out = fmt(xml, { maxDepth: 1000 });
    const widest = Math.max(...out.split('\n').map((l) => l.length - l.trimStart().length));
    expect(widest).toBe(128);
    expect(fmt(out, { maxDepth: 1000 })).toBe(out);
  });
});
