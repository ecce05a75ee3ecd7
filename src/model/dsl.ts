/**
 * The description language: one declarative description per XML type (element names, namespaces,
 * ordered children, cardinality, attribute forms, versions). Parse, build, normalize and version
 * checks are engines over these descriptions, and the TypeScript types are inferred from them.
 */
import type { Codec } from './codecs.js';
import type { XElement, XNode } from '../xml/tree.js';

/** Version facts and flags attached to an element or attribute (schema-facts.md §5). */
export interface Meta {
  /** One line saying what the element or attribute is for (completion and hover in the language server). */
  doc?: string;
  /** API version the item appeared in (`5.6`, `33.0`). */
  since?: string;
  /** API version that deprecated it. */
  deprecated?: string;
  /** API version that removed it (the XSD may still carry it). */
  removed?: string;
  /** `modifiable=none` in the schema: the server ignores or rejects it on input. */
  readOnly?: boolean;
  /** What to use instead, for deprecation messages. */
  replacement?: string;
}

/** An attribute: `ns` null for unqualified (vCloud) attributes, the OVF namespace for `ovf:` ones. */
export interface AttrDesc<K extends string = string, N = unknown, R extends boolean = boolean> extends Meta {
  readonly kind: 'attr';
  readonly key: K;
  readonly ns: string | null;
  readonly local: string;
  readonly codec: Codec<N>;
  readonly required: R;
  /** Schema or documented server default (lexical form), made explicit by normalize where `explicit`. */
  readonly default?: string;
  readonly explicit?: boolean;
}

/** Simple content. `Obj` is true when the element may carry attributes, so its value may be `{ $value, ... }`. */
export interface LeafDesc<N = unknown, As extends readonly AttrDesc[] = readonly AttrDesc[], Obj extends boolean = boolean> {
  readonly kind: 'leaf';
  readonly codec: Codec<N>;
  readonly attrs: As;
  readonly anyAttr: boolean;
  readonly object: Obj;
}

/** Element content: an ordered sequence of particles, attributes, and the extension policy. */
export interface ComplexDesc<Ps extends readonly Particle[] = readonly Particle[], As extends readonly AttrDesc[] = readonly AttrDesc[]> {
  readonly kind: 'complex';
  /** The schema type name, for messages. */
  readonly name: string;
  readonly children: Ps;
  readonly attrs: As;
  /** `anyAttribute ##other`: foreign attributes are kept in `$attrs` and written back. */
  readonly anyAttr: boolean;
  /** `xs:any ##other` at the end of the sequence: unknown elements are kept in `$any` and written back. */
  readonly anyTail: boolean;
}

/** Content kept as a generic XML tree (VmType in CreateItem/ReconfigureItem, deep read-only parts). */
export interface XmlDesc {
  readonly kind: 'xml';
  readonly name: string;
}

export type Content = LeafDesc<any, readonly AttrDesc[], boolean> | ComplexDesc<readonly Particle[], readonly AttrDesc[]> | XmlDesc;

/** One child element in a sequence. */
export interface ElementParticle<K extends string = string, C extends Content = Content, Min extends 0 | 1 = 0 | 1, Many extends boolean = boolean> extends Meta {
  readonly kind: 'element';
  readonly key: K;
  readonly ns: string;
  readonly local: string;
  readonly content: C;
  readonly min: Min;
  readonly many: Many;
  /** Written by build when missing (ovf:Info of sections). */
  readonly autofill?: () => unknown;
}

/** A repeated choice of elements (ovf:Section substitution group, ProductSection Category|Property): order kept. */
export interface ChoiceParticle<K extends string = string, Os extends readonly ElementParticle[] = readonly ElementParticle[], KU extends boolean = boolean> extends Meta {
  readonly kind: 'choice';
  readonly key: K;
  readonly options: Os;
  /** Unknown elements at this position are kept in order as `{ $xml: XElement }`. */
  readonly keepUnknown: KU;
}

