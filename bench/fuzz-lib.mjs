/**
 * What the fuzz runs share (bench/fuzz.mjs, bench/fuzz-fmt.mjs): a seeded random source, the
 * fixtures as seeds, the mutations, a findings log, and the fmt checks:
 *   - fmt throws nothing but XmlInputError / UnknownDocumentError, and reads what parse reads;
 *   - fmt(fmt(x)) === fmt(x) (idempotent), and fmt(x) keeps x's encoding;
 *   - fmt(x) means what x means: the same tree with element children in any order (names as
 *     expanded names, attributes, QName values resolved, text, CDATA, comments and PIs byte for byte);
 *   - validate(fmt(x)) has no error that validate(x) lacks, and a schema-valid x stays schema-valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
export const lib = await import(dist('index.js'));
const { format } = await import(dist('fmt/index.js'));
const { readDocument } = await import(dist('xml/reader.js'));
const { NodeKind } = await import(dist('xml/doc.js'));

/** Command-line option `--name value`. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};

/** A seeded linear congruential generator (reproducible runs: print the seed). */
export function random(seed) {
  let state = seed >>> 0 || 1;
  const rnd = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { rnd, pick: (xs) => xs[Math.floor(rnd() * xs.length)] };
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The fixtures, as seeds. */
export function loadSources() {
  const sources = [];
  for (const dir of ['fixtures/valid', 'fixtures/invalid', 'fixtures/invalid/semantic']) {
    const d = path.join(ROOT, dir);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d)) if (f.endsWith('.xml')) sources.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(d, f), 'utf8') });
  }
  return sources;
}

/** [start, end) of elements in t (a rough scan: enough to cut and paste subtrees). */
export function spans(t) {
  const out = [];
  const re = /<([A-Za-z_][\w.:-]*)\b[^<>]*?(\/>|>)/g;
  for (let m = re.exec(t); m && out.length < 500; m = re.exec(t)) {
    if (m[2] === '/>') out.push([m.index, m.index + m[0].length]);
    else {
      const c = t.indexOf(`</${m[1]}>`, m.index);
      if (c > 0) out.push([m.index, c + m[1].length + 3]);
    }
  }
  return out;
}

