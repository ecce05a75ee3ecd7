/**
 * A generic XElement (hand-built, or cloned without its tree) as a small XmlDoc of its own, so the
 * description reader can type it the same way it types parsed content. The tree has no source text:
 * values are stored decoded, and positions come from an anchor the caller gives.
 */
import { AttrFlag, NodeKind, TextFlag, XmlDoc } from './doc.js';
import { unclark } from './names.js';
import { isText, type XElement } from './tree.js';

const UTF8 = { name: 'UTF-8', bom: false };
const XML_WS = /^[ \t\r\n]*$/;

/** Build a tree for `el`; returns the tree and the node of `el` in it. Iterative. */
export function treeOf(el: XElement): [XmlDoc, number] {
  const doc = new XmlDoc('', UTF8);
  const qname = (prefix: string, local: string): number => {
    doc.qnameStrings.push(prefix ? `${prefix}:${local}` : local);
    doc.qnamePrefix.push(prefix);
    doc.qnameLocal.push(local);
    return doc.qnameStrings.length - 1;
  };
  const last = new Map<number, number>();
  const append = (kind: NodeKind, parent: number): number => {
    const n = doc.addNode(kind, parent, 0, last.get(parent) ?? -1);
    last.set(parent, n);
    return n;
  };
  const add = (x: XElement, parent: number): number => {
    const n = append(NodeKind.Element, parent);
    doc.qnames[n] = qname(x.prefix ?? '', x.name);
    doc.names[n] = doc.expanded(x.ns, x.name);
    doc.attrFirst[n] = doc.attrCount;
    const attrs = Object.entries(x.attrs ?? {});
    doc.attrLen[n] = attrs.length;
    for (const [k, v] of attrs) {
      const { ns, local } = unclark(k);
      const a = doc.addAttr(qname('', local), doc.expanded(ns, local), 0, 0, 0, AttrFlag.Decode);
      doc.decodedAttr.set(a, v);
    }
    return n;
  };
  const top = add(el, 0);
  doc.root = top;
  const stack: [XElement, number][] = [[el, top]];
  while (stack.length) {
    const [x, n] = stack.pop()!;
    for (const c of x.children ?? []) {
      if (isText(c)) {
        const t = append(NodeKind.Text, n);
        doc.flags[t] = TextFlag.References | (XML_WS.test(c.text) ? TextFlag.Whitespace : 0);
        doc.decodedText.set(t, c.text);
      } else stack.push([c, add(c, n)]);
    }
  }
  return [doc, top];
}
