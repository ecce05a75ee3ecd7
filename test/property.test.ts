/**
 * Property-based tests (fast-check):
 *  - random documents generated from the model descriptions (src/model/) and from the builders
 *    (src/builders.ts) survive build -> parse -> build unchanged, and parse gives back the model;
 *  - random mutations of the fixtures (byte flips, truncation, element swaps, deletions,
 *    duplications) never crash parse, validate or build(parse(x)) (the `fmt` path): the only
 *    exceptions allowed are XmlInputError, UnknownDocumentError and BuildError, and validate
 *    always resolves to a report.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, BuildError, cloneVApp, composeVApp, instantiateTemplate, normalize, parse, recomposeVApp, UnknownDocumentError, validate, XmlInputError } from '../src/index.js';
import type { VmParamsDocument } from '../src/index.js';
import type { AttrDesc, ComplexDesc, Content, ElementParticle, LeafDesc } from '../src/model/dsl.js';
import { KINDS, ROOTS, type Kind } from '../src/model/roots.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'fixtures', 'valid');
const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }));

/** Seeded runs by default (reproducible in CI); VMPARAMS_FC_SEED=random explores. */
const seed = process.env.VMPARAMS_FC_SEED === 'random' ? undefined : Number(process.env.VMPARAMS_FC_SEED ?? 20241122);
const params = (numRuns: number) => ({ numRuns, ...(seed === undefined ? {} : { seed }) });

// ---------------------------------------------------------------------------------------------
// Generators from the descriptions

/**
 * Text XML can carry: any Unicode scalar value XML 1.0 allows (§2.2), including markup characters,
 * '&lt;'-like text, CR/LF/TAB and astral characters.
 */
const xmlChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '-', '.', '_', '/', ':') },
  { weight: 2, arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&lt;', '&amp;', '&#13;', '\t', '\n', '\r', '\r\n', '  ') },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '中', '😀', '\u00a0', '\u2028', '\ue009', '\ue00d', '\ufffd') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s)) },
);
const xmlText = (maxLength = 12) => fc.array(xmlChar, { maxLength }).map((a) => a.join(''));

/** A value for a leaf's codec: sometimes a well-typed lexical form, sometimes any text (parse keeps any text). */
function leafValue(codecXsd: string): fc.Arbitrary<string> {
  const typed: Record<string, fc.Arbitrary<string>> = {
    'xs:boolean': fc.constantFrom('true', 'false', '1', '0'),
    'xs:int': fc.integer({ min: -2147483648, max: 2147483647 }).map(String),
    'xs:long': fc.integer().map(String),
    'xs:unsignedInt': fc.nat().map(String),
    'xs:unsignedShort': fc.nat({ max: 65535 }).map(String),
    'xs:unsignedLong': fc.nat().map(String),
    'xs:anyURI': fc.webUrl(),
  };
  const t = typed[codecXsd];
  return t ? fc.oneof({ weight: 3, arbitrary: t }, { weight: 1, arbitrary: xmlText() }) : xmlText();
}

function attrsOf(attrs: readonly AttrDesc[]): fc.Arbitrary<Record<string, string | undefined>> {
  const rec: Record<string, fc.Arbitrary<string>> = {};
  for (const a of attrs) rec[a.key] = leafValue(a.codec.xsd);
  return fc.record(rec, { requiredKeys: [] });
}

function leafArb(desc: LeafDesc): fc.Arbitrary<unknown> {
  const value = leafValue(desc.codec.xsd);
  if (!desc.object || desc.attrs.length === 0) return value;
  return fc.oneof(
    value,
    fc.tuple(value, attrsOf(desc.attrs)).map(([v, a]) => ({ $value: v, ...a })),
  );
}

/** A generic element for `xml` content (CreateItem/ReconfigureItem VM descriptions). */
const genericXml = fc.record({
  ns: fc.constantFrom('http://www.vmware.com/vcloud/v1.5', 'urn:example:ext'),
  name: fc.constantFrom('Name', 'Description', 'Thing'),
  // Non-empty: build writes an explicit empty text node as <a></a>, which parse reads as no children.
  children: fc.array(fc.record({ text: xmlText().filter((t) => t !== '') }), { maxLength: 1 }),
});

