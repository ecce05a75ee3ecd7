/**
 * The one door to the simple-type system (src/xsd/types, its own README): the structures part of
 * the engine imports built-in types, derivation, values and their JSON form from here only.
 */
export {
  builtinType,
  restrict,
  listOf,
  unionOf,
  SchemaTypeError,
  valuesEqual,
  valueKey,
  valueText,
  valueToJSON,
  valueFromJSON,
  typeToJSON,
  typeFromJSON,
  formatTypeMessage,
  TYPE_MESSAGES,
} from './types/index.js';
export type { SimpleType, FacetSpec, FacetName, NsContext, Value, ValueJSON, TypeDefJSON, TypeResult, FinalSet } from './types/index.js';
