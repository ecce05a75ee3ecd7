/**
 * Fuzz run over fmt (not part of npm test; test/fmt/property.test.ts is the short version there):
 *
 *   npm run build && node bench/fuzz-fmt.mjs [--cases 20000] [--seed N]
 *
 * Inputs are the fixtures changed by 1-4 stacked edits: the structural and byte mutations of
 * bench/fuzz.mjs plus edits aimed at what fmt must keep (comments and PIs anywhere, CDATA, mixed
 * content, xml:space, CR/LF, QName values, prefixes renamed and rebound, re-indentation, long and
 * single-quoted attributes), about one in five re-encoded (UTF-16LE/BE, ISO-8859-1, UTF-8 with BOM),
 * with a random --print-width. The checks are bench/fuzz-lib.mjs checkFmt: no crash, idempotent,
 * encoding kept, meaning kept, validity not worse. Findings go to bench/out/fuzz-fmt/; the exit
 * status is 1 when there was any.
 */
import path from 'node:path';
import { ROOT, arg, checkFmt, findingsLog, fmtMutations, lib, loadSources, mutations, random, reencode } from './fuzz-lib.mjs';

const cases = Number(arg('--cases', '20000'));
const seed = Number(arg('--seed', String(Date.now() % 2 ** 31))) >>> 0 || 1;
const r = random(seed);
const { rnd, pick } = r;
const sources = loadSources();
const general = mutations(r);
const aimed = fmtMutations(r);
const GENERAL = Object.keys(general);
const AIMED = Object.keys(aimed);
const { findings, record } = findingsLog(path.join(ROOT, 'bench', 'out', 'fuzz-fmt'));
const dec = new TextDecoder();
const enc = new TextEncoder();

const t0 = Date.now();
let formatted = 0;
const perOp = new Map();
for (let n = 1; n <= cases; n++) {
  let cur = pick(sources).text;
  const ops = [];
  for (let i = 0, k = 1 + Math.floor(rnd() * 4); i < k; i++) {
    // Mostly edits that keep the document readable, so fmt has something to format.
    const op = rnd() < 0.8 ? pick(AIMED) : pick(GENERAL);
    ops.push(op);
    const t = typeof cur === 'string' ? cur : dec.decode(cur);
    cur = (aimed[op] ?? general[op])(t);
  }
  if (typeof cur === 'string' && rnd() < 0.2) cur = reencode(cur, r);
  // A file as fmt reads it: bytes (a string would be taken as already decoded, whatever it declares).
  if (typeof cur === 'string') cur = enc.encode(cur);
  let parsedOk = false;
  try {
    lib.parse(cur);
    parsedOk = true;
  } catch {
    /* checkFmt compares fmt's verdict with parse's */
  }
  if (parsedOk) {
    formatted++;
    for (const op of ops) perOp.set(op, (perOp.get(op) ?? 0) + 1);
  }
  const printWidth = pick([undefined, 100, 40, 1, 200, 80]);
  await checkFmt(cur, record, { parsedOk, printWidth });
  if (n % 1000 === 0) process.stderr.write(`\r${n} cases, ${formatted} formatted, ${findings.size} distinct findings`);
}
process.stderr.write('\n');
const secs = ((Date.now() - t0) / 1000).toFixed(0);
console.log(`fuzz-fmt: ${cases} cases in ${secs} s (seed ${seed}), ${formatted} readable as requests and formatted, ${findings.size} distinct findings`);
console.log(`  edits in formatted cases: ${[...perOp].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
for (const [key, f] of findings) console.log(`  ${f.count}x ${key}  (${f.file})`);
process.exit(findings.size ? 1 : 0);
