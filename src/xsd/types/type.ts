/**
 * The three varieties of simple type (XSD 1.0 Part 2 §2.5.1) as compiled checkers. A type holds
 * its effective facets as data (for derivation checks and JSON) and, built once from them, the
 * list of run-time checks, so validate() of a built-in or a plain enumeration is a whitespace
 * step, a parse and a few comparisons.
 */
import { lengthCheck } from './facets/length.js';
import { boundsCheck } from './facets/bounds.js';
import { digitsCheck } from './facets/digits.js';
import { enumerationCheck } from './facets/enumeration.js';
import { patternCheck } from './facets/pattern.js';
import { failure, quote, type Check, type FacetSet, type Failure } from './facets/facet.js';
import type { NsContext } from './lexical/qname.js';
import { builtinHint, builtinLabel, formatTypeMessage } from './messages.js';
import { Invalid, type Parse, type Primitive } from './primitives.js';
import type { Value } from './value.js';
import { collapseWs, replaceWs, trimWs, type WhiteSpace } from './whitespace.js';

/** A type's name: namespace (null = none) and local name. */
export interface TypeName {
  readonly ns: string | null;
  readonly local: string;
}

/** The derivations a type blocks ({final}). */
export type FinalSet = ReadonlySet<'restriction' | 'list' | 'union'>;

/** The built-in types with an identity role the structures part acts on. */
export type IdKind = 'ID' | 'IDREF' | 'IDREFS' | 'ENTITY' | 'ENTITIES' | 'NOTATION' | 'QName';

/** Result of validate(): the value and the whitespace-normalized text, or why it is not valid. */
export type TypeResult =
  | { ok: true; value: Value; normalized: string; /** For unions: the member type that validated. */ memberType?: SimpleType }
  | Failure;

/** A compiled simple type. */
export interface SimpleType {
  readonly name?: TypeName;
  readonly variety: 'atomic' | 'list' | 'union';
  readonly primitive?: string;
  readonly builtin: string;
  readonly whiteSpace: WhiteSpace;
  readonly idKind?: IdKind;
  readonly base?: SimpleType;
  readonly itemType?: SimpleType;
  readonly memberTypes?: readonly SimpleType[];
  readonly final: FinalSet;
  /** The effective facets (own and inherited), as data. */
  readonly facets: FacetSet;
  /** How messages name the type: its local name, or 'int (xs:int)' style for built-ins. */
  readonly label: string;
  /** Validate a lexical value as it appears in the document (whitespace processing included). */
  validate(lexical: string, ns?: NsContext): TypeResult;
  /** True when this type is `other` or derived from it (restriction chain, or a union member). */
  derivesFrom(other: SimpleType): boolean;
}

/** Fields every variety is built from. */
export interface TypeInit {
  name?: TypeName;
  base?: SimpleType;
  builtin: string;
  facets: FacetSet;
  final: FinalSet;
  idKind?: IdKind;
}

const NO_FINAL: FinalSet = new Set();

abstract class TypeBase {
  readonly name?: TypeName;
  readonly base?: SimpleType;
  readonly builtin: string;
  readonly facets: FacetSet;
  readonly final: FinalSet;
  readonly idKind?: IdKind;
  readonly whiteSpace: WhiteSpace;
  /** How the type is named in messages. */
  readonly label: string;

  constructor(init: TypeInit, isBuiltin: boolean) {
    if (init.name) this.name = init.name;
    if (init.base) this.base = init.base;
    this.builtin = init.builtin;
    this.facets = init.facets;
    this.final = init.final ?? NO_FINAL;
    if (init.idKind) this.idKind = init.idKind;
    this.whiteSpace = init.facets.whiteSpace;
    this.label = isBuiltin ? builtinLabel(init.builtin) : init.name ? init.name.local : builtinLabel(init.builtin);
  }

  derivesFrom(this: SimpleType, other: SimpleType): boolean {
    for (let t: SimpleType | undefined = this; t; t = t.base) if (t === other) return true;
    if (other.builtin === 'anySimpleType' && other.base === undefined) return true;
    // Part 1 §3.14.6 (cos-st-derived-ok 2.2.4): a member of a union B is validly derived from B
    return other.variety === 'union' && (other.memberTypes ?? []).some((m) => this.derivesFrom(m));
  }
}

