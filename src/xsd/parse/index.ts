/**
 * From schema documents to components: register every definition, build them all (each construct
 * in its own module), then the checks that need the whole set (substitution groups, value
 * constraints). `buildComponents` is the compiler's front half; lower.ts is the back half.
 */
import type { LoadedSet } from '../load/loader.js';
import { buildAttribute } from './attribute.js';
import { buildAttributeGroup } from './attributes.js';
import { Builder, type Constructs } from './builder.js';
import { buildComplexType } from './complex-type.js';
import { fail, xsName } from './context.js';
import { buildElementDecl } from './element.js';
import { buildNamedGroup } from './group.js';
import { buildNotation } from './notation.js';
import { buildSimpleType } from './simple-type.js';
import { checkComponents } from './checks.js';

const constructs: Constructs = {
  type: (b, at, name) => {
    const kind = xsName(at);
    if (kind === 'simpleType') return buildSimpleType(b, at, name);
    if (kind === 'complexType') return buildComplexType(b, at, name);
    fail(at, `xs:${kind} is not a type definition`);
  },
  element: (b, at) => buildElementDecl(b, at, true),
  attribute: (b, at) => buildAttribute(b, at, true),
  group: buildNamedGroup,
  attributeGroup: buildAttributeGroup,
  notation: buildNotation,
};

/** Build and check every component of a loaded schema set. Throws SchemaError. */
export function buildComponents(set: LoadedSet): Builder {
  const b = new Builder(set, constructs);
  b.buildAll();
  checkComponents(b);
  return b;
}
