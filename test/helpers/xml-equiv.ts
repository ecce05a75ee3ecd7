/**
 * XML equivalence for round-trip tests: same element names (namespace URI + local name), same
 * attributes (by namespace URI), same text; prefixes, attribute order, namespace declarations,
 * comments and whitespace-only text between elements may differ.
 */
import { readXml, type ReadElement, type ReadNode } from '../../src/xml/read.js';

const isEl = (n: ReadNode): n is ReadElement => (n as ReadElement).name !== undefined;
const qn = (ns: string | null, name: string) => (ns ? `{${ns}}${name}` : name);

/** The first difference between two documents, or undefined when they are equivalent. */
export function xmlDifference(a: string | Uint8Array, b: string | Uint8Array): string | undefined {
  return diff(readXml(a).root, readXml(b).root, '');
}

function diff(a: ReadElement, b: ReadElement, path: string): string | undefined {
  const here = `${path}/${a.name}`;
  if (qn(a.ns, a.name) !== qn(b.ns, b.name)) return `${here}: element ${qn(a.ns, a.name)} became ${qn(b.ns, b.name)}`;
  const aa = new Map(a.attrs.map((x) => [qn(x.ns, x.name), x.value]));
  const ba = new Map(b.attrs.map((x) => [qn(x.ns, x.name), x.value]));
  for (const [k, v] of aa) if (ba.get(k) !== v) return `${here}: attribute ${k}=${JSON.stringify(v)} became ${JSON.stringify(ba.get(k))}`;
  for (const k of ba.keys()) if (!aa.has(k)) return `${here}: attribute ${k} appeared`;
  const ae = a.children.filter(isEl);
  const be = b.children.filter(isEl);
  if (ae.length === 0 && be.length === 0) {
    const at = a.children.map((c) => (isEl(c) ? '' : c.text)).join('');
    const bt = b.children.map((c) => (isEl(c) ? '' : c.text)).join('');
    return at === bt ? undefined : `${here}: text ${JSON.stringify(at)} became ${JSON.stringify(bt)}`;
  }
  const sig = (el: ReadElement) => el.children.filter((c) => !isEl(c) && c.text.trim() !== '').map((c) => (c as { text: string }).text.trim()).join('|');
  if (sig(a) !== sig(b)) return `${here}: mixed text ${JSON.stringify(sig(a))} became ${JSON.stringify(sig(b))}`;
  if (ae.length !== be.length) return `${here}: ${ae.length} child elements became ${be.length} (${ae.map((e) => e.name).join(',')} vs ${be.map((e) => e.name).join(',')})`;
  for (let i = 0; i < ae.length; i++) {
    const d = diff(ae[i], be[i], here);
    if (d) return d;
  }
  return undefined;
}
