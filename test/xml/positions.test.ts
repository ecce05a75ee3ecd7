import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalize, parse, placeOf } from '../../src/index.js';
import { setInfo, infoOf } from '../../src/xml/positions.js';

const xml = readFileSync(new URL('../../fixtures/valid/compose-full-vm.xml', import.meta.url), 'utf8');

describe('where parsed objects came from', () => {
  it('is kept out of sight: keys, JSON and spreads see plain data', () => {
    const doc = parse(xml) as unknown as Record<string, unknown>;
    expect(Object.getOwnPropertySymbols(doc).every((s) => !Object.getOwnPropertyDescriptor(doc, s)!.enumerable)).toBe(true);
    const copy = JSON.parse(JSON.stringify(doc));
    expect(copy).toEqual(doc);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(doc));
    expect(infoOf({ ...doc })).toBeUndefined();
  });

  it('places parsed and normalized objects at their start tags', () => {
    const doc = parse(xml);
    const items = (doc as unknown as { SourcedItem: object[] }).SourcedItem;
    const at = xml.split('\n').findIndex((l) => l.includes('<SourcedItem')) + 1;
    expect(placeOf(items[0]!)).toMatchObject({ line: at });
    const norm = normalize(doc) as unknown as { SourcedItem: object[] };
    expect(placeOf(norm.SourcedItem[0]!)).toMatchObject({ line: at });
  });

  it('works for objects their caller froze', () => {
    const frozen = Object.freeze({ a: 1 });
    const info = { doc: parse(xml) as never, node: 0 };
    setInfo(frozen, info);
    expect(infoOf(frozen)).toBe(info);
    const plain = { b: 2 };
    setInfo(plain, info);
    expect(infoOf(plain)).toBe(info);
    expect(Object.keys(plain)).toEqual(['b']);
  });
});
