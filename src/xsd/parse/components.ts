/**
 * The schema components of XSD 1.0 Part 1 §2.2, as the compiler builds them from the schema
 * documents (parse/*.ts). They hold object references and source places; lower.ts turns them into
 * the id-indexed tables (compiled.ts) the validator runs on and the AOT module stores.
 */
import type { SimpleType } from '../simple.js';

/** Where a component was written (for schema errors). */
export interface Place {
  file: string;
  line: number;
}

/** A default or fixed value constraint: the lexical form and the namespaces in scope (QName values). */
export interface ValueConstraint {
  fixed: boolean;
  lexical: string;
  ns?: [string, string][];
}

/** An element declaration (§3.3). */
export interface ElementDecl {
  kind: 'element';
  ns: string | null;
  local: string;
  global: boolean;
  /** Resolved in a second pass (types may refer back to the element). */
  type: TypeDef | null;
  nillable: boolean;
  abstract: boolean;
  value?: ValueConstraint;
  /** {disallowed substitutions}: Flag bits. */
  block: number;
  /** {substitution group exclusions}: Flag bits. */
  final: number;
  /** {substitution group affiliation}: the head, for global declarations. */
  head: ElementDecl | null;
  identity: IdentityConstraint[];
  doc?: string;
  place: Place;
}

/** An attribute declaration (§3.2). */
export interface AttributeDecl {
  kind: 'attribute';
  ns: string | null;
  local: string;
  global: boolean;
  type: SimpleTypeDef;
  value?: ValueConstraint;
  doc?: string;
  place: Place;
}

/** An attribute use (§3.5): a declaration in a complex type, required or not, maybe with its own value. */
export interface AttributeUse {
  decl: AttributeDecl;
  required: boolean;
  value?: ValueConstraint;
}

/** Namespace constraint of a wildcard (§3.10.1): any, not(one namespace or absent), or a set; null = absent. */
export type NsConstraint = { kind: 'any' } | { kind: 'not'; ns: (string | null)[] } | { kind: 'set'; ns: (string | null)[] };

/** A wildcard (§3.10). */
export interface Wildcard {
  kind: 'wildcard';
  constraint: NsConstraint;
  process: 'strict' | 'lax' | 'skip';
  place: Place;
}

/** A model group (§3.8). */
export interface ModelGroup {
  kind: 'group';
  compositor: 'sequence' | 'choice' | 'all';
  particles: Particle[];
  place: Place;
}

/** A particle (§3.9): a term with occurrence bounds (max Infinity = unbounded). */
export interface Particle {
  min: number;
  max: number;
  term: ElementDecl | ModelGroup | Wildcard;
}

/** Content type of a complex type (§3.4.1 {content type}). */
export type ContentType =
  | { kind: 'empty' }
  | { kind: 'simple'; type: SimpleTypeDef }
  | { kind: 'element' | 'mixed'; particle: Particle };

/** A complex type definition (§3.4). */
export interface ComplexTypeDef {
  kind: 'complex';
  ns: string | null;
  /** null for an anonymous type. */
  local: string | null;
  base: TypeDef;
  derivation: 'extension' | 'restriction';
  abstract: boolean;
  final: number;
  /** {prohibited substitutions}. */
  block: number;
  content: ContentType;
  attributes: Map<string, AttributeUse>;
  attributeWildcard: Wildcard | null;
  doc?: string;
  place: Place;
}

/** A simple type definition: the value checker from src/xsd/types plus its name and place. */
export interface SimpleTypeDef {
  kind: 'simple';
  ns: string | null;
  local: string | null;
  type: SimpleType;
  /** The base type definition (anySimpleType's base is anyType). */
  base: TypeDef | null;
  /** How it was made from its base: restriction, list or union (Flag bits for final checks). */
  variety: 'atomic' | 'list' | 'union';
  final: number;
  doc?: string;
  place: Place;
}

/** Any type definition. */
export type TypeDef = ComplexTypeDef | SimpleTypeDef;

/** An identity constraint (§3.11). */
export interface IdentityConstraint {
  kind: 'unique' | 'key' | 'keyref';
  ns: string | null;
  local: string;
  selector: XPathExpr;
  fields: XPathExpr[];
  /** For keyref: the key or unique it refers to (resolved after all are read). */
  refer: IdentityConstraint | null;
  place: Place;
}

/** A restricted XPath of §3.11.6: alternatives of steps. */
export interface XPathExpr {
  text: string;
  paths: XPathPath[];
}

/** One alternative: `.//`-anchored or not, child steps, and maybe a final attribute step (fields). */
export interface XPathPath {
  deep: boolean;
  steps: XPathStep[];
  attribute: XPathStep | null;
}

/** A name test: `*`, `p:*` (ns only) or `p:name`; `.` steps are dropped while parsing. */
export interface XPathStep {
  /** undefined = any namespace (`*`); null = no namespace. */
  ns: string | null | undefined;
  /** undefined = any local name. */
  local: string | undefined;
}

/** A notation declaration (§3.12). */
export interface NotationDecl {
  ns: string | null;
  local: string;
  publicId?: string;
  systemId?: string;
}