/** Arbitrary model objects following one description, to a bounded depth. */
function contentArb(content: Content, depth: number): fc.Arbitrary<unknown> {
  switch (content.kind) {
    case 'leaf':
      return leafArb(content);
    case 'xml':
      return genericXml;
    case 'complex':
      return complexArb(content, depth);
  }
}

const complexCache = new Map<string, fc.Arbitrary<unknown>>();

function complexArb(desc: ComplexDesc, depth: number): fc.Arbitrary<unknown> {
  const key = `${desc.name}@${depth}`;
  const hit = complexCache.get(key);
  if (hit) return hit;
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of desc.attrs) rec[a.key] = leafValue(a.codec.xsd);
  if (depth > 0) {
    for (const p of desc.children) {
      if (p.kind === 'choice') {
        rec[p.key] = fc.array(fc.oneof(...p.options.map((o) => contentArb(o.content, depth - 1).map((v) => ({ [o.key]: v })))), { minLength: 1, maxLength: 2 });
      } else {
        const item = contentArb(p.content, depth - 1);
        rec[p.key] = p.many ? fc.array(item, { minLength: 1, maxLength: 2 }) : item;
      }
    }
  }
  const required = depth > 0 ? desc.children.filter((p): p is ElementParticle => p.kind === 'element' && p.min === 1).map((p) => p.key) : [];
  const arb = fc.record(rec, { requiredKeys: required.filter((k) => k in rec) });
  complexCache.set(key, arb);
  return arb;
}

const documentArb: fc.Arbitrary<VmParamsDocument> = fc
  .constantFrom(...KINDS)
  .chain((kind: Kind) => complexArb(ROOTS[kind] as ComplexDesc, 4).map((m) => ({ kind, ...(m as object) }) as unknown as VmParamsDocument));

// ---------------------------------------------------------------------------------------------

