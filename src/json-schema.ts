/**
 * JSON Schemas of the request documents in their JSON/YAML form (what build takes, what parse and
 * normalize print), generated from the model descriptions (src/model/**), so editors complete and
 * check request files. One engine over the descriptions, like parse and build (style.md §3):
 * complex types become `$defs` entries named after the schema type, leaves their codec's values
 * (a decoded value, or its lexical form as a string), version facts become descriptions.
 * scripts/gen-schemas.mjs writes the results to schemas/; a test keeps them current.
 */
import { z } from 'zod';
import type { AttrDesc, ComplexDesc, Content, ElementParticle, LeafDesc, Meta, Particle } from './model/dsl.js';
import type { Codec } from './model/codecs.js';
import { KINDS, ROOTS, type Kind } from './model/roots.js';
import { RasdItem } from './model/sections/virtual-hardware.js';
import { InstantCloneSpec, RestInstantCloneBody } from './vsphere/schema.js';

type Schema = Record<string, unknown>;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** Version and input facts as a sentence for an editor's hover. */
function facts(m: Meta): string {
  const s: string[] = [];
  if (m.since) s.push(`Since API ${m.since}.`);
  if (m.deprecated) s.push(`Deprecated in API ${m.deprecated}${m.replacement ? `; use ${m.replacement}` : ''}.`);
  if (m.removed) s.push(`Removed in API ${m.removed}.`);
  if (m.readOnly) s.push('Read-only: the server ignores it in a request.');
  return s.join(' ');
}

function scalarDef(codec: Codec): Schema {
  if (codec.value === 'boolean') return { anyOf: [{ type: 'boolean' }, { type: 'string', pattern: '^\\s*(true|false|1|0)\\s*$' }] };
  if (codec.value === 'integer') return { anyOf: [{ type: 'integer', minimum: codec.min, maximum: codec.max }, { type: 'string', pattern: '^\\s*[+-]?\\d+\\s*$' }] };
  return { type: 'string' };
}

const withDescription = (s: Schema, ...parts: string[]): Schema => {
  const d = parts.filter(Boolean).join(' ');
  return d ? { ...s, description: d } : s;
};

const GENERIC: Record<string, Schema> = {
  Attrs: {
    type: 'object',
    description: 'Attributes the description does not declare, by Clark name ({namespace}local, or local): kept and written back. Namespace declarations go in $ns.',
    propertyNames: { not: { pattern: '^(xmlns(:.*)?|\\{http://www\\.w3\\.org/2000/xmlns/\\}.*)$' } },
    additionalProperties: { type: 'string' },
  },
  Namespaces: {
    type: 'object',
    description: 'Namespace declarations written on this element: prefix ("" for the default namespace) -> URI. Written back on the same element.',
    additionalProperties: { type: 'string' },
  },
  XText: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false },
  XElement: {
    type: 'object',
    description: 'An XML element vmparams has no description for, kept as a tree.',
    properties: {
      ns: { type: ['string', 'null'], description: 'Namespace URI, or null for no namespace.' },
      name: { type: 'string', pattern: '^[^\\s:<>&"\']+$', description: 'Local name (an XML name without prefix).' },
      prefix: { type: 'string', description: 'The prefix it was written with (a hint).' },
      attrs: { $ref: '#/$defs/Attrs' },
      children: { type: 'array', items: { $ref: '#/$defs/XNode' } },
      namespaces: { $ref: '#/$defs/Namespaces' },
    },
    required: ['ns', 'name'],
    additionalProperties: false,
  },
  XNode: { oneOf: [{ $ref: '#/$defs/XText' }, { $ref: '#/$defs/XElement' }] },
  Any: { type: 'array', description: 'Elements and text the description does not declare (xs:any content, unknown children): kept and written back.', items: { $ref: '#/$defs/XNode' } },
};

/** The generator: `$defs` filled as types are reached. */
class Generator {
  readonly defs: Record<string, Schema> = {};
  private names = new Map<object, string>();
  private used = new Set<string>();
  private generic = false;

  private scalars: Record<string, Schema> = {};

  /** A leaf value: a `$defs` entry per XML Schema type (`xs.boolean`), its decoded value or its lexical form. */
  scalar(codec: Codec): Schema {
    const name = codec.xsd.replace(':', '.');
    this.scalars[name] ??= withDescription(scalarDef(codec), codec.value === 'string' ? `${codec.xsd}.` : `${codec.xsd}: the value, or its lexical form as a string.`);
    return { $ref: `#/$defs/${name}` };
  }

  ref(name: string): Schema {
    if (name in GENERIC) this.generic = true;
    return { $ref: `#/$defs/${name}` };
  }

  content(c: Content): Schema {
    switch (c.kind) {
      case 'leaf':
        return this.leaf(c);
      case 'complex':
        return this.complex(c);
      case 'xml':
        return withDescription(this.ref('XElement'), `Kept as an XML tree (${c.name}).`);
    }
  }

  private attribute(a: AttrDesc): Schema {
    const s = withDescription(this.scalar(a.codec), `Attribute ${a.ns ? `{${a.ns}}` : ''}${a.local} (${a.codec.xsd}).`, facts(a), a.default !== undefined ? `Default: ${a.default}.` : '');
    const d = a.default !== undefined ? a.codec.decode(a.default) : undefined;
    return d === undefined ? s : { ...s, default: d };
  }

