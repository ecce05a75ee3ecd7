/**
 * interface.md, "fmt keeps what the user wrote", point by point (library side; the CLI side, --write,
 * is in cli.test.ts): comments and PIs kept and attached, CDATA, text byte for byte, idempotence.
 */
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { SOURCE, V, OVF, fmt, kept, meaning, request } from './helpers.js';

describe('fmt keeps every comment and processing instruction', () => {
  it('keeps them all, byte for byte, and the document means the same', () => {
    const xml = request(
      `<!-- first -->\n${SOURCE}<?app keep this?>\n  <Description>d<!--inside text--></Description>\n<InstantiationParams><!-- only comment --><?pi one?>\n<!-- multi\n     line -->\n</InstantiationParams>`,
    );
    const out = fmt(xml);
    expect(kept(readDocument(out))).toEqual(kept(readDocument(xml)));
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(xml)));
  });

  it('a comment on its own line(s) before an element moves with that element', () => {
    const xml = request(`  ${SOURCE}\n  <!-- about the description -->\n  <!-- second line of it -->\n  <Description>d</Description>`);
    expect(fmt(xml)).toBe(request(`  <!-- about the description -->\n  <!-- second line of it -->\n  <Description>d</Description>\n  ${SOURCE}`));
  });

  it('a comment after the last child stays at the end of its parent, even when that child moves', () => {
    const xml = request(`  ${SOURCE}\n  <Description>d</Description>\n  <!-- the end -->`);
    expect(fmt(xml)).toBe(request(`  <Description>d</Description>\n  ${SOURCE}\n  <!-- the end -->`));
  });

  it('a comment on the same line after an end tag stays after that element, on its line', () => {
    const xml = request(`  ${SOURCE} <!-- the template -->\n  <Description>d</Description>   <!-- why --><?pi x?>`);
    expect(fmt(xml)).toBe(request(`  <Description>d</Description> <!-- why --> <?pi x?>\n  ${SOURCE} <!-- the template -->`));
  });

  it('a comment on the start tag line stays there (a head comment of the parent)', () => {
    const xml = request(`  <InstantiationParams> <!-- vApp sections -->\n    <NetworkConfigSection><ovf:Info>n</ovf:Info></NetworkConfigSection>\n  </InstantiationParams>\n  ${SOURCE}`);
    expect(fmt(xml)).toContain('  <InstantiationParams> <!-- vApp sections -->\n    <NetworkConfigSection>\n');
  });

  it('comments before and after the root stay there', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n<?app before?>\n<InstantiateVAppTemplateParams xmlns="${V}">${SOURCE}</InstantiateVAppTemplateParams> <!-- same line -->\n\n<!-- after -->\n`;
    expect(fmt(xml)).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n<?app before?>\n<InstantiateVAppTemplateParams xmlns="${V}">\n  ${SOURCE}\n</InstantiateVAppTemplateParams> <!-- same line -->\n<!-- after -->\n`,
    );
  });

  it('a comment where the element has no other child keeps its place with the right indentation', () => {
    const xml = request(`  ${SOURCE}\n  <InstantiationParams>\n        <!-- nothing yet -->\n  </InstantiationParams>`);
    expect(fmt(xml)).toBe(request(`  <InstantiationParams>\n    <!-- nothing yet -->\n  </InstantiationParams>\n  ${SOURCE}`));
  });
});

describe('fmt keeps text as written', () => {
  it('CDATA sections stay CDATA', () => {
    const xml = request(`${SOURCE}<Description><![CDATA[a < b && c]]></Description>`);
    expect(fmt(xml)).toContain('<Description><![CDATA[a < b && c]]></Description>');
  });

  it('CustomizationScript keeps its exact characters, CR and references included', () => {
    const script = '@echo off\r\nnet user admin &quot;x&quot;&#13;\r\n  indented\r\n\ttab &amp; more\r\n';
    const xml = request(
      `<InstantiationParams><GuestCustomizationSection><ovf:Info>g</ovf:Info><CustomizationScript>${script}</CustomizationScript></GuestCustomizationSection></InstantiationParams>${SOURCE}`,
    );
    const out = format(xml);
    expect(out.text).toContain(`<CustomizationScript>${script}</CustomizationScript>`);
    const value = (t: string) => {
      const doc = readDocument(t);
      let n = 0;
      while (doc.kinds[n] !== 1 || doc.local(n) !== 'CustomizationScript') n++;
      return doc.textContent(n);
    };
    expect(value(out.text)).toBe(value(xml));
  });

  it('Value, Description and whitespace-only values are not trimmed or re-indented', () => {
    const xml = request(
      `${SOURCE}<Description>  two spaces\n    and an indented line  </Description><InstantiationParams><ovf:ProductSection><ovf:Info>p</ovf:Info><ovf:Property ovf:key="k" ovf:type="string"><ovf:Value ovf:value=" v "/></ovf:Property></ovf:ProductSection><LeaseSettingsSection><ovf:Info> </ovf:Info></LeaseSettingsSection></InstantiationParams>`,
    );
    const out = fmt(xml);
    expect(out).toContain('<Description>  two spaces\n    and an indented line  </Description>');
    expect(out).toContain('<ovf:Value ovf:value=" v "/>');
    expect(out).toContain('<ovf:Info> </ovf:Info>');
  });

  it('attribute values keep references and characters as written', () => {
    const xml = request(`<Source href="https://h/a?x=1&amp;y=&#34;2&#34;" name='say "hi"'/>`);
    expect(fmt(xml)).toContain(`<Source href="https://h/a?x=1&amp;y=&#34;2&#34;" name='say "hi"'/>`);
  });
});

describe('fmt is idempotent and says when it changed something', () => {
  it('fmt of fmt output is unchanged', () => {
    const xml = request(`  ${SOURCE} <!-- t -->\n<!-- lead -->\n<Description>d <b>mixed</b> tail</Description>\n<!-- end -->`);
    const once = format(xml);
    expect(once.changed).toBe(true);
    const twice = format(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.changed).toBe(false);
    expect(format(once.bytes).changed).toBe(false);
  });

  it('throws the documented errors for documents that are not requests', () => {
    expect(() => format('<a/>')).toThrow(expect.objectContaining({ name: 'UnknownDocumentError', line: 1, column: 1 }));
    expect(() => format('<InstantiateVAppTemplateParams xmlns="urn:x"/>')).toThrow(expect.objectContaining({ name: 'UnknownDocumentError' }));
    expect(() => format(`<InstantiateVAppTemplateParams xmlns="${V}">`)).toThrow(expect.objectContaining({ name: 'XmlInputError' }));
    expect(() => format(`<InstantiateVAppTemplateParams xmlns="${V}" xmlns:ovf="${OVF}"><a><b></b></a></InstantiateVAppTemplateParams>`, { maxDepth: 2 })).toThrow(
      expect.objectContaining({ name: 'XmlInputError', messageId: 'too-deep' }),
    );
  });
});
