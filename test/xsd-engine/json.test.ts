/**
 * Compiled schemas survive JSON (json.ts), as the bundled set does at build time: the same verdicts
 * and messages after the round trip, including automata the compiler left partly unexplored.
 */
import { describe, expect, it } from 'vitest';
import { schemaFromJSON, schemaToJSON } from '../../src/xsd/json.js';
import { CompiledSchema } from '../../src/xsd/schema.js';
import { schema } from './helpers.js';

describe('JSON round trip', () => {
  it('keeps verdicts, messages and lazily explored counters', () => {
    const s = schema(`
      <xs:simpleType name="Code"><xs:restriction base="xs:token"><xs:pattern value="[A-Z]{2}\\d+"/></xs:restriction></xs:simpleType>
      <xs:simpleType name="Codes"><xs:list itemType="Code"/></xs:simpleType>
      <xs:element name="r"><xs:complexType><xs:sequence>
        <xs:element name="c" type="Codes" minOccurs="0"/>
        <xs:sequence minOccurs="1000" maxOccurs="5000"><xs:element name="x"/></xs:sequence>
      </xs:sequence><xs:attribute name="n" type="xs:positiveInteger"/></xs:complexType></xs:element>`);
    const json = JSON.parse(JSON.stringify(schemaToJSON(s.tables)));
    expect(json.models.some((m: { expr?: unknown }) => m.expr)).toBe(true);
    const t = new CompiledSchema(schemaFromJSON(json));
    for (const doc of [`<r>${'<x/>'.repeat(1000)}</r>`, `<r>${'<x/>'.repeat(999)}</r>`, `<r n="0"><c>AB1 x</c>${'<x/>'.repeat(1200)}</r>`, `<r>${'<x/>'.repeat(5001)}</r>`]) {
      expect(t.validate(doc)).toEqual(s.validate(doc));
    }
    expect(t.validate(`<r>${'<x/>'.repeat(999)}</r>`).valid).toBe(false);
  });
});
