/**
 * Conformance: every XSD 1.0 instance test of the W3C suite (Microsoft contribution) through the
 * engine, with the score per test set beside libxml2's. Fails when the overall score drops below
 * the floor reached (raise FLOOR when it improves). `W3C_README=1` (npm run xsd:w3c) also writes
 * the table and the list of remaining failures into xsd/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBXML2, runTests, scores, type Outcome } from './run.js';
import { instanceTests, SUITE_DIR, suiteMissing } from './suite.js';

/** Tests passed at least (of 4623; see xsd/README.md for the two that fail). */
const FLOOR = 4621;

/** Why the remaining failures fail (printed with them and written to xsd/README.md). */
const REASONS: Record<string, string> = {
  'attP031.i':
    'the attribute is declared use="prohibited" in a type that restricts anyType without an attribute wildcard; by Part 1 §3.4.2 the type then has no use and no wildcard for it, so the engine reports it (the suite expects it to be accepted)',
  'particlesZ001.i':
    "the suite calls the schema valid but expects this instance invalid in XSD 1.0 because the type's restriction of its base is not a valid one (its own note: 'Invalid restriction which becomes valid in XSD 1.1'); the engine does not check particle restrictions and validates against the type as written",
};

const missing = suiteMissing();
if (missing) console.log(`[xsd w3c] ${missing}`);

const pct = (a: number, b: number, digits = 1) => (b ? `${((a / b) * 100).toFixed(digits)}%` : '-');

function table(outcomes: Outcome[]): string {
  const rows = ['| test set | vmparams | libxml2 2.9.14 |', '|---|---:|---:|'];
  let ours = 0;
  let total = 0;
  let lib = 0;
  for (const [set, [pass, n]] of scores(outcomes)) {
    const l = LIBXML2[set];
    rows.push(`| ${set} | ${pass}/${n} (${pct(pass, n)}) | ${l ? `${l[0]}/${l[1]} (${pct(l[0], l[1])})` : '-'} |`);
    ours += pass;
    total += n;
    if (l) lib += l[0];
  }
  rows.push(`| **all** | **${ours}/${total} (${pct(ours, total, 2)})** | **${lib}/4626 (${pct(lib, 4626, 2)})** |`);
  return rows.join('\n');
}

function failures(outcomes: Outcome[]): string {
  return outcomes
    .filter((o) => o.got !== o.test.expected)
    .map((o) => `- ${o.test.set} ${o.test.name} (${path.relative(SUITE_DIR, o.test.instance)}): expected ${o.test.expected}, ${o.got === 'refused' ? 'schema refused' : `got ${o.got}`}${o.reason ? ` (${o.reason.replace(/\s+/g, ' ').slice(0, 200)})` : ''}${REASONS[o.test.name] ? `: ${REASONS[o.test.name]}` : ''}`)
    .join('\n');
}

describe.skipIf(missing !== null)('W3C XML Schema test suite (XSD 1.0 instance tests)', () => {
  it('scores at least the floor, per set beside libxml2', () => {
    const tests = instanceTests();
    expect(tests.length).toBeGreaterThan(4000);
    const outcomes = runTests(tests);
    const passed = outcomes.filter((o) => o.got === o.test.expected).length;
    console.log(`[xsd w3c] ${passed}/${outcomes.length} (${pct(passed, outcomes.length)})\n${table(outcomes)}\nremaining failures:\n${failures(outcomes)}`);
    if (process.env.W3C_README) writeReadme(table(outcomes), failures(outcomes));
    expect(passed).toBeGreaterThanOrEqual(FLOOR);
  });
});

function writeReadme(t: string, f: string): void {
  const file = path.resolve(import.meta.dirname, '..', '..', '..', 'xsd', 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = '<!-- w3c:start -->';
  const end = '<!-- w3c:end -->';
  const body = `${start}\n${t}\n\nRemaining failures (expected verdict, what the engine said):\n\n${f || '(none)'}\n${end}`;
  const next = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), body) : `${text.trimEnd()}\n\n${body}\n`;
  fs.writeFileSync(file, next);
}
