/** sortChildren: the language server's "Sort children into schema order" edit (one element, nothing else touched). */
import { describe, expect, it } from 'vitest';
import { sortChildren, type TextEdit } from '../../src/fmt/index.js';
import { readDocument } from '../../src/xml/reader.js';
import type { XmlDoc } from '../../src/xml/doc.js';
import { SOURCE, V } from './helpers.js';

const apply = (text: string, e: TextEdit) => text.slice(0, e.start) + e.text + text.slice(e.end);
const element = (doc: XmlDoc, qname: string) => {
  for (let n = 1; n < doc.count; n++) if (doc.kinds[n] === 1 && doc.qname(n) === qname) return n;
  throw new Error(qname);
};

describe('sortChildren', () => {
  const text = `<InstantiateVAppTemplateParams xmlns="${V}" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1">
    ${SOURCE}   <!-- the template -->
      <!-- why -->
      <Description>d</Description>
  <InstantiationParams><LeaseSettingsSection><DeploymentLeaseInSeconds>1</DeploymentLeaseInSeconds><ovf:Info>l</ovf:Info></LeaseSettingsSection></InstantiationParams>
  <!-- end -->
</InstantiateVAppTemplateParams>`;

  it('reorders the children of one element, each with its comments, keeping its own text and the whitespace between', () => {
    const doc = readDocument(text);
    const edit = sortChildren(doc, doc.root)!;
    expect(apply(text, edit)).toBe(`<InstantiateVAppTemplateParams xmlns="${V}" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1">
    <!-- why -->
      <Description>d</Description>
      <InstantiationParams><LeaseSettingsSection><DeploymentLeaseInSeconds>1</DeploymentLeaseInSeconds><ovf:Info>l</ovf:Info></LeaseSettingsSection></InstantiationParams>
  ${SOURCE}   <!-- the template -->
  <!-- end -->
</InstantiateVAppTemplateParams>`);
    expect(edit.start).toBe(text.indexOf('<Source'));
  });

  it('works on a nested element, and gives null when the children are in order or not element-only', () => {
    const doc = readDocument(text);
    const lease = element(doc, 'LeaseSettingsSection');
    const edit = sortChildren(doc, lease)!;
    expect(edit.text).toBe('<ovf:Info>l</ovf:Info><DeploymentLeaseInSeconds>1</DeploymentLeaseInSeconds>');
    const fixed = readDocument(apply(text, edit));
    expect(sortChildren(fixed, element(fixed, 'LeaseSettingsSection'))).toBeNull();
    expect(sortChildren(doc, element(doc, 'Description'))).toBeNull();
    expect(sortChildren(doc, element(doc, 'InstantiationParams'))).toBeNull();
  });
});