const JUNK = ['<', '>', '&', '&#0;', '&#x1;', '&#xD800;', '&#x110000;', '&amp', '&foo;', ']]>', '<!DOCTYPE x>', '<!DOCTYPE x [<!ENTITY e "e">]>', '<?pi x?>', '<?xml version="1.0"?>', '<!--', '-->', '<![CDATA[', '"', "'", '\0', '\u0007', '\ufffe', '\ud800', 'xmlns:p="u"', 'xmlns=""', 'xmlns:ovf=""', '<p:x/>', '</a>', '<a>', "='", ' a="1" a="2"', ' xml:lang="en"', ' xsi:type="x"', ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="vcloud:Foo"', '\r', '\r\n', '\t', '\u2028', '😀', 'é', '\ufeff'];

/** The mutations of bench/fuzz.mjs (stacked random edits of a fixture). */
export function mutations({ rnd, pick }) {
  return {
    flip: (t) => {
      const b = enc.encode(t);
      for (let i = 0, n = 1 + Math.floor(rnd() * 6); i < n; i++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
      return dec.decode(b);
    },
    bytes: (t) => {
      const b = enc.encode(t);
      for (let i = 0; i < 3; i++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      return b;
    },
    truncate: (t) => t.slice(0, Math.floor(rnd() * t.length)),
    cut: (t) => {
      const a = Math.floor(rnd() * t.length);
      return t.slice(0, a) + t.slice(a + 1 + Math.floor(rnd() * 60));
    },
    del: (t) => {
      const s = spans(t).slice(1);
      if (!s.length) return t;
      const [a, b] = pick(s);
      return t.slice(0, a) + t.slice(b);
    },
    dup: (t) => {
      const s = spans(t).slice(1);
      if (!s.length) return t;
      const [a, b] = pick(s);
      return t.slice(0, b) + t.slice(a, b) + t.slice(b);
    },
    swap: (t) => {
      const s = spans(t).slice(1);
      if (s.length < 2) return t;
      let x = pick(s);
      let y = pick(s);
      if (x[0] > y[0]) [x, y] = [y, x];
      if (x[1] > y[0]) return t;
      return t.slice(0, x[0]) + t.slice(y[0], y[1]) + t.slice(x[1], y[0]) + t.slice(x[0], x[1]) + t.slice(y[1]);
    },
    move: (t) => {
      const s = spans(t).slice(1);
      if (s.length < 2) return t;
      const [a, b] = pick(s);
      const piece = t.slice(a, b);
      const rest = t.slice(0, a) + t.slice(b);
      const at = pick(spans(rest).slice(1))?.[0] ?? 0;
      return rest.slice(0, at) + piece + rest.slice(at);
    },
    junk: (t) => {
      const at = Math.floor(rnd() * t.length);
      return t.slice(0, at) + pick(JUNK) + t.slice(at);
    },
    junkInTag: (t) => {
      const s = spans(t);
      if (!s.length) return t;
      const [a] = pick(s);
      const end = t.indexOf('>', a);
      const at = end > a ? end - (t[end - 1] === '/' ? 1 : 0) : a;
      return t.slice(0, at) + pick(JUNK) + t.slice(at);
    },
    rename: (t) => {
      const s = spans(t);
      if (!s.length) return t;
      const [a] = pick(s);
      return t.slice(0, a + 1) + pick(['Zz', 'ovf:Zz', 'q:Zz', 'xmlns:', 'ovf:', '1', 'vcloud:', 'rasd:', 'x-']) + t.slice(a + 1);
    },
    ns: (t) => t.replace(pick(['http://www.vmware.com/vcloud/v1.5', 'http://schemas.dmtf.org/ovf/envelope/1', 'xmlns:rasd=', 'xmlns="', 'xmlns:vcloud=', 'ovf:', 'rasd:']), pick(['http://www.vmware.com/vcloud/v1', '', 'xmlns:zz=', 'x="', 'xmlns:ovf=', 'vcloud:', 'vmw:'])),
    value: (t) => {
      const all = [...t.matchAll(/>([^<>]{1,40})</g)];
      if (!all.length) return t;
      const m = pick(all);
      const v = pick(['', ' ', '-1', '99999999999999999999', 'true', 'TRUE', 'NaN', '1e3', '0x10', 'a'.repeat(5000), '&lt;&gt;', '\u00a0', '🙂']);
      return t.slice(0, m.index + 1) + v + t.slice(m.index + 1 + m[1].length);
    },
    attr: (t) => {
      const all = [...t.matchAll(/="([^"]*)"/g)];
      if (!all.length) return t;
      const m = pick(all);
      const v = pick(['', ' ', '&amp;', '&#10;', '\t', 'x'.repeat(3000), '"', '<', '&#xD;&#xA;']);
      return t.slice(0, m.index + 2) + v + t.slice(m.index + 2 + m[1].length);
    },
  };
}

/** Places just after a tag ends (`>`) or just before one starts: where markup can be inserted. */
function gaps(t) {
  const out = [];
  for (const m of t.matchAll(/>/g)) out.push(m.index + 1);
  return out;
}

/**
 * Mutations that keep a document well-formed (mostly) and exercise what fmt must keep: comments and
 * PIs everywhere, CDATA, mixed content, xml:space, CR/LF line ends, QName values, prefixes renamed
 * or bound twice, re-indentation, long attributes.
 */
export function fmtMutations({ rnd, pick }) {
  const at = (t, piece) => {
    const g = gaps(t);
    if (!g.length) return t;
    const i = pick(g);
    return t.slice(0, i) + piece + t.slice(i);
  };
  const ws = () => pick(['', ' ', '\n', '\n  ', '\n\n    ', '\t', '\r\n  ']);
  return {
    comment: (t) => at(t, `${ws()}<!--${pick([' note ', ' vmparams-disable-next-line nic/x ', '', ' multi\n   line\n ', ' ü € 😀 ', ' <Tag attr="v"/> ', ' a -'.slice(0, 3)])}-->${ws()}`),
    pi: (t) => at(t, `${ws()}<?${pick(['fmt', 'x-y', 'target'])}${pick(['', ' data', ' a="b" ?', '  spaced  '])}?>${ws()}`),
    cdata: (t) => {
      const all = [...t.matchAll(/>([^<>\s][^<>]{0,40})</g)];
      if (!all.length) return t;
      const m = pick(all);
      const body = pick([m[1], ` ${m[1]} `, '<not markup> & ', '', ']]']);
      return t.slice(0, m.index + 1) + `<![CDATA[${body}]]>` + t.slice(m.index + 1 + m[1].length);
    },
    mixed: (t) => {
      const all = [...t.matchAll(/>([^<>\s][^<>]{0,40})</g)];
      if (!all.length) return t;
      const m = pick(all);
      const piece = pick(['<b>bold</b>', '<x:i xmlns:x="urn:x">i</x:i>', '\n   <br/>\n  tail ', '<ovf:Info>in text</ovf:Info>', '<!--c-->']);
      return t.slice(0, m.index + 1) + m[1] + piece + pick(['', ' tail', '\n']) + t.slice(m.index + 1 + m[1].length);
    },
    preserve: (t) => {
      const s = spans(t);
      if (!s.length) return t;
      const [a] = pick(s);
      const end = t.indexOf('>', a);
      const cut = end - (t[end - 1] === '/' ? 1 : 0);
      return t.slice(0, cut) + pick([' xml:space="preserve"', ' xml:space="default"', " xml:space='preserve'"]) + t.slice(cut);
    },
    crlf: (t) => t.replace(/\r?\n/g, pick(['\r\n', '\n', '\r'])),
    reindent: (t) => (rnd() < 0.5 ? t.replace(/>\s+</g, '><') : t.replace(/>\s*</g, () => `>${pick(['\n', '\n' + ' '.repeat(Math.floor(rnd() * 12)), '\t', ' '])}<`)),
    qnameValue: (t) => {
      const s = spans(t).slice(1);
      if (!s.length) return t;
      const [a] = pick(s);
      const end = t.indexOf('>', a);
      const cut = end - (t[end - 1] === '/' ? 1 : 0);
      const piece = pick([
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string"',
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ovf:Msg_Type"',
        ' xmlns:x="urn:two" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="x:T2"',
        ' xmlns:ovf="urn:not-ovf" ovf:foo="1"',
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Unprefixed"',
        ' xmlns="urn:other"',
        ' xmlns=""',
      ]);
      return t.slice(0, cut) + piece + t.slice(cut);
    },
    renamePrefix: (t) => {
      const p = pick(['ovf', 'rasd', 'vssd', 'vmw', 'vcloud']);
      const q = pick(['o', 'r', 'ns0', 'p', 'xs', 'ovf', 'rasd']);
      return t.replace(new RegExp(`(?<=[<\\s/'"])${p}:`, 'g'), `${q}:`).replace(new RegExp(`xmlns:${p}=`, 'g'), `xmlns:${q}=`);
    },
    prefixDefault: (t) => {
      const v = pick(['vcloud', 'v', 'ovf']);
      if (!t.includes('xmlns="http://www.vmware.com/vcloud/v1.5"')) return t;
      return t.replace('xmlns="http://www.vmware.com/vcloud/v1.5"', `xmlns:${v}="http://www.vmware.com/vcloud/v1.5"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${v}:$2`);
    },
    textQName: (t) => {
      const all = [...t.matchAll(/>([^<>\s][^<>]{0,40})</g)];
      if (!all.length) return t;
      const m = pick(all);
      return t.slice(0, m.index + 1) + pick(['ovf:Info', 'rasd:x', 'vcloud:v', 'xs:int', 'see ovf: the prefix']) + t.slice(m.index + 1 + m[1].length);
    },
    longAttr: (t) => {
      const all = [...t.matchAll(/="([^"]*)"/g)];
      if (!all.length) return t;
      const m = pick(all);
      return t.slice(0, m.index + 2) + m[1] + 'x'.repeat(Math.floor(rnd() * 120)) + t.slice(m.index + 2 + m[1].length);
    },
    singleQuotes: (t) => t.replace(/="([^"]*)"/g, (all, v) => (rnd() < 0.5 ? `='${v}'` : all)),
    dropDecl: (t) => t.replace(/^<\?xml[^>]*>\s*/, ''),
  };
}

/** Encode a (text) document in another encoding, with the declaration to match. */
export function reencode(t, { pick }) {
  const body = t.replace(/^<\?xml[^>]*\?>/, '');
  const which = pick(['UTF-16LE', 'UTF-16BE', 'ISO-8859-1', 'UTF-8-BOM']);
  if (which === 'ISO-8859-1') {
    const x = `<?xml version="1.0" encoding="ISO-8859-1"?>${body}`;
    // Characters outside Latin-1 would not survive: keep the text as UTF-8 then.
    if (/[^\u0000-\u00ff]/.test(x)) return t;
    return Uint8Array.from(x, (c) => c.charCodeAt(0));
  }
  if (which === 'UTF-8-BOM') return Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode(t)]);
  const x = `<?xml version="1.0" encoding="UTF-16"?>${body}`;
  const le = which === 'UTF-16LE';
  const out = new Uint8Array(2 + x.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** A findings log: the first input of each distinct finding is saved to `out`. */
export function findingsLog(out) {
  const findings = new Map();
  fs.mkdirSync(out, { recursive: true });
  const record = (kind, input, detail) => {
    const key = `${kind}: ${String(detail).split('\n')[0].replace(/\d+/g, 'N').slice(0, 160)}`;
    const f = findings.get(key);
    if (f) return void f.count++;
    const file = path.join(out, `${String(findings.size).padStart(3, '0')}-${kind}.xml`);
    fs.writeFileSync(file, input);
    fs.writeFileSync(file + '.txt', `${kind}\n${detail}\n`);
    findings.set(key, { count: 1, file: path.relative(ROOT, file) });
  };
  return { findings, record };
}

// ---------------------------------------------------------------------------------------------
// What a document means, independent of sibling order, prefixes and indentation.

const QNAME = /^\s*([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)\s*$/;

/** A value that is a QName whose prefix is declared in scope, as `{uri}local`; else the value itself. */
function resolved(doc, n, value) {
  const m = QNAME.exec(value);
  if (!m) return value;
  const uri = doc.lookupNamespace(n, m[1]);
  return typeof uri === 'string' ? `{${uri}}${m[2]}` : value;
}

/**
 * A canonical signature of the tree: per element its expanded name, attributes (by expanded name,
 * QName values resolved, sorted), then its children: in order where the content is copied as read
 * (text that is not whitespace, CDATA, xml:space), else sorted. Comments and PIs count as children of
 * their parent. Iterative (post-order over an explicit stack).
 */
export function meaning(doc) {
  const sig = new Map();
  const order = [];
  const stack = [doc.root];
  while (stack.length) {
    const n = stack.pop();
    order.push(n);
    for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) if (doc.kinds[c] === NodeKind.Element) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    const attrs = [];
    for (const a of doc.attrs(n)) {
      if (doc.isNamespaceDecl(a)) continue;
      const ns = doc.attrNs(a);
      const v = doc.attrValue(a);
      attrs.push(`${ns ? `{${ns}}` : ''}${doc.attrLocal(a)}=${JSON.stringify(ns === 'http://www.w3.org/2001/XMLSchema-instance' ? resolved(doc, n, v) : v)}`);
    }
    attrs.sort();
    const kids = [];
    let significant = doc.attr(n, 'space', 'http://www.w3.org/XML/1998/namespace') === 'preserve';
    for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
      const k = doc.kinds[c];
      if (k === NodeKind.Element) kids.push(sig.get(c));
      else if (k === NodeKind.Text) {
        if (!doc.isWhitespace(c)) significant = true;
        kids.push(`#${JSON.stringify(resolved(doc, n, doc.raw(c)))}`);
      } else {
        if (k === NodeKind.CData) significant = true;
        kids.push(doc.raw(c));
      }
    }
    // Whitespace is content only where the content is not element-only.
    const content = significant ? kids : kids.filter((k) => !/^#"(\s|\\[rnt])*"$/.test(k)).sort();
    sig.set(n, `{${doc.ns(n) ?? ''}}${doc.local(n)}[${attrs.join(' ')}](${content.join(',')})`);
  }
  const outside = doc.children(0).filter((c) => c !== doc.root).map((c) => doc.raw(c));
  return `${outside.join('')}|${sig.get(doc.root)}`;
}

const errorKey = (p) => `${p.rule}|${p.path}|${p.messageId ?? p.message}`;
/** Schema errors after which the validator does not look further into the parent's content. */
const MASKING = new Set(['xsd/unexpected-element', 'xsd/unexpected-element-no-alternative', 'xsd/out-of-order', 'xsd/not-allowed-in-parent', 'xsd/too-many', 'xsd/missing-child', 'xsd/wrong-namespace', 'xsd/other', 'xsd/text-not-allowed', 'xsd/children-not-allowed']);
const parentPath = (p) => p.slice(0, p.lastIndexOf('/'));
/**
 * An error of fmt(x) that x hid: once x has a content-model error in an element, the validator stops
 * checking the rest of that element's content, so putting the children in order can reveal errors
 * that were there all along. Such errors are not fmt's doing.
 */
function masked(problem, before) {
  // Not well-formed for libxml2 (a namespace URI it refuses, say): the schema was not checked at all.
  if (before.some((q) => q.rule === 'xml')) return true;
  return before.some((q) => q.rule === 'xsd' && MASKING.has(q.messageId) && (problem.path + '/').startsWith(parentPath(q.path) + '/'));
}

/**
 * The fmt checks for one input; `record(kind, input, detail)` logs a finding. `parsedOk` is whether
 * parse accepted the input. Resolves when done.
 */
export async function checkFmt(input, record, { parsedOk, printWidth }) {
  let r1;
  try {
    r1 = format(input, { printWidth });
  } catch (e) {
    if (!(e instanceof lib.XmlInputError || e instanceof lib.UnknownDocumentError)) record('crash-fmt', input, e?.stack ?? String(e));
    else if (parsedOk) record('fmt-refuses-parsed', input, e.message);
    return;
  }
  if (!parsedOk) record('fmt-accepts-unparsed', input, 'format accepted a document parse refused');
  let r2;
  try {
    r2 = format(r1.bytes, { printWidth });
  } catch (e) {
    record('fmt-output-unreadable', input, e?.message ?? String(e));
    return;
  }
  if (r2.changed || r2.text !== r1.text) record('fmt-not-idempotent', input, firstDifference(r1.text, r2.text));
  const a = readDocument(input);
  const b = readDocument(r1.bytes);
  if (a.encoding.name !== b.encoding.name || a.encoding.bom !== b.encoding.bom) record('fmt-encoding', input, `${a.encoding.name}${a.encoding.bom ? '+BOM' : ''} became ${b.encoding.name}${b.encoding.bom ? '+BOM' : ''}`);
  const ma = meaning(a);
  const mb = meaning(b);
  if (ma !== mb) record('fmt-meaning', input, firstDifference(ma, mb));
  const [va, vb] = [await lib.validate(input), await lib.validate(r1.bytes)];
  const errorsBefore = va.problems.filter((p) => p.severity === 'error');
  const before = new Set(errorsBefore.map(errorKey));
  const added = vb.problems.filter((p) => p.severity === 'error' && !before.has(errorKey(p)) && !masked(p, errorsBefore));
  if (added.length) record('fmt-new-error', input, `${added[0].rule}: ${added[0].path}: ${added[0].message}`);
  const xsdOk = (r) => !r.problems.some((p) => p.rule === 'xsd' || p.rule === 'xml');
  if (xsdOk(va) && !xsdOk(vb)) record('fmt-schema-worse', input, 'schema-valid input, schema-invalid output');
}

function firstDifference(x, y) {
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `at ${i}: ${JSON.stringify(x.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(y.slice(Math.max(0, i - 40), i + 40))}`;
}
