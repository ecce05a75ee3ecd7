/**
 * xsd/catalog.xml maps each namespace of a request to its bundled schema (OASIS catalog `uri`
 * entries), so editors that bind documents by namespace (lemminx, the VS Code XML extension)
 * validate with xsd/: every entry names a file that exists and declares that namespace, and
 * libxml2's own catalog resolver finds the same files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NS } from '../../src/xml/names.js';
import { readDocument } from '../../src/xml/reader.js';
import { ROOT } from '../cli/helpers.js';

const CATALOG = join(ROOT, 'xsd/catalog.xml');
const OASIS = 'urn:oasis:names:tc:entity:xmlns:xml:catalog';

/** The catalog's `<uri name=... uri=...>` entries whose name is a namespace (not a schema location). */
function namespaceEntries(): { name: string; file: string }[] {
  const doc = readDocument(readFileSync(CATALOG, 'utf8'));
  expect(doc.ns(doc.root)).toBe(OASIS);
  return doc
    .elementChildren(doc.root)
    .filter((e) => doc.local(e) === 'uri' && !/\.xsd$/.test(doc.attr(e, 'name') ?? ''))
    .map((e) => ({ name: doc.attr(e, 'name')!, file: resolve(ROOT, 'xsd', doc.attr(e, 'uri')!) }));
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

describe('xsd/catalog.xml', () => {
  it('maps the vCloud namespace and every namespace a request uses to a bundled schema of that namespace', () => {
    const entries = namespaceEntries();
    const names = entries.map((e) => e.name);
    for (const ns of [NS.vcloud, NS.ovf, NS.rasd, NS.vssd, NS.vmw, NS.cim, NS.ovfenv]) expect(names).toContain(ns);
    for (const { name, file } of entries) {
      expect(existsSync(file), file).toBe(true);
      const schema = readDocument(readFileSync(file, 'utf8'));
      expect(schema.attr(schema.root, 'targetNamespace'), file).toBe(name);
    }
  });

  const xmlcatalog = has('xmlcatalog') && has('xmllint');
  if (!xmlcatalog) console.log('catalog.test: xmlcatalog/xmllint not installed (apt-get install -y libxml2-utils): libxml2 resolution not checked');
  it.skipIf(!xmlcatalog)('resolves through libxml2 (xmlcatalog) to files that validate a request with xmllint', () => {
    for (const { name, file } of namespaceEntries()) {
      const r = spawnSync('xmlcatalog', [CATALOG, name], { encoding: 'utf8' });
      const resolved = r.stdout.trim().split('\n').pop()!.replace(/^file:\/\//, '');
      expect(resolve(resolved), name).toBe(file);
    }
    // The schema the catalog gives for the vCloud namespace checks a request on its own.
    const vcloud = namespaceEntries().find((e) => e.name === NS.vcloud)!.file;
    const ok = spawnSync('xmllint', ['--noout', '--nonet', '--schema', vcloud, join(ROOT, 'fixtures/valid/compose-full-vm.xml')], { encoding: 'utf8' });
    expect(ok.stderr).toMatch(/validates/);
    expect(ok.status).toBe(0);
    const bad = spawnSync('xmllint', ['--noout', '--nonet', '--schema', vcloud, join(ROOT, 'fixtures/invalid/sourceditem-localid-before-generalparams.xml')], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
