/**
 * The XSD 1.0 simple-type system of vmparams' schema engine: every built-in datatype, facets,
 * XSD regular expressions, list and union. Schemas are compiled once into SimpleType objects whose
 * validate() is a few comparisons; types round-trip through plain JSON for generated modules.
 * See README.md beside this file.
 */
export { builtinType, builtinNames } from './builtins.js';
export { restrict, listOf, unionOf, type DefineOptions } from './derive.js';
export { SchemaTypeError } from './errors.js';
export type { FacetSpec, FacetSet, Failure } from './facets/facet.js';
export type { NsContext } from './lexical/qname.js';
export { TYPE_MESSAGES, TYPE_HINTS, formatTypeMessage, builtinLabel, type TypeMessageId } from './messages.js';
export type { FacetName } from './primitives.js';
export { translateRegex, type JsRegex } from './regex/translate.js';
export type { SimpleType, TypeResult, TypeName, IdKind, FinalSet } from './type.js';
export { typeToJSON, typeFromJSON, type TypeDefJSON, type TypeRefJSON } from './json.js';
export { valuesEqual, valueKey, compareValues, valueText, valueToJSON, valueFromJSON, type Value, type ValueJSON } from './value.js';
