/**
 * Differential test: the bundled xsd/ set must give the same valid/invalid verdict as the official
 * Cloud Director 10.2.2 schema set (loaded through the --schema-dir code path) on every fixture,
 * every real-world document, and hundreds of seeded mutations of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSchemaSync } from '../../src/validate/xsd.js';
import type { Problem } from '../../src/validate/problem.js';
import { mutate, OPERATORS } from './mutate.js';
import { CORPUS_DIR, OFFICIAL_SCHEMA_DIR, REPO_ROOT, hash, referenceMissing, sourcesVerdicts, xmlFiles } from './reference.js';

const missing = referenceMissing();
if (missing) console.log(`[xsd differential] ${missing}`);

/** Mutations per operator and seed document. */
const PER_OP = 3;
const REQUIRED_AGREEMENT = 0.99;

interface Case {
  name: string;
  op: string;
  description: string;
  xml: string | Uint8Array;
}

interface Outcome extends Case {
  ours: Problem[];
  official: Problem[];
}

function verdict(p: Problem[]): 'valid' | 'invalid' {
  return p.length === 0 ? 'valid' : 'invalid';
}

describe.skipIf(missing !== null)('bundled XSDs agree with the official schema', () => {
  // fixtures (picked up at run time), the real corpus, and our own seeds for the rarer schema parts
  const seeds = [...xmlFiles(path.join(REPO_ROOT, 'fixtures')), ...xmlFiles(CORPUS_DIR), ...xmlFiles(path.join(REPO_ROOT, 'test', 'xsd', 'seeds'))];

  it('official verdicts in corpus/real/SOURCES.md match the official set loaded with schemaDir', () => {
    const expected = sourcesVerdicts();
    expect(expected.size).toBeGreaterThanOrEqual(20);
    const wrong: string[] = [];
    for (const [file, valid] of expected) {
      const problems = validateSchemaSync(fs.readFileSync(path.join(CORPUS_DIR, file)), { schemaDir: OFFICIAL_SCHEMA_DIR });
      if ((problems.length === 0) !== valid) wrong.push(`${file}: SOURCES.md says ${valid ? 'VALID' : 'INVALID'}, got ${verdict(problems)} ${problems[0]?.message ?? ''}`);
    }
    if (wrong.length) console.log(wrong.join('\n'));
    expect(wrong).toEqual([]);
  });

  it(`agrees on fixtures, the real corpus and their mutations (>= ${REQUIRED_AGREEMENT * 100}%)`, () => {
    expect(seeds.length).toBeGreaterThan(20);
    const cases: Case[] = [];
    for (const file of seeds) {
      const bytes = fs.readFileSync(file);
      const name = path.relative(REPO_ROOT, file);
      cases.push({ name, op: 'original', description: 'as found', xml: bytes });
      for (const m of mutate(bytes.toString('utf8'), hash(name), PER_OP)) cases.push({ name, op: m.op, description: m.description, xml: m.xml });
    }
    const outcomes: Outcome[] = cases.map((c) => ({
      ...c,
      ours: validateSchemaSync(c.xml),
      official: validateSchemaSync(c.xml, { schemaDir: OFFICIAL_SCHEMA_DIR }),
    }));
    const disagreements = outcomes.filter((o) => verdict(o.ours) !== verdict(o.official));
    const agreement = 1 - disagreements.length / outcomes.length;
    const mutants = outcomes.filter((o) => o.op !== 'original');

    // Report: the figure, the mix, and every disagreement in full.
    const byOp = new Map<string, { n: number; invalid: number; disagree: number }>();
    for (const o of outcomes) {
      const s = byOp.get(o.op) ?? { n: 0, invalid: 0, disagree: 0 };
      s.n++;
      if (verdict(o.official) === 'invalid') s.invalid++;
      if (verdict(o.ours) !== verdict(o.official)) s.disagree++;
      byOp.set(o.op, s);
    }
    const lines = [
      `[xsd differential] ${outcomes.length} documents (${seeds.length} originals, ${mutants.length} mutations): ` +
        `agreement ${(agreement * 100).toFixed(2)}% (${disagreements.length} disagreements)`,
      ...[...byOp].map(([op, s]) => `  ${op.padEnd(24)} ${String(s.n).padStart(4)} docs, ${String(s.invalid).padStart(4)} officially invalid, ${s.disagree} disagree`),
      ...disagreements.map(
        (d) =>
          `  DISAGREE ${d.name} [${d.op}: ${d.description}]\n` +
          `    bundled:  ${verdict(d.ours)} ${d.ours[0] ? `- ${d.ours[0].path}: ${d.ours[0].message}` : ''}\n` +
          `    official: ${verdict(d.official)} ${d.official[0] ? `- ${d.official[0].path}: ${d.official[0].message}` : ''}`,
      ),
    ];
    console.log(lines.join('\n'));

    // every original document (fixtures and real corpus) must agree, not just 99% of the total
    expect(disagreements.filter((d) => d.op === 'original').map((d) => d.name)).toEqual([]);
    expect(mutants.length).toBeGreaterThanOrEqual(300);
    // the mutations must actually exercise both verdicts
    const officiallyInvalid = mutants.filter((o) => verdict(o.official) === 'invalid').length;
    expect(officiallyInvalid).toBeGreaterThan(mutants.length * 0.3);
    expect(mutants.length - officiallyInvalid).toBeGreaterThan(mutants.length * 0.05);
    expect(new Set(mutants.map((m) => m.op)).size).toBe(OPERATORS.length);
    expect(agreement).toBeGreaterThanOrEqual(REQUIRED_AGREEMENT);
  });
});
