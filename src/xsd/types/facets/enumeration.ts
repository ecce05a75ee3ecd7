/**
 * The enumeration facet (Part 2 §4.3.5): the value must equal (in the value space, so decimal
 * '1.0' matches '1' and a QName matches by namespace and local name) one of the listed values.
 * Each literal must be valid for the base type (cos-enumeration-valid); QName and NOTATION
 * literals are resolved with the namespace bindings where the facet is written. The most derived
 * step with an enumeration decides (its values are all in the base's set already).
 */
import { valueKey, type Value } from '../value.js';
import { facetError, failure, quote, type Check, type EnumFacet, type Step } from './facet.js';

/** Apply the enumeration specs of this step. */
export function applyEnumeration(step: Step): void {
  const specs = step.specs.get('enumeration');
  if (!specs || specs.length === 0) return;
  const literals: string[] = [];
  const values: Value[] = [];
  for (const spec of specs) {
    const r = step.base.validate(spec.value, spec.nsContext);
    if (!r.ok) {
      facetError('enumeration', `enumeration value ${quote(spec.value)} of ${step.typeName} is not valid for its base type (${r.messageId.replace(/^xsd\//, '')})`);
    }
    literals.push(r.normalized);
    values.push(r.value);
  }
  step.next.enumeration = { literals, values };
}

/** Allowed values as listed in messages (the first 12). */
function allowedText(e: EnumFacet): string {
  const shown = e.literals.slice(0, 12).map(quote);
  return e.literals.length > 12 ? `${shown.join(', ')}, ... (${e.literals.length} values)` : shown.join(', ');
}

/** The run-time membership check: a Set lookup (plain values directly, others by valueKey). */
export function enumerationCheck(e: EnumFacet | undefined, typeName: string): Check | undefined {
  if (!e) return undefined;
  const plain = e.values.every((v) => typeof v !== 'object');
  const set = new Set<unknown>(plain ? e.values : e.values.map(valueKey));
  let allowed: string | undefined;
  return (v, s) => {
    if (set.has(plain ? v : valueKey(v))) return undefined;
    allowed ??= allowedText(e);
    return failure('xsd/facet-enumeration', { value: quote(s), allowed, facet: 'enumeration', type: typeName });
  };
}