export type Particle = ElementParticle<string, Content, 0 | 1, boolean> | ChoiceParticle<string, readonly ElementParticle[], boolean>;

// ---------------------------------------------------------------------------------------------
// Constructors

type PMeta = Meta & { autofill?: () => unknown };

/** Exactly one `<local>` child (minOccurs 1). */
export function one<const K extends string, C extends Content>(ns: string, local: K, content: C, meta: PMeta = {}): ElementParticle<K, C, 1, false> {
  return { kind: 'element', key: local, ns, local, content, min: 1, many: false, ...meta };
}
/** An optional `<local>` child (0..1). */
export function opt<const K extends string, C extends Content>(ns: string, local: K, content: C, meta: PMeta = {}): ElementParticle<K, C, 0, false> {
  return { kind: 'element', key: local, ns, local, content, min: 0, many: false, ...meta };
}
/** A repeated `<local>` child (0..*), an array in the model. */
export function many<const K extends string, C extends Content>(ns: string, local: K, content: C, meta: PMeta = {}): ElementParticle<K, C, 0, true> {
  return { kind: 'element', key: local, ns, local, content, min: 0, many: true, ...meta };
}
/** A repeated choice among elements, an ordered array of single-key objects in the model. */
export function choice<const K extends string, const Os extends readonly ElementParticle[], const KU extends boolean = false>(
  key: K,
  options: Os,
  opts: { keepUnknown?: KU } & Meta = {},
): ChoiceParticle<K, Os, KU> {
  const { keepUnknown, ...meta } = opts;
  return { kind: 'choice', key, options, keepUnknown: (keepUnknown ?? false) as KU, ...meta };
}

/** An attribute; pass `ns` for qualified (ovf:) attributes. */
export function attr<const K extends string, N, const R extends boolean = false>(
  local: K,
  codec: Codec<N>,
  opts: { ns?: string | null; required?: R; default?: string; explicit?: boolean } & Meta = {},
): AttrDesc<K, N, R> {
  const { ns, required, ...rest } = opts;
  return { kind: 'attr', key: local, ns: ns ?? null, local, codec, required: (required ?? false) as R, ...rest };
}

/** Simple content without attributes: the model value is the scalar itself. */
export function leaf<N>(codec: Codec<N>): LeafDesc<N, [], false> {
  return { kind: 'leaf', codec, attrs: [], anyAttr: false, object: false };
}
/** Simple content that may carry attributes: a scalar, or `{ $value, ...attrs, $attrs }` when attributes are present. */
export function attributedLeaf<N, const As extends readonly AttrDesc[] = []>(codec: Codec<N>, opts: { attrs?: As; anyAttr?: boolean } = {}): LeafDesc<N, As, true> {
  return { kind: 'leaf', codec, attrs: (opts.attrs ?? []) as unknown as As, anyAttr: opts.anyAttr ?? true, object: true };
}
/** Content kept as a generic XML tree. */
export function xml(name: string): XmlDesc {
  return { kind: 'xml', name };
}

interface ComplexDef<Ps extends readonly Particle[], As extends readonly AttrDesc[]> {
  children: Ps;
  attrs?: As;
  anyAttr?: boolean;
  anyTail?: boolean;
}

/** A complex type. */
export function complex<const Ps extends readonly Particle[], const As extends readonly AttrDesc[] = []>(name: string, def: ComplexDef<Ps, As>): ComplexDesc<Ps, As> {
  return { kind: 'complex', name, children: def.children, attrs: (def.attrs ?? []) as unknown as As, anyAttr: def.anyAttr ?? false, anyTail: def.anyTail ?? false };
}

