/** Shared by the fmt tests: a fake Io for run(argv, io), a document wrapper, and what a tree means. */
import { NodeKind, type XmlDoc } from '../../src/xml/doc.js';
import type { Io } from '../../src/cli/io.js';
import { format, type FormatOptions } from '../../src/fmt/index.js';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const V = 'http://www.vmware.com/vcloud/v1.5';
export const OVF = 'http://schemas.dmtf.org/ovf/envelope/1';
export const RASD = 'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const SOURCE = '<Source href="https://vcd.example.com/api/vAppTemplate/vappTemplate-1"/>';

/** fmt's text for a document given as text. */
export const fmt = (xml: string | Uint8Array, opts?: FormatOptions): string => format(xml, opts).text;

/** A fake Io that records what was written; `bytes` collects what went to stdoutBytes. */
export interface FakeIo extends Io {
  out: string;
  err: string;
  bytes: Uint8Array[];
}

/** A fake Io for run(argv, io); `binary` gives it a byte stream for stdout as the real process has. */
export function fakeIo(opts: { cwd?: string; stdin?: string | Uint8Array; binary?: boolean } = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    bytes: [],
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readStdin: async () => (typeof opts.stdin === 'string' || opts.stdin === undefined ? new TextEncoder().encode(opts.stdin ?? '') : opts.stdin),
    cwd: opts.cwd ?? ROOT,
    env: {},
    isTTY: false,
  };
  if (opts.binary) io.stdoutBytes = (b) => void io.bytes.push(b);
  return io;
}

/** An InstantiateVAppTemplateParams with `body` inside (vcloud the default namespace; ovf declared on the root when the body uses it). */
export function request(body: string, rootAttrs = ''): string {
  const ovf = body.includes('ovf:') ? ` xmlns:ovf="${OVF}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<InstantiateVAppTemplateParams xmlns="${V}"${ovf}${rootAttrs}>\n${body}\n</InstantiateVAppTemplateParams>\n`;
}

/** Every comment, PI and CDATA section of a tree as written, and every text that is not whitespace, sorted. */
export function kept(doc: XmlDoc): string[] {
  const out: string[] = [];
  for (let n = 1; n < doc.count; n++) {
    const k = doc.kinds[n];
    if (k === NodeKind.Comment || k === NodeKind.PI || k === NodeKind.CData || (k === NodeKind.Text && !doc.isWhitespace(n))) out.push(doc.raw(n));
  }
  return out.sort();
}

/**
 * What a tree means, independent of prefixes, indentation and the order of element children:
 * expanded names, attributes (QName values of xsi: attributes resolved), text, CDATA, comments and
 * PIs. Iterative, post-order.
 */
export function meaning(doc: XmlDoc): string {
  const sig = new Map<number, string>();
  const order: number[] = [];
  const stack = [doc.root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of doc.elementChildren(n)) stack.push(c);
  }
  const resolve = (n: number, v: string) => {
    const m = /^([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)$/.exec(v.trim());
    const uri = m ? doc.lookupNamespace(n, m[1]) : undefined;
    return m && typeof uri === 'string' ? `{${uri}}${m[2]}` : v;
  };
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    const attrs = doc
      .attrs(n)
      .filter((a) => !doc.isNamespaceDecl(a))
      .map((a) => `{${doc.attrNs(a) ?? ''}}${doc.attrLocal(a)}=${doc.attrNs(a) === XSI ? resolve(n, doc.attrValue(a)) : doc.attrValue(a)}`)
      .sort();
    let significant = doc.attr(n, 'space', 'http://www.w3.org/XML/1998/namespace') === 'preserve';
    const kids: string[] = [];
    for (const c of doc.children(n)) {
      const k = doc.kinds[c];
      if (k === NodeKind.Element) kids.push(sig.get(c)!);
      else if (k === NodeKind.Text) {
        if (!doc.isWhitespace(c)) (significant = true), kids.push(`#${resolve(n, doc.raw(c))}`);
        else kids.push(`~${doc.raw(c)}`);
      } else {
        if (k === NodeKind.CData) significant = true;
        kids.push(doc.raw(c));
      }
    }
    const content = significant ? kids : kids.filter((k) => !k.startsWith('~')).sort();
    sig.set(n, `{${doc.ns(n) ?? ''}}${doc.local(n)}[${attrs.join(' ')}](${content.join(',')})`);
  }
  return `${doc
    .children(0)
    .filter((c) => c !== doc.root)
    .map((c) => doc.raw(c))
    .join('')}|${sig.get(doc.root)}`;
}
