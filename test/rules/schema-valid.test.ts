/**
 * The rule tests' documents are "schema-valid but wrong" (issue 5): every valid case and every invalid
 * case not marked `schemaInvalid` must pass the OFFICIAL vCloud Director XSDs (../shared/reference), so
 * each rule demonstrably catches something the schema lets through.
 */
import { describe, expect, test } from 'vitest';
import { officialSchemaUnavailableReason, officialValidator } from '../helpers/official-schema.js';
import { allCases } from './cases/index.js';

const reason = officialSchemaUnavailableReason();
if (reason) console.warn(`skipped: ${reason}`);

describe.skipIf(!!reason)('rule case documents against the official schema', () => {
  for (const [id, cases] of Object.entries(allCases)) {
    test(id, async () => {
      const validate = await officialValidator();
      const docs = [
        ...cases.valid.map((c, i) => ({ what: `valid #${i + 1}`, code: typeof c === 'string' ? c : c.code })),
        ...cases.invalid.filter((c) => !c.schemaInvalid).map((c, i) => ({ what: `invalid #${i + 1}`, code: c.code })),
      ];
      const failures = docs.flatMap((d) => {
        const v = validate(d.code);
        return v.valid ? [] : [`${d.what}: ${v.errors.slice(0, 3).join(' | ')}`];
      });
      expect(failures).toEqual([]);
      // A case marked schemaInvalid must really be schema-invalid, or the mark hides a schema-valid example.
      for (const c of cases.invalid.filter((x) => x.schemaInvalid)) expect(validate(c.code).valid).toBe(false);
    });
  }
});
