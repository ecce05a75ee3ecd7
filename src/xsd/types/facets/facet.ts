/**
 * What the facet modules share: the effective facets of a type (its own plus those inherited from
 * its base, Part 2 §4.1.3), the derivation step a facet module applies itself to, and the shape of
 * a run-time check. Each facet module (length.ts, pattern.ts, ...) validates its facet when a type
 * is derived (a SchemaTypeError on failure) and compiles the check that runs on instance values.
 */
import { SchemaTypeError } from '../errors.js';
import type { NsContext } from '../lexical/qname.js';
import type { FacetName, Primitive } from '../primitives.js';
import type { Value } from '../value.js';
import type { WhiteSpace } from '../whitespace.js';

/** A numeric facet (length family, digits). `native` marks a value a built-in type checks itself. */
export interface NumFacet {
  readonly value: number;
  readonly fixed: boolean;
  readonly native?: boolean;
}

/** A bound (min/max inclusive/exclusive): the value and the literal it came from. */
export interface BoundFacet {
  readonly value: Value;
  readonly literal: string;
  readonly fixed: boolean;
  readonly native?: boolean;
}

/** The enumeration of the most derived step that has one. */
export interface EnumFacet {
  readonly literals: readonly string[];
  readonly values: readonly Value[];
}

/** The patterns of one derivation step (ORed), translated to one JavaScript RegExp. */
export interface PatternStep {
  readonly xsd: readonly string[];
  readonly source: string;
  readonly flags: string;
}

/** The effective facets of a type. */
export interface FacetSet {
  readonly whiteSpace: WhiteSpace;
  readonly whiteSpaceFixed: boolean;
  readonly length?: NumFacet;
  readonly minLength?: NumFacet;
  readonly maxLength?: NumFacet;
  readonly totalDigits?: NumFacet;
  readonly fractionDigits?: NumFacet;
  readonly maxInclusive?: BoundFacet;
  readonly maxExclusive?: BoundFacet;
  readonly minInclusive?: BoundFacet;
  readonly minExclusive?: BoundFacet;
  readonly enumeration?: EnumFacet;
  /** One entry per derivation step with patterns; a value must match every entry (ANDed). */
  readonly patterns: readonly PatternStep[];
}

/** A facet as written in a restriction (`<xs:maxLength value="10" fixed="true"/>`). */
export interface FacetSpec {
  name: FacetName;
  value: string;
  fixed?: boolean;
  /** Namespace bindings where the facet is written (QName and NOTATION enumeration values). */
  nsContext?: NsContext;
}

/** A failed check: the message id and its data (see messages.ts). */
export interface Failure {
  readonly ok: false;
  readonly messageId: string;
  readonly data: Record<string, string | number>;
}

/** A run-time facet check: undefined when the value passes. */
export type Check = (value: Value, normalized: string) => Failure | undefined;

/** What a facet module sees of the base type when a type is derived from it. */
export interface BaseView {
  readonly variety: 'atomic' | 'list' | 'union';
  readonly primitive?: Primitive;
  readonly facets: FacetSet;
  /** Validate a literal against the base type (all of its facets). */
  validate(lexical: string, ns?: NsContext): { ok: true; value: Value; normalized: string } | Failure;
  /** Validate a literal against the built-in ancestor only (bounds, which may equal a base bound). */
  validateBuiltin(lexical: string, ns?: NsContext): { ok: true; value: Value; normalized: string } | Failure;
  /** Order of two values of the base's value space (NaN when incomparable). */
  compare(a: Value, b: Value): number;
}

/** One derivation step: the base, the facet specs of this step by name, and the set being built. */
export interface Step {
  readonly base: BaseView;
  readonly specs: ReadonlyMap<FacetName, readonly FacetSpec[]>;
  readonly typeName: string;
  /** The effective facets so far; a module replaces the entries it owns. */
  next: { -readonly [K in keyof FacetSet]: FacetSet[K] };
}

/** Throw the schema error for a facet. */
export function facetError(facet: string, message: string): never {
  throw new SchemaTypeError(message, facet);
}

/** The single spec of a facet that may appear once per step (error when repeated). */
export function single(step: Step, name: FacetName): FacetSpec | undefined {
  const list = step.specs.get(name);
  if (!list || list.length === 0) return undefined;
  if (list.length > 1) facetError(name, `${name} appears ${list.length} times in one restriction of ${step.typeName}; it may appear once`);
  return list[0];
}

/** A base facet marked fixed may only be restated with the same value (Part 2 §4.3, "fixed"). */
export function checkFixed(name: string, base: { fixed: boolean } | undefined, same: boolean, typeName: string): void {
  if (base?.fixed && !same) facetError(name, `${name} is fixed in the base type of ${typeName} and cannot be changed`);
}

/** Text for a message: one line, control characters shown as \uXXXX (never sent to a terminal raw). */
export function clean(v: string): string {
  return v.replace(/[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Quote a literal for a message: shortened and clean()ed. */
export function quote(v: string): string {
  return `'${clean(v.length > 60 ? `${v.slice(0, 57)}...` : v)}'`;
}

/** Build a failure object. */
export function failure(messageId: string, data: Record<string, string | number>): Failure {
  return { ok: false, messageId, data };
}

/** Parse a nonNegativeInteger facet value (length family, fractionDigits); positive for totalDigits. */
export function facetNumber(spec: FacetSpec, positive: boolean): number {
  const s = spec.value.trim();
  if (!/^\+?[0-9]+$/.test(s) || (positive && /^\+?0+$/.test(s))) {
    facetError(spec.name, `${spec.name}="${clean(spec.value)}" must be a ${positive ? 'positive' : 'non-negative'} integer`);
  }
  return Number(s);
}