  private leaf(c: LeafDesc): Schema {
    const plain = this.scalar(c.codec);
    if (!c.object) return plain;
    const properties: Schema = { $value: withDescription(plain, 'The element\'s text.') };
    for (const a of c.attrs) properties[a.key] = this.attribute(a);
    properties.$attrs = this.ref('Attrs');
    properties.$any = this.ref('Any');
    properties.$ns = this.ref('Namespaces');
    return { anyOf: [plain, { type: 'object', properties, additionalProperties: false }] };
  }

  private particle(p: ElementParticle): Schema {
    const one = withDescription(this.content(p.content), facts(p));
    return p.many ? withDescription({ type: 'array', items: this.content(p.content) }, `Repeated <${p.local}>.`, facts(p)) : one;
  }

  private choice(p: Extract<Particle, { kind: 'choice' }>): Schema {
    const options: Schema[] = p.options.map((o) => ({
      type: 'object',
      properties: { [o.key]: withDescription(this.content(o.content), facts(o)) },
      required: [o.key],
      additionalProperties: false,
    }));
    if (p.keepUnknown) options.push({ type: 'object', description: 'A section vmparams does not model, kept as written.', properties: { $xml: this.ref('XElement') }, required: ['$xml'], additionalProperties: false });
    return { type: 'array', description: 'In document order, one single-key object per element.', items: { oneOf: options } };
  }

  complex(desc: ComplexDesc, root?: Kind): Schema {
    let name = this.names.get(desc);
    if (root) name = root;
    if (!name) {
      name = desc.name;
      for (let i = 2; this.used.has(name); i++) name = `${desc.name}_${i}`;
      this.names.set(desc, name);
    }
    if (!this.used.has(name)) {
      this.used.add(name);
      this.defs[name] = {};
      const properties: Schema = {};
      const required: string[] = [];
      if (root) {
        properties.kind = { const: root, description: 'The request type (the root element).' };
        properties.$schema = { type: 'string', description: 'The JSON Schema of this file, for editors; not written.' };
        required.push('kind');
      }
      for (const a of desc.attrs) {
        properties[a.key] = this.attribute(a);
        if (a.required) required.push(a.key);
      }
      for (const p of desc.children) {
        if (p.kind === 'choice') properties[p.key] = this.choice(p);
        else {
          properties[p.key] = this.particle(p);
          if (p.min === 1 && !p.many && !p.autofill) required.push(p.key);
        }
      }
      properties.$attrs = this.ref('Attrs');
      properties.$any = this.ref('Any');
      properties.$ns = this.ref('Namespaces');
      if (desc === (RasdItem as unknown)) properties.$note = { type: 'string', description: 'A remark from normalize (units kept as written); build ignores it.' };
      this.defs[name] = { type: 'object', title: root ?? desc.name, properties, ...(required.length && { required }), additionalProperties: false };
    }
    return { $ref: `#/$defs/${name}` };
  }

  /** `$defs` with the generic tree types when used, in a stable order. */
  finish(): Record<string, Schema> {
    const out: Record<string, Schema> = { ...this.defs, ...Object.fromEntries(Object.entries(this.scalars).sort(([a], [b]) => (a < b ? -1 : 1))) };
    if (this.generic) Object.assign(out, GENERIC);
    return out;
  }
}

/** The JSON Schema of one request kind, or of any request (`oneOf` the five, told apart by `kind`). */
export function requestJsonSchema(kind?: Kind): Schema {
  const g = new Generator();
  const kinds = kind ? [kind] : KINDS;
  const refs = kinds.map((k) => g.complex(ROOTS[k] as unknown as ComplexDesc, k));
  return {
    $schema: DRAFT,
    title: kind ? `vmparams ${kind}` : 'vmparams request',
    description: `A Cloud Director ${kind ?? 'request'} document in the JSON/YAML form that 'vmparams build' takes and 'vmparams normalize' prints (generated from the vmparams model).`,
    ...(kind ? refs[0] : { oneOf: refs }),
    $defs: g.finish(),
  };
}

/** The JSON Schema of an instant-clone request body, either form (`/api` spec or `/rest` `{spec}`), from its zod schemas. */
export function instantCloneJsonSchema(): Schema {
  const body = z.union([InstantCloneSpec.meta({ title: 'VM.InstantCloneSpec (/api form)' }), RestInstantCloneBody.meta({ title: '/rest form: {"spec": ...}' })]).meta({
    title: 'vmparams instant-clone request',
    description: 'The body of POST /api/vcenter/vm?action=instant-clone (VM.InstantCloneSpec), or of the deprecated /rest form; what vmparams instant-clone validate|privileges|convert|send take.',
  });
  return z.toJSONSchema(body) as Schema;
}

/** Every generated schema file: name in schemas/ -> content. */
export function generatedSchemas(): Record<string, Schema> {
  const out: Record<string, Schema> = { 'request.schema.json': requestJsonSchema() };
  for (const k of KINDS) out[`${k}.schema.json`] = requestJsonSchema(k);
  out['instant-clone.schema.json'] = instantCloneJsonSchema();
  return out;
}
