/**
 * Fuzz run over parse / build / validate (not part of npm test):
 *
 *   npm run build && node bench/fuzz.mjs [--minutes 3] [--seed N]
 *
 * Inputs are the fixtures (fixtures/valid and fixtures/invalid) mutated by stacked random edits:
 * byte flips, truncation, deletion/duplication/swap/move of elements, inserted markup, renamed
 * elements and prefixes, changed namespaces. For each input it checks that
 *   - parse, build(parse(x)) and validate (rules on and --no-lint) throw nothing but the documented
 *     errors (XmlInputError, UnknownDocumentError, BuildError; validate never throws);
 *   - build output reads back to the same output (build is idempotent);
 *   - fmt passes bench/fuzz-lib.mjs checkFmt (no crash, idempotent, encoding and meaning kept,
 *     validity not worse; bench/fuzz-fmt.mjs runs these alone, over edits aimed at fmt);
 *   - the two parsers agree on well-formedness: our reader (parse) and libxml2 (validate with
 *     lint:false) both accept or both refuse the input;
 *   - no input takes more than 2 s.
 * Findings are written to bench/out/fuzz/ (input + what went wrong) and summarized at the end;
 * the exit status is 1 when there were crashes or fmt findings.
 */
import path from 'node:path';
import { ROOT, arg, checkFmt, findingsLog, lib, loadSources, mutations, random } from './fuzz-lib.mjs';

const OUT = path.join(ROOT, 'bench', 'out', 'fuzz');
const { parse, build, validate, XmlInputError, UnknownDocumentError, BuildError } = lib;

const minutes = Number(arg('--minutes', '3'));
const seed0 = Number(arg('--seed', String(Date.now() % 2 ** 31))) >>> 0 || 1;
const r = random(seed0);
const { rnd, pick } = r;
const dec = new TextDecoder();
const enc = new TextEncoder();
const sources = loadSources();
const MUT = mutations(r);
const OPS = Object.keys(MUT);

const ALLOWED = [XmlInputError, UnknownDocumentError, BuildError];
const { findings, record } = findingsLog(OUT);

async function check(input) {
  const t0 = performance.now();
  let parsedOk = false;
  try {
    const doc = parse(input);
    parsedOk = true;
    const xml = build(doc);
    const again = build(parse(xml));
    if (again !== xml) record('build-not-idempotent', input, 'build(parse(build(parse(x)))) differs from build(parse(x))');
  } catch (e) {
    if (!ALLOWED.some((c) => e instanceof c)) record('crash-parse-build', input, e?.stack ?? String(e));
    else if (/\n/.test(e.message)) record('multiline-message', input, e.message);
  }
  let noLint;
  for (const lint of [true, false]) {
    try {
      const r = await validate(input, { lint });
      if (!lint) noLint = r;
      for (const p of r.problems) if (/\n/.test(p.message)) record('multiline-message', input, p.message);
    } catch (e) {
      record(`crash-validate${lint ? '' : '-nolint'}`, input, e?.stack ?? String(e));
    }
  }
  if (noLint) {
    const libxmlOk = !noLint.problems.some((p) => p.rule === 'xml');
    // parse also refuses documents that are XML but not requests (UnknownDocumentError): only compare the XML verdict.
    let readerOk = parsedOk;
    if (!parsedOk) {
      try {
        parse(input);
      } catch (e) {
        readerOk = e instanceof UnknownDocumentError;
      }
    }
    if (libxmlOk !== readerOk) record('parsers-disagree', input, `reader ${readerOk ? 'accepts' : 'refuses'}, libxml2 ${libxmlOk ? 'accepts' : 'refuses: ' + noLint.problems.find((p) => p.rule === 'xml')?.message}`);
  }
  // fmt: no crash, idempotent, encoding and meaning kept, validity not worse (bench/fuzz-lib.mjs).
  // On the bytes, as a file is read (a string would be taken as decoded, whatever it declares).
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  let bytesOk = false;
  try {
    parse(bytes);
    bytesOk = true;
  } catch {
    /* checkFmt compares fmt's verdict with parse's */
  }
  await checkFmt(bytes, record, { parsedOk: bytesOk, printWidth: pick([undefined, 40, 100]) });
  const ms = performance.now() - t0;
  if (ms > 2000) record('slow', input, `${ms.toFixed(0)} ms`);
}

const deadline = Date.now() + minutes * 60_000;
let n = 0;
while (Date.now() < deadline) {
  let cur = pick(sources).text;
  const k = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < k; i++) {
    const out = MUT[pick(OPS)](typeof cur === 'string' ? cur : dec.decode(cur));
    cur = out;
  }
  await check(cur);
  n++;
  if (n % 1000 === 0) process.stderr.write(`\r${n} inputs, ${findings.size} distinct findings`);
}
process.stderr.write('\n');
console.log(`fuzz: ${n} inputs in ${minutes} min (seed ${seed0}), ${findings.size} distinct findings`);
for (const [key, f] of findings) console.log(`  ${f.count}x ${key}  (${f.file})`);
process.exit([...findings.keys()].some((k) => k.startsWith('crash') || k.startsWith('fmt-')) ? 1 : 0);
