/**
 * The W3C XML Schema test suite (Microsoft contribution) in ../shared/reference/xsdtests, read
 * from its msMeta/*_w3c.xml test sets (README there). An XSD 1.0 instance test is one with a 1.0
 * expectation (or an unrestricted one), status accepted or stable (or none), in a group whose
 * schema test (itself accepted or stable) expects the schema to be valid under XSD 1.0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { NodeKind, type XmlDoc } from '../../../src/xml/doc.js';
import { readDocument } from '../../../src/xml/reader.js';
import { REFERENCE } from '../../xsd/reference.js';

/** Where the suite lives. */
export const SUITE_DIR = path.join(REFERENCE, 'xsdtests');
const TS = 'http://www.w3.org/XML/2004/xml-schema-test-suite/';
const XLINK = 'http://www.w3.org/1999/xlink';

/** One instance test. */
export interface InstanceTest {
  /** Test set (file name without _w3c.xml), group and test names. */
  set: string;
  group: string;
  name: string;
  /** Absolute paths of the schema documents (the first is the entry). */
  schemas: string[];
  instance: string;
  expected: 'valid' | 'invalid';
}

/** Why the suite cannot run here, or null. */
export function suiteMissing(): string | null {
  return fs.existsSync(path.join(SUITE_DIR, 'msMeta')) ? null : `skipped: ${SUITE_DIR} not found (the shared reference is not available here)`;
}

function kids(doc: XmlDoc, n: number, local: string): number[] {
  const out: number[] = [];
  for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) if (doc.kinds[c] === NodeKind.Element && doc.ns(c) === TS && doc.local(c) === local) out.push(c);
  return out;
}

/** Does a `version` attribute (a list of tokens) admit XSD 1.0? Absent = yes. */
function for10(doc: XmlDoc, n: number): boolean {
  const v = doc.attr(n, 'version');
  return v === undefined || v.split(/\s+/).includes('1.0');
}

/** The XSD 1.0 expectation of a test: its 1.0 one, else its unrestricted one. */
function expectation(doc: XmlDoc, test: number): 'valid' | 'invalid' | null {
  const all = kids(doc, test, 'expected');
  const pick = all.find((e) => (doc.attr(e, 'version') ?? '').split(/\s+/).includes('1.0')) ?? all.find((e) => doc.attr(e, 'version') === undefined);
  const v = pick === undefined ? undefined : doc.attr(pick, 'validity');
  return v === 'valid' || v === 'invalid' ? v : null;
}

function statusOk(doc: XmlDoc, test: number): boolean {
  const cur = kids(doc, test, 'current')[0];
  const s = cur === undefined ? undefined : doc.attr(cur, 'status');
  return s === undefined || s === 'accepted' || s === 'stable';
}

/** Every XSD 1.0 instance test of every test set. */
export function instanceTests(): InstanceTest[] {
  const meta = path.join(SUITE_DIR, 'msMeta');
  const out: InstanceTest[] = [];
  for (const file of fs.readdirSync(meta).filter((f) => f.endsWith('_w3c.xml')).sort()) {
    const set = file.replace(/_w3c\.xml$/, '');
    const doc = readDocument(fs.readFileSync(path.join(meta, file)));
    const href = (n: number) => path.resolve(meta, doc.attr(n, 'href', XLINK)!);
    for (const g of kids(doc, doc.root, 'testGroup')) {
      if (!for10(doc, g)) continue;
      const st = kids(doc, g, 'schemaTest').find((s) => for10(doc, s));
      if (st === undefined || expectation(doc, st) !== 'valid' || !statusOk(doc, st)) continue;
      const schemas = kids(doc, st, 'schemaDocument').map(href);
      for (const it of kids(doc, g, 'instanceTest')) {
        if (!for10(doc, it) || !statusOk(doc, it)) continue;
        const expected = expectation(doc, it);
        if (!expected) continue;
        out.push({ set, group: doc.attr(g, 'name')!, name: doc.attr(it, 'name')!, schemas, instance: href(kids(doc, it, 'instanceDocument')[0]), expected });
      }
    }
  }
  return out;
}
