/**
 * The compiled schema: id-indexed tables the validator runs on. lower.ts makes them from the
 * components; json.ts writes them to and reads them from plain JSON (the bundled set is such a
 * JSON module, made at build time). Everything is numbers and arrays: an element's name is a
 * symbol id, a namespace a namespace id (0 = no namespace), a content model a state table.
 */
import type { ExprTable } from './content/expr.js';
import type { SimpleType } from './simple.js';

/** A default or fixed value as written, with the namespaces in scope where it was written. */
export interface RtValue {
  fixed: boolean;
  lexical: string;
  ns?: [string, string][];
}

/** An element declaration. */
export interface RtElement {
  sym: number;
  type: number;
  global: boolean;
  nillable: boolean;
  abstract: boolean;
  /** {disallowed substitutions} (Flag bits). */
  block: number;
  /** Substitution group head (element id), -1 for none. */
  head: number;
  value?: RtValue;
  /** Identity constraint ids. */
  idcs?: number[];
  doc?: string;
}

/** Content kinds of a type. */
export const Content = { Empty: 0, Simple: 1, Element: 2, Mixed: 3 } as const;

/** An attribute use of a complex type. */
export interface RtAttrUse {
  sym: number;
  attr: number;
  required: boolean;
  value?: RtValue;
}

/** A type definition (simple or complex). */
export interface RtType {
  /** `{ns}local`, null for anonymous types. */
  name: string | null;
  /** Simple types: index into RtSchema.simple; complex types: -1. */
  simple: number;
  /** Content kind (complex types; simple types count as Simple). */
  content: number;
  /** The value type of simple content (simple index), -1 otherwise. */
  value: number;
  /** Content model id (element and mixed content), -1 otherwise. */
  model: number;
  uses: RtAttrUse[];
  /** Number of required attribute uses. */
  required: number;
  /** Attribute wildcard id, -1 for none. */
  wild: number;
  abstract: boolean;
  /** {prohibited substitutions} (Flag bits). */
  block: number;
  /** Base type id (anyType is its own base). */
  base: number;
  /** Derivation method of the last step (Flag.Extension or Flag.Restriction). */
  method: number;
  /** Mixed content whose particle can be empty (a default value may apply). */
  emptiable?: boolean;
  doc?: string;
  /** Attribute use by symbol (built at load, not stored). */
  bySym?: Map<number, RtAttrUse>;
  /** Uses with a default whose type has an identity role, and whether an ID use exists (computed on first use, not stored). */
  roles?: { defaults: RtAttrUse[]; id: boolean };
}

/** An attribute declaration. */
export interface RtAttribute {
  sym: number;
  /** Simple type index. */
  type: number;
  global: boolean;
  value?: RtValue;
  doc?: string;
}

/** Wildcard modes and processContents. */
export const WildMode = { Any: 0, Not: 1, Set: 2 } as const;
export const Process = { Strict: 0, Lax: 1, Skip: 2 } as const;

/** A wildcard: namespace constraint over namespace ids and processContents. */
export interface RtWildcard {
  mode: number;
  ns: number[];
  process: number;
}

/** One alternative of an identity-constraint path: steps are [ns id (-2 any), local (null any)]. */
export interface RtPath {
  deep: boolean;
  steps: [number, string | null][];
  attr: [number, string | null] | null;
}

/** An identity constraint. */
export interface RtIdc {
  /** 0 unique, 1 key, 2 keyref. */
  kind: number;
  name: string;
  /** keyref: the id of the key/unique it refers to; -1 otherwise. */
  refer: number;
  selector: RtPath[];
  fields: RtPath[][];
}

/** A leaf of a content model: element names (with the declaration each selects) or a wildcard. */
export interface RtLeaf {
  syms?: number[];
  decls?: number[];
  /** Abstract names that stand here but cannot be used themselves (for messages). */
  abstracts?: number[];
  wild?: number;
}

/** One automaton state. `match` >= 0 is an element id, < 0 is ~wildcard id. */
export interface RtState {
  accept: boolean;
  syms: number[];
  next: number[];
  match: number[];
  /** Wildcard transitions (for names the model does not mention). */
  wild: number[];
  wnext: number[];
  /** Symbol -> transition index, for states with many transitions (built at load, not stored). */
  index?: Map<number, number>;
}

/** An xs:all model. */
export interface RtAll {
  /** Each member: its leaf (names and declarations) and whether it is required. */
  members: RtLeaf[];
  required: boolean[];
  /** The all group itself has minOccurs 0. */
  optional: boolean;
}

/** A content model: an automaton (maybe partly explored) or an all group. */
export interface RtModel {
  states: (RtState | null)[];
  leaves: RtLeaf[];
  /** For lazily explored models: the expression table and each state's expression. */
  expr?: ExprTable;
  stateExpr?: number[];
  /** Expression -> state (built on demand). */
  exprState?: Map<number, number>;
  all?: RtAll;
}

/** A compiled schema. */
export interface RtSchema {
  /** Namespace id -> URI; id 0 is "no namespace" (null). */
  ns: (string | null)[];
  /** Symbol id -> namespace id and local name. */
  symNs: number[];
  symLocal: string[];
  elems: RtElement[];
  types: RtType[];
  attrs: RtAttribute[];
  wilds: RtWildcard[];
  models: RtModel[];
  idcs: RtIdc[];
  simple: SimpleType[];
  /** Symbol -> global element id / global attribute id (-1 for none). */
  globalElem: number[];
  globalAttr: number[];
  /** `{ns}local` -> type id, for xsi:type. */
  globalType: Map<string, number>;
  /** `{ns}local` of every notation. */
  notations: Set<string>;
  /** Type id of xs:anyType. */
  anyType: number;
  /** Namespace URI -> id, symbol key -> id (built at load). */
  nsIndex: Map<string | null, number>;
  symIndex: Map<string, number>;
}