function runChecks(checks: readonly Check[], v: Value, norm: string): Failure | undefined {
  for (let i = 0; i < checks.length; i++) {
    const f = checks[i](v, norm);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** An atomic type: a built-in or a restriction of one. */
export class AtomicType extends TypeBase implements SimpleType {
  readonly variety = 'atomic' as const;
  readonly primitive?: string;
  /** The primitive's description (undefined for anySimpleType). */
  readonly prim?: Primitive;
  /** The built-in lexical check and value mapping this type inherits. */
  readonly parse: Parse;
  private readonly ws: 'preserve' | 'replace' | 'collapse' | 'trim';
  private readonly checks: readonly Check[];

  constructor(init: TypeInit & { prim?: Primitive; parse: Parse }, isBuiltin = false) {
    super(init, isBuiltin);
    if (init.prim) {
      this.prim = init.prim;
      this.primitive = init.prim.name;
    }
    this.parse = init.parse;
    const p = init.prim?.name;
    // the non-string primitives have no inner whitespace in any valid literal: trimming is collapsing
    this.ws = this.whiteSpace === 'collapse' && p !== undefined && p !== 'string' && p !== 'anyURI' && p !== 'base64Binary' ? 'trim' : this.whiteSpace;
    const fs = init.facets;
    const checks: (Check | undefined)[] = [
      patternCheck(fs.patterns, this.label),
      enumerationCheck(fs.enumeration, this.label),
      init.prim?.compare ? boundsCheck(fs, init.prim.compare, this.label, false) : undefined,
      lengthCheck(fs, init.prim?.lengthOf, init.prim?.unit ?? '', this.label, false),
      digitsCheck(fs, this.label, false),
    ];
    this.checks = checks.filter((c): c is Check => c !== undefined);
  }

  validate(lexical: string, ns?: NsContext): TypeResult {
    const ws = this.ws;
    const norm = ws === 'trim' ? trimWs(lexical) : ws === 'collapse' ? collapseWs(lexical) : ws === 'replace' ? replaceWs(lexical) : lexical;
    const v = this.parse(norm, ns);
    if (v instanceof Invalid) {
      if (v.reason === 'prefix') return failure('xsd/undeclared-prefix', { value: quote(lexical), prefix: v.prefix ?? '', type: builtinLabel(this.builtin) });
      return failure('xsd/invalid-value', { value: quote(lexical), type: builtinLabel(this.builtin), hint: builtinHint(this.builtin) });
    }
    if (this.checks.length !== 0) {
      const f = runChecks(this.checks, v, norm);
      if (f) return f;
    }
    return { ok: true, value: v, normalized: norm };
  }
}

/** A list type: whitespace-separated items of an atomic or union item type. */
export class ListType extends TypeBase implements SimpleType {
  readonly variety = 'list' as const;
  readonly itemType: SimpleType;
  private readonly checks: readonly Check[];

  constructor(init: TypeInit & { itemType: SimpleType }, isBuiltin = false) {
    super(init, isBuiltin);
    this.itemType = init.itemType;
    const fs = init.facets;
    const checks: (Check | undefined)[] = [
      lengthCheck(fs, (v: readonly Value[]) => v.length, 'items', this.label, true),
      patternCheck(fs.patterns, this.label),
      enumerationCheck(fs.enumeration, this.label),
    ];
    this.checks = checks.filter((c): c is Check => c !== undefined);
  }

  validate(lexical: string, ns?: NsContext): TypeResult {
    const norm = collapseWs(lexical);
    const values: Value[] = [];
    if (norm !== '') {
      const items = norm.split(' ');
      for (let i = 0; i < items.length; i++) {
        const r = this.itemType.validate(items[i], ns);
        if (!r.ok) {
          const hint = r.messageId === 'xsd/invalid-value' ? String(r.data.hint) : formatTypeMessage(r.messageId, r.data);
          return failure('xsd/invalid-list-item', { value: quote(norm), item: quote(items[i]), index: i + 1, type: r.messageId === 'xsd/invalid-value' ? String(r.data.type) : this.itemType.label, hint });
        }
        values.push(r.value);
      }
    }
    const f = runChecks(this.checks, values, norm);
    return f ?? { ok: true, value: values, normalized: norm };
  }
}

/** A union type: the first member type (in order) that accepts the literal decides its value. */
export class UnionType extends TypeBase implements SimpleType {
  readonly variety = 'union' as const;
  readonly memberTypes: readonly SimpleType[];
  private readonly checks: readonly Check[];

  constructor(init: TypeInit & { memberTypes: readonly SimpleType[] }, isBuiltin = false) {
    super(init, isBuiltin);
    this.memberTypes = init.memberTypes;
    const checks: (Check | undefined)[] = [patternCheck(init.facets.patterns, this.label), enumerationCheck(init.facets.enumeration, this.label)];
    this.checks = checks.filter((c): c is Check => c !== undefined);
  }

  validate(lexical: string, ns?: NsContext): TypeResult {
    for (const m of this.memberTypes) {
      const r = m.validate(lexical, ns);
      if (!r.ok) continue;
      const f = runChecks(this.checks, r.value, r.normalized);
      if (f) return f;
      return { ok: true, value: r.value, normalized: r.normalized, memberType: r.memberType ?? m };
    }
    const labels = this.memberTypes.map((m) => m.label);
    return failure('xsd/invalid-value', {
      value: quote(lexical),
      type: this.name ? this.name.local : `value of ${labels.join(' or ') || 'an empty union'}`,
      hint: labels.length ? `use a value of one of: ${labels.join(', ')}` : 'this union has no member types, so no value is valid',
    });
  }
}
