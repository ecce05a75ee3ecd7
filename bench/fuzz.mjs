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
 *   - build output reads back to the same output (fmt is idempotent);
 *   - the two parsers agree on well-formedness: our reader (parse) and libxml2 (validate with
 *     lint:false) both accept or both refuse the input;
 *   - no input takes more than 2 s.
 * Findings are written to bench/out/fuzz/ (input + what went wrong) and summarized at the end;
 * the exit status is 1 when there were crashes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const OUT = path.join(HERE, 'out', 'fuzz');
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const { parse, build, validate, XmlInputError, UnknownDocumentError, BuildError } = lib;

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const minutes = Number(arg('--minutes', '3'));
let state = Number(arg('--seed', String(Date.now() % 2 ** 31))) >>> 0 || 1;
const seed0 = state;
const rnd = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const enc = new TextEncoder();
const dec = new TextDecoder();

const sources = [];
for (const dir of ['fixtures/valid', 'fixtures/invalid', 'fixtures/invalid/semantic']) {
  const d = path.join(ROOT, dir);
  if (!fs.existsSync(d)) continue;
  for (const f of fs.readdirSync(d)) if (f.endsWith('.xml')) sources.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(d, f), 'utf8') });
}

function spans(t) {
  const out = [];
  const re = /<([A-Za-z_][\w.:-]*)\b[^<>]*?(\/>|>)/g;
  for (let m = re.exec(t); m && out.length < 500; m = re.exec(t)) {
    if (m[2] === '/>') out.push([m.index, m.index + m[0].length]);
    else {
      const c = t.indexOf(`</${m[1]}>`, m.index);
      if (c > 0) out.push([m.index, c + m[1].length + 3]);
    }
  }
  return out;
}

const JUNK = ['<', '>', '&', '&#0;', '&#x1;', '&#xD800;', '&#x110000;', '&amp', '&foo;', ']]>', '<!DOCTYPE x>', '<!DOCTYPE x [<!ENTITY e "e">]>', '<?pi x?>', '<?xml version="1.0"?>', '<!--', '-->', '<![CDATA[', '"', "'", '\0', '\u0007', '\ufffe', '\ud800', 'xmlns:p="u"', 'xmlns=""', 'xmlns:ovf=""', '<p:x/>', '</a>', '<a>', "='", ' a="1" a="2"', ' xml:lang="en"', ' xsi:type="x"', ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="vcloud:Foo"', '\r', '\r\n', '\t', '\u2028', '😀', 'é', '\ufeff'];

const MUT = {
  flip: (t) => {
    const b = enc.encode(t);
    for (let i = 0, n = 1 + Math.floor(rnd() * 6); i < n; i++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
    return dec.decode(b);
  },
  bytes: (t) => {
    const b = enc.encode(t);
    for (let i = 0; i < 3; i++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
    return b;
  },
  truncate: (t) => t.slice(0, Math.floor(rnd() * t.length)),
  cut: (t) => {
    const a = Math.floor(rnd() * t.length);
    return t.slice(0, a) + t.slice(a + 1 + Math.floor(rnd() * 60));
  },
  del: (t) => {
    const s = spans(t).slice(1);
    if (!s.length) return t;
    const [a, b] = pick(s);
    return t.slice(0, a) + t.slice(b);
  },
  dup: (t) => {
    const s = spans(t).slice(1);
    if (!s.length) return t;
    const [a, b] = pick(s);
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  },
  swap: (t) => {
    const s = spans(t).slice(1);
    if (s.length < 2) return t;
    let x = pick(s);
    let y = pick(s);
    if (x[0] > y[0]) [x, y] = [y, x];
    if (x[1] > y[0]) return t;
    return t.slice(0, x[0]) + t.slice(y[0], y[1]) + t.slice(x[1], y[0]) + t.slice(x[0], x[1]) + t.slice(y[1]);
  },
  move: (t) => {
    const s = spans(t).slice(1);
    if (s.length < 2) return t;
    const [a, b] = pick(s);
    const piece = t.slice(a, b);
    const rest = t.slice(0, a) + t.slice(b);
    const at = pick(spans(rest).slice(1))?.[0] ?? 0;
    return rest.slice(0, at) + piece + rest.slice(at);
  },
  junk: (t) => {
    const at = Math.floor(rnd() * t.length);
    return t.slice(0, at) + pick(JUNK) + t.slice(at);
  },
  junkInTag: (t) => {
    const s = spans(t);
    if (!s.length) return t;
    const [a] = pick(s);
    const end = t.indexOf('>', a);
    const at = end > a ? end - (t[end - 1] === '/' ? 1 : 0) : a;
    return t.slice(0, at) + pick(JUNK) + t.slice(at);
  },
  rename: (t) => {
    const s = spans(t);
    if (!s.length) return t;
    const [a] = pick(s);
    return t.slice(0, a + 1) + pick(['Zz', 'ovf:Zz', 'q:Zz', 'xmlns:', 'ovf:', '1', 'vcloud:', 'rasd:', 'x-']) + t.slice(a + 1);
  },
  ns: (t) => t.replace(pick(['http://www.vmware.com/vcloud/v1.5', 'http://schemas.dmtf.org/ovf/envelope/1', 'xmlns:rasd=', 'xmlns="', 'xmlns:vcloud=', 'ovf:', 'rasd:']), pick(['http://www.vmware.com/vcloud/v1', '', 'xmlns:zz=', 'x="', 'xmlns:ovf=', 'vcloud:', 'vmw:'])),
  value: (t) => {
    const re = />([^<>]{1,40})</g;
    const all = [...t.matchAll(re)];
    if (!all.length) return t;
    const m = pick(all);
    const v = pick(['', ' ', '-1', '99999999999999999999', 'true', 'TRUE', 'NaN', '1e3', '0x10', 'a'.repeat(5000), '&lt;&gt;', '\u00a0', '🙂']);
    return t.slice(0, m.index + 1) + v + t.slice(m.index + 1 + m[1].length);
  },
  attr: (t) => {
    const re = /="([^"]*)"/g;
    const all = [...t.matchAll(re)];
    if (!all.length) return t;
    const m = pick(all);
    const v = pick(['', ' ', '&amp;', '&#10;', '\t', 'x'.repeat(3000), '"', '<', '&#xD;&#xA;']);
    return t.slice(0, m.index + 2) + v + t.slice(m.index + 2 + m[1].length);
  },
};
const OPS = Object.keys(MUT);

const ALLOWED = [XmlInputError, UnknownDocumentError, BuildError];
const findings = new Map();
fs.mkdirSync(OUT, { recursive: true });

function record(kind, input, detail) {
  const key = `${kind}: ${String(detail).split('\n')[0].replace(/\d+/g, 'N').slice(0, 160)}`;
  const f = findings.get(key);
  if (f) {
    f.count++;
    return;
  }
  const file = path.join(OUT, `${String(findings.size).padStart(3, '0')}-${kind}.xml`);
  fs.writeFileSync(file, input);
  fs.writeFileSync(file + '.txt', `${kind}\n${detail}\n`);
  findings.set(key, { count: 1, file: path.relative(ROOT, file) });
}

async function check(input) {
  const t0 = performance.now();
  let parsedOk = false;
  try {
    const doc = parse(input);
    parsedOk = true;
    const xml = build(doc);
    const again = build(parse(xml));
    if (again !== xml) record('fmt-not-idempotent', input, 'build(parse(build(parse(x)))) differs from build(parse(x))');
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
process.exit([...findings.keys()].some((k) => k.startsWith('crash')) ? 1 : 0);