describe('round trip of random models', () => {
  it('build is a fixed point through parse: build(parse(build(m))) === build(m)', () => {
    fc.assert(
      fc.property(documentArb, (m) => {
        const xml = build(m);
        const again = build(parse(xml));
        expect(again).toBe(xml);
      }),
      params(300),
    );
  });

  it('parse(build(m)) gives back m in raw form (every leaf as the string written)', () => {
    fc.assert(
      fc.property(documentArb, (m) => {
        const once = parse(build(m));
        // Built from the parsed model, the document reads back to the same model, positions aside.
        expect(JSON.parse(JSON.stringify(parse(build(once))))).toEqual(JSON.parse(JSON.stringify(once)));
        // Leaf text and attribute values come back exactly, markup characters and CR/LF/TAB included.
        for (const [k, v] of Object.entries(m as Record<string, unknown>)) {
          if (typeof v === 'string') expect((once as Record<string, unknown>)[k]).toBe(v);
        }
      }),
      params(200),
    );
  });

  it('normalize agrees before and after a round trip', () => {
    fc.assert(
      fc.property(documentArb, (m) => {
        const xml = build(m);
        let a: unknown;
        try {
          a = normalize(xml);
        } catch (e) {
          // normalize may refuse values its codecs cannot decode; then it must refuse both alike.
          expect(() => normalize(build(parse(xml)))).toThrow((e as Error).constructor as new () => Error);
          return;
        }
        expect(JSON.parse(JSON.stringify(normalize(build(parse(xml)))))).toEqual(JSON.parse(JSON.stringify(a)));
      }),
      params(150),
    );
  });

  const ip = fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 255 })).map(([a, b]) => `10.0.${a}.${b}`);
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);
  const vm = fc.record(
    {
      source: fc.uuid().map((u) => `https://vcd.example.com/api/vAppTemplate/vm-${u}`),
      name,
      description: xmlText(20),
      computerName: name,
      cpus: fc.integer({ min: 1, max: 8 }).map((n) => n * 8),
      coresPerSocket: fc.constantFrom(1, 2, 4, 8),
      memoryMB: fc.integer({ min: 512, max: 1 << 20 }),
      disks: fc.uniqueArray(fc.record({ instanceId: fc.integer({ min: 2000, max: 2010 }), sizeMB: fc.integer({ min: 1, max: 1 << 22 }) }), { maxLength: 3, selector: (d) => d.instanceId }),
      nics: fc.array(fc.record({ network: fc.constantFrom('net-a', 'net-b', 'none'), mode: fc.constantFrom('POOL' as const, 'DHCP' as const, 'MANUAL' as const, 'NONE' as const), ip }), { maxLength: 3 }),
      customization: fc.record({ adminPassword: xmlText(10), script: xmlText(30), changeSid: fc.boolean() }, { requiredKeys: [] }),
    },
    { requiredKeys: ['source'] },
  );
  const spec = fc.record(
    {
      name,
      description: xmlText(20),
      deploy: fc.boolean(),
      powerOn: fc.boolean(),
      networks: fc.uniqueArray(
        fc.oneof(
          fc.record({ name: fc.constantFrom('net-a', 'net-b'), fenceMode: fc.constant('bridged' as const), parent: fc.constant('https://vcd.example.com/api/admin/network/n1') }, { requiredKeys: ['name', 'parent'] }),
          fc.record({ name: fc.constantFrom('net-a', 'net-b'), fenceMode: fc.constantFrom('natRouted' as const, 'isolated' as const), parent: fc.constant('https://vcd.example.com/api/admin/network/n1'), gateway: ip, netmask: fc.constant('255.255.0.0'), pool: fc.tuple(ip, ip) }, { requiredKeys: ['name', 'parent', 'gateway'] }),
        ),
        { maxLength: 2, selector: (n) => n.name },
      ),
      vms: fc.array(vm, { maxLength: 3 }),
      acceptEulas: fc.boolean(),
    },
    { requiredKeys: ['name'] },
  );

  it('documents made by the builders round-trip too', () => {
    let built = 0;
    let runs = 0;
    fc.assert(
      fc.property(spec, fc.constantFrom('compose', 'instantiate', 'recompose', 'clone'), (s, how) => {
        runs++;
        let doc: VmParamsDocument;
        try {
          doc =
            how === 'compose'
              ? composeVApp(s as never)
              : how === 'instantiate'
                ? instantiateTemplate({ ...s, template: 'https://vcd.example.com/api/vAppTemplate/vappTemplate-1' } as never)
                : how === 'recompose'
                  ? recomposeVApp(((({ deploy, powerOn, ...rest }) => rest)(s)) as never)
                  : cloneVApp({ ...s, acceptEulas: undefined, source: 'https://vcd.example.com/api/vApp/vapp-1' } as never);
        } catch (e) {
          // A builder refuses a spec that cannot work (powerOn without deploy, ...): a BuildError, nothing else.
          if (!(e instanceof BuildError)) throw e;
          return;
        }
        built++;
        const xml = build(doc);
        expect(build(parse(xml))).toBe(xml);
      }),
      params(150),
    );
    // Most generated specs are buildable, so the round trip is really exercised.
    expect(built / runs).toBeGreaterThan(0.5);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations

const enc = new TextEncoder();

type Mutation = (text: string, r: () => number) => string | Uint8Array;

/** Element spans `<x ...>...</x>` or `<x .../>` found by a rough scan (good enough to cut and paste markup). */
function elementSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /<([A-Za-z_][\w.:-]*)\b[^<>]*?(\/>|>)/g;
  for (let m = re.exec(text); m && spans.length < 400; m = re.exec(text)) {
    if (m[2] === '/>') spans.push([m.index, m.index + m[0].length]);
    else {
      const close = text.indexOf(`</${m[1]}>`, m.index);
      if (close > 0) spans.push([m.index, close + m[1].length + 3]);
    }
  }
  return spans;
}

const pick = <T,>(xs: T[], r: () => number): T => xs[Math.floor(r() * xs.length)];

const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (t, r) => {
    const b = enc.encode(t);
    const n = 1 + Math.floor(r() * 8);
    for (let i = 0; i < n; i++) b[Math.floor(r() * b.length)] ^= 1 << Math.floor(r() * 8);
    return b;
  },
  randomBytes: (t, r) => {
    const b = enc.encode(t);
    for (let i = 0; i < 4; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return b;
  },
  truncate: (t, r) => enc.encode(t).subarray(0, Math.floor(r() * t.length)),
  deleteRange: (t, r) => {
    const a = Math.floor(r() * t.length);
    return t.slice(0, a) + t.slice(a + 1 + Math.floor(r() * 40));
  },
  deleteElement: (t, r) => {
    const spans = elementSpans(t);
    if (spans.length < 2) return t;
    const [a, b] = pick(spans.slice(1), r);
    return t.slice(0, a) + t.slice(b);
  },
  swapElements: (t, r) => {
    const spans = elementSpans(t).slice(1);
    if (spans.length < 2) return t;
    let [x, y] = [pick(spans, r), pick(spans, r)];
    if (x[0] > y[0]) [x, y] = [y, x];
    if (x[1] > y[0]) return t; // nested: not a swap
    return t.slice(0, x[0]) + t.slice(y[0], y[1]) + t.slice(x[1], y[0]) + t.slice(x[0], x[1]) + t.slice(y[1]);
  },
  duplicateElement: (t, r) => {
    const spans = elementSpans(t).slice(1);
    if (spans.length === 0) return t;
    const [a, b] = pick(spans, r);
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  },
  moveElement: (t, r) => {
    const spans = elementSpans(t).slice(1);
    if (spans.length < 2) return t;
    const [a, b] = pick(spans, r);
    const piece = t.slice(a, b);
    const rest = t.slice(0, a) + t.slice(b);
    const at = pick(elementSpans(rest).slice(1), r)?.[0] ?? 0;
    return rest.slice(0, at) + piece + rest.slice(at);
  },
  insertMarkup: (t, r) => {
    const junk = pick(['<', '>', '&', '&#0;', '&#xD800;', ']]>', '<!DOCTYPE x>', '<?pi?>', '<!--', '<![CDATA[', '"', "'", '\0', '\u0007', '\ufffe', 'xmlns:p="u"', '<p:x/>', '</a>', '<a>', '=\'', '\ud800'], r);
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + junk + t.slice(at);
  },
  renameElement: (t, r) => {
    const spans = elementSpans(t);
    if (spans.length === 0) return t;
    const [a] = pick(spans, r);
    return t.slice(0, a + 1) + pick(['Zz', 'ovf:Zz', 'q:Zz', 'xmlns', 'ovf:', '1a'], r) + t.slice(a + 1);
  },
  changeNamespace: (t, r) => t.replace(pick(['http://www.vmware.com/vcloud/v1.5', 'http://schemas.dmtf.org/ovf/envelope/1', 'xmlns:rasd=', 'xmlns="'], r), pick(['http://www.vmware.com/vcloud/v1', '', 'xmlns:zz=', 'x="'], r)),
};

const ALLOWED = [XmlInputError, UnknownDocumentError, BuildError];
const allowed = (e: unknown) => ALLOWED.some((c) => e instanceof c);

/** parse, build(parse(x)) and validate (both paths) on one input: documented errors only. */
async function survives(input: string | Uint8Array): Promise<void> {
  try {
    const doc = parse(input);
    const xml = build(doc);
    // What build writes reads back and builds to the same text (fmt is idempotent).
    expect(build(parse(xml))).toBe(xml);
  } catch (e) {
    if (!allowed(e)) throw e;
    expect((e as Error).message.length).toBeGreaterThan(0);
  }
  for (const lint of [true, false]) {
    const r = await validate(input, { lint });
    expect(typeof r.valid).toBe('boolean');
    for (const p of r.problems) {
      expect(typeof p.message).toBe('string');
      expect(p.message).not.toMatch(/\n\s+at /);
    }
  }
}

describe('random mutations of the fixtures never crash', () => {
  const mutationArb = fc.record({
    fixture: fc.nat({ max: fixtures.length - 1 }),
    ops: fc.array(fc.constantFrom(...Object.keys(MUTATIONS)), { minLength: 1, maxLength: 3 }),
    seed: fc.integer(),
  });

  it('parse, build(parse(x)) and validate throw only documented errors', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArb, async ({ fixture, ops, seed: s }) => {
        let state = s >>> 0 || 1;
        const r = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        let cur: string | Uint8Array = fixtures[fixture].text;
        for (const op of ops) {
          const text: string = typeof cur === 'string' ? cur : new TextDecoder().decode(cur);
          cur = MUTATIONS[op](text, r);
        }
        await survives(cur);
      }),
      params(400),
    );
  });

  it('every mutation kind is exercised on every fixture at least once', async () => {
    let state = 99;
    const r = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (const f of fixtures) for (const m of Object.values(MUTATIONS)) await survives(m(f.text, r));
  });
});
