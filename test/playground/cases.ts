/**
 * Documents of every request type in every category the playground must show right: the fixtures
 * (fixtures/valid, fixtures/invalid, fixtures/invalid/semantic), and for each type one valid
 * fixture with one edit, so that a type the fixture folders lack in a category is covered too:
 * - schema: an element the schema does not know as the root's first child (an `xsd` error);
 * - semantic: the IpAddress of a MANUAL NIC removed (`nic/manual-needs-ip`, schema-valid).
 * Which problems each document has is not written here: the tests compare the page with validate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, kindOf, ROOT } from './page.js';

/** A document and what it is meant to show. */
export interface Case {
  name: string;
  kind: string;
  category: 'valid' | 'schema' | 'semantic';
  text: string;
  /** The VDC description beside a fixture (`NAME.context.json`), for the context rules. */
  context?: string;
}

const FROM_FOLDERS = [
  ['fixtures/valid', 'valid'],
  ['fixtures/invalid', 'schema'],
  ['fixtures/invalid/semantic', 'semantic'],
] as const;

/** The root start tag, after the XML declaration and comments. */
const ROOT_TAG = /^((?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*<(?:[\w.-]+:)?\w+Params\b[^>]*>)/;

/** A MANUAL NIC's address: `<IpAddress>` followed by MANUAL within the same NetworkConnection. */
const MANUAL_IP = /\n[ \t]*<IpAddress>[^<]*<\/IpAddress>(?=(?:(?!<\/?NetworkConnection[\s>])[\s\S])*?<IpAddressAllocationMode>MANUAL<)/;

/** Every fixture, plus the edited documents of every type. */
export function cases(): Case[] {
  const out: Case[] = [];
  for (const [dir, category] of FROM_FOLDERS) {
    for (const [name, text] of fixtures(dir)) {
      const ctx = join(ROOT, name.replace(/\.xml$/, '.context.json'));
      out.push({ name, kind: kindOf(text) ?? '(none)', category, text, ...(existsSync(ctx) && { context: readFileSync(ctx, 'utf8') }) });
    }
  }
  const valid = out.filter((c) => c.category === 'valid');
  for (const kind of new Set(valid.map((c) => c.kind))) {
    const base = valid.find((c) => c.kind === kind)!;
    out.push({ name: `${base.name} + unknown element`, kind, category: 'schema', text: base.text.replace(ROOT_TAG, '$1\n  <NotInTheSchema/>') });
    const manual = valid.find((c) => c.kind === kind && MANUAL_IP.test(c.text));
    if (manual) out.push({ name: `${manual.name} - IpAddress of a MANUAL NIC`, kind, category: 'semantic', text: manual.text.replace(MANUAL_IP, '') });
  }
  return out;
}
