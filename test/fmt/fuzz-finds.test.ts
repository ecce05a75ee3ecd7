/**
 * What `node bench/fuzz.mjs` found in fmt (2026-12-01, seed 829496315), each as a minimal case:
 * duplicated once-only children made one sort not the last (fmt of fmt output moved them again),
 * and a namespace URI holding a line break was written literally, which a reader normalizes to a space.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { readDocument } from '../../src/xml/reader.js';
import { fmt, meaning, SOURCE, V } from './helpers.js';

describe('fmt, cases the fuzzer found', () => {
  it('a child that may occur once, written three times around others: one fmt is final', () => {
    const clone = `<CloneVAppParams xmlns="${V}" name="c">
  <IsSourceDelete>false</IsSourceDelete>
  <Source href="https://vcd.example.com/api/vApp/vapp-1"/>
  <Description>d</Description><IsSourceDelete>false</IsSourceDelete><IsSourceDelete>true</IsSourceDelete>
  <AllEULAsAccepted>true</AllEULAsAccepted>
</CloneVAppParams>`;
    const once = fmt(clone);
    expect(fmt(once)).toBe(once);
    // Nothing is lost: the same elements and values, only reordered.
    const names = (x: string) => [...x.matchAll(/<(\w+)[ >/]/g)].map((m) => m[1]).sort();
    expect(names(once)).toEqual(names(clone));
    expect(once.indexOf('<Description>')).toBeLessThan(once.indexOf('<Source'));
  });

  it('the same in an InstantiateVAppTemplateParams: the twin of a late child written after an early one', () => {
    const doc = `<InstantiateVAppTemplateParams xmlns="${V}" name="x">
  <AllEULAsAccepted>true</AllEULAsAccepted>
  ${SOURCE}
  <Description>a</Description>
  <AllEULAsAccepted>false</AllEULAsAccepted>
</InstantiateVAppTemplateParams>`;
    const once = fmt(doc);
    expect(fmt(once)).toBe(once);
  });

  it('a namespace URI with a line break stays that URI (written as a character reference)', () => {
    const doc = `<InstantiateVAppTemplateParams xmlns="${V}" name="x">
  <InstantiationParams xmlns:xsi="&#10;" xsi:type="vcloud:Foo" xmlns:vcloud="${V}"/>
  ${SOURCE}
</InstantiateVAppTemplateParams>`;
    const out = fmt(doc);
    expect(out).toContain('xmlns:xsi="&#10;"');
    expect(meaning(readDocument(out))).toBe(meaning(readDocument(doc)));
  });
});

describe('messages that name a namespace written with controls', () => {
  it('quote and escape it, so the message stays one line', () => {
    expect(() => parse(`<InstantiateVAppTemplateParams xmlns="&#xD;&#xA;"/>`)).toThrow('<InstantiateVAppTemplateParams> is in "\\r\\n"; Cloud Director requests use');
  });
});
