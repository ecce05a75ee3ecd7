import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, parse } from '../src/index.js';
import { corpus, fixtures, HAVE_REFERENCE, skipReason } from './helpers/reference.js';
import { xmlDifference } from './helpers/xml-equiv.js';

const officialValid = corpus().filter((c) => c.valid);
const documents = [...fixtures('valid').map((path) => ({ name: `fixtures/valid/${basename(path)}`, path })), ...officialValid.map((c) => ({ name: `corpus/${c.file}`, path: c.path }))];

describe('round trip: build(parse(doc)) is XML-equivalent to doc, parse(build(x)) equals x', () => {
  it('has documents to test', () => {
    expect(fixtures('valid').length).toBeGreaterThanOrEqual(15);
    if (HAVE_REFERENCE) expect(officialValid.length).toBeGreaterThanOrEqual(10);
    else skipReason();
  });

  for (const { name, path } of documents) {
    it(name, () => {
      const source = readFileSync(path);
      const doc = parse(source);
      const xml = build(doc);
      expect(xmlDifference(source, xml)).toBeUndefined();
      expect(parse(xml)).toEqual(doc);
      // Building is deterministic and idempotent: the canonical form is a fixed point.
      expect(build(parse(xml))).toBe(xml);
    });
  }
});

describe('every real document is read or refused with a reason', () => {
  for (const c of corpus()) {
    it(`corpus/${c.file}`, () => {
      try {
        const doc = parse(readFileSync(c.path));
        expect(doc.kind).toMatch(/Params$/);
        // Whatever the schema says, what parse read can be written back.
        expect(() => build(doc)).not.toThrow();
      } catch (e) {
        // Invalid ones may be refused, but only with a message a person can act on.
        expect(c.valid).toBe(false);
        expect((e as Error).name).toMatch(/^(XmlInputError|UnknownDocumentError)$/);
        expect((e as Error).message.length).toBeGreaterThan(20);
      }
    });
  }
});