/** A complex type derived by extension: base particles first, then its own (xs:extension semantics). */
export function extend<B extends ComplexDesc<readonly Particle[], readonly AttrDesc[]>, const Ps extends readonly Particle[] = [], const As extends readonly AttrDesc[] = []>(
  base: B,
  name: string,
  def: Partial<ComplexDef<Ps, As>>,
): ComplexDesc<[...B['children'], ...Ps], [...B['attrs'], ...As]> {
  return {
    kind: 'complex',
    name,
    children: [...base.children, ...(def.children ?? [])] as unknown as [...B['children'], ...Ps],
    attrs: [...base.attrs, ...(def.attrs ?? [])] as unknown as [...B['attrs'], ...As],
    anyAttr: def.anyAttr ?? base.anyAttr,
    anyTail: def.anyTail ?? base.anyTail,
  };
}

// ---------------------------------------------------------------------------------------------
// Type inference

/** `raw`: as parsed (every leaf a string); `norm`: after normalize (booleans, numbers); `input`: what build accepts (either). */
export type Mode = 'raw' | 'norm' | 'input';

type LeafValue<N, M extends Mode> = M extends 'raw' ? string : M extends 'norm' ? N : N | string;

/** What every complex object may carry besides its described content. */
export interface Extras {
  /** Attributes the description does not declare, by Clark name (`{uri}local`): kept and written back. */
  $attrs?: Record<string, string>;
  /** Elements and text the description does not declare (xs:any content, unknown children): kept and written back. */
  $any?: XNode[];
  /**
   * Namespace declarations written on this element that build would not make by itself (prefix ->
   * uri, '' = default): kept and written back, so prefixes used inside values (xsi:type="xs:int")
   * stay declared and bound as written.
   */
  $ns?: Record<string, string>;
  /** A remark normalize leaves on the object (a rasd Item whose units it kept as written); build ignores it. */
  $note?: string;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type InferAttrs<As extends readonly AttrDesc[], M extends Mode> = {
  [A in As[number] as A['required'] extends true ? A['key'] : never]: A extends AttrDesc<string, infer N, boolean> ? LeafValue<N, M> : never;
} & {
  [A in As[number] as A['required'] extends true ? never : A['key']]?: A extends AttrDesc<string, infer N, boolean> ? LeafValue<N, M> : never;
};

/** The object form of an attributed leaf. */
export type LeafObject<V> = { $value: V; $attrs?: Record<string, string>; $ns?: Record<string, string> };

type ChoiceEntry<Os extends readonly ElementParticle[], M extends Mode> = {
  [O in Os[number] as O['key']]: { [K in O['key']]: InferContent<O['content'], M> };
}[Os[number]['key']];

/** Repeated content: build also takes readonly arrays (`as const` literals). */
type List<T, M extends Mode> = M extends 'input' ? readonly T[] : T[];

type ParticleValue<P, M extends Mode> =
  P extends ChoiceParticle<string, infer Os, infer KU>
    ? List<ChoiceEntry<Os, M> | (KU extends true ? { $xml: XElement } : never), M>
    : P extends ElementParticle<string, infer C, 0 | 1, infer Many>
      ? Many extends true
        ? List<InferContent<C, M>, M>
        : InferContent<C, M>
      : never;

type IsRequired<P> = P extends { autofill: () => unknown } ? false : P extends ElementParticle<string, Content, 1, false> ? true : false;

type InferParticles<Ps extends readonly Particle[], M extends Mode> = {
  [P in Ps[number] as IsRequired<P> extends true ? P['key'] : never]: ParticleValue<P, M>;
} & {
  [P in Ps[number] as IsRequired<P> extends true ? never : P['key']]?: ParticleValue<P, M>;
};

/** The model type of some content in a mode. */
export type InferContent<C, M extends Mode = 'raw'> =
  C extends LeafDesc<infer N, infer As, infer Obj>
    ? Obj extends true
      ? LeafValue<N, M> | Simplify<LeafObject<LeafValue<N, M>> & InferAttrs<As, M>>
      : LeafValue<N, M>
    : C extends ComplexDesc<infer Ps, infer As>
      ? Simplify<InferParticles<Ps, M> & InferAttrs<As, M> & Extras>
      : C extends XmlDesc
        ? XElement
        : never;

/** The model type described by `D` (as parsed). */
export type Infer<D, M extends Mode = 'raw'> = InferContent<D, M>;
