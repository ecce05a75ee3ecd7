/**
 * XML equivalence for round-trip tests: same element names (namespace URI + local name), same
 * attributes (by namespace URI), same text; prefixes, attribute order, namespace declarations,
 * comments and whitespace-only text between elements may differ.
 */
import { readDocument } from '../../src/xml/reader.js';
import { toXElement } from '../../src/xml/parse.js';
import { isText, type XElement } from '../../src/xml/tree.js';

const qn = (ns: string | null, name: string) => (ns ? `{${ns}}${name}` : name);
const tree = (x: string | Uint8Array) => {
  const d = readDocument(x);
  return toXElement(d, d.root);
};

/** The first difference between two documents, or undefined when they are equivalent. */
export function xmlDifference(a: string | Uint8Array, b: string | Uint8Array): string | undefined {
  return diff(tree(a), tree(b), '');
}

function diff(a: XElement, b: XElement, path: string): string | undefined {
  const here = `${path}/${a.name}`;
  if (qn(a.ns, a.name) !== qn(b.ns, b.name)) return `${here}: element ${qn(a.ns, a.name)} became ${qn(b.ns, b.name)}`;
  const aa = new Map(Object.entries(a.attrs ?? {}));
  const ba = new Map(Object.entries(b.attrs ?? {}));
  for (const [k, v] of aa) if (ba.get(k) !== v) return `${here}: attribute ${k}=${JSON.stringify(v)} became ${JSON.stringify(ba.get(k))}`;
  for (const k of ba.keys()) if (!aa.has(k)) return `${here}: attribute ${k} appeared`;
  const ak = a.children ?? [];
  const bk = b.children ?? [];
  const ae = ak.filter((c): c is XElement => !isText(c));
  const be = bk.filter((c): c is XElement => !isText(c));
  if (ae.length === 0 && be.length === 0) {
    const at = ak.map((c) => (isText(c) ? c.text : '')).join('');
    const bt = bk.map((c) => (isText(c) ? c.text : '')).join('');
    return at === bt ? undefined : `${here}: text ${JSON.stringify(at)} became ${JSON.stringify(bt)}`;
  }
  const sig = (k: typeof ak) => k.filter((c) => isText(c) && c.text.trim() !== '').map((c) => (c as { text: string }).text.trim()).join('|');
  if (sig(ak) !== sig(bk)) return `${here}: mixed text ${JSON.stringify(sig(ak))} became ${JSON.stringify(sig(bk))}`;
  if (ae.length !== be.length) return `${here}: ${ae.length} child elements became ${be.length} (${ae.map((e) => e.name).join(',')} vs ${be.map((e) => e.name).join(',')})`;
  for (let i = 0; i < ae.length; i++) {
    const d = diff(ae[i], be[i], here);
    if (d) return d;
  }
  return undefined;
}
