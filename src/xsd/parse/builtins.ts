/**
 * The built-in type definitions (Part 1 §3.4.7 the ur-type anyType, §3.14.7 the simple ur-type and
 * the built-ins of Part 2) as components, so references to `xs:int` or `xs:anyType` need no schema
 * document. Their value checks are src/xsd/types.
 */
import { XSD_NS } from '../names.js';
import { builtinType } from '../simple.js';
import type { ComplexTypeDef, SimpleTypeDef, TypeDef, Wildcard } from './components.js';

const NOWHERE = { file: '', line: 0 };

/** anyType: mixed content of any elements (lax) and any attributes (lax); its own base. */
export function urType(): { anyType: ComplexTypeDef; anyWildcard: Wildcard } {
  const anyWildcard: Wildcard = { kind: 'wildcard', constraint: { kind: 'any' }, process: 'lax', place: NOWHERE };
  const anyType: ComplexTypeDef = {
    kind: 'complex',
    ns: XSD_NS,
    local: 'anyType',
    base: null as unknown as TypeDef,
    derivation: 'restriction',
    abstract: false,
    final: 0,
    block: 0,
    content: {
      kind: 'mixed',
      particle: { min: 1, max: 1, term: { kind: 'group', compositor: 'sequence', particles: [{ min: 0, max: Infinity, term: anyWildcard }], place: NOWHERE } },
    },
    attributes: new Map(),
    attributeWildcard: anyWildcard,
    place: NOWHERE,
  };
  anyType.base = anyType;
  return { anyType, anyWildcard };
}

/** The built-in simple type definitions of one schema set, made on first use. */
export class BuiltinDefs {
  private readonly defs = new Map<string, SimpleTypeDef>();

  constructor(private readonly anyType: ComplexTypeDef) {}

  /** The definition of a built-in simple type by local name, or undefined. */
  get(local: string): SimpleTypeDef | undefined {
    const hit = this.defs.get(local);
    if (hit) return hit;
    const type = builtinType(local);
    if (!type) return undefined;
    const def: SimpleTypeDef = { kind: 'simple', ns: XSD_NS, local, type, base: null, variety: type.variety, final: 0, place: NOWHERE };
    this.defs.set(local, def);
    // anySimpleType's base is anyType; every other built-in's is its own base type's definition
    def.base = type.base ? this.get(type.base.builtin)! : local === 'anySimpleType' ? this.anyType : this.get('anySimpleType')!;
    return def;
  }
}
