/**
 * Every message of the XSD engine (rule `xsd`), in one table (style.md §7): problems carry a
 * messageId and data, and the text is filled in here. The wording says what was expected and how
 * to fix it; a host that knows its documents (the Cloud Director request validator) adds hints
 * through SchemaHints (hints.ts) without changing these templates.
 */
import { formatTypeMessage } from './simple.js';

/** Message templates; `{name}` placeholders are filled from data. */
export const MESSAGES = {
  'xsd/unexpected-element': 'expected {expected} here, found <{found}>',
  'xsd/unexpected-element-no-alternative': '<{found}> is not allowed here: <{parent}> has no more children at this point',
  'xsd/out-of-order': '<{found}> is in the wrong place in <{parent}>: it must come before <{after}>',
  'xsd/too-many': '<{found}> appears too often in <{parent}>: at most {max} allowed',
  'xsd/wrong-namespace': '<{found}> is in {foundNs} but belongs to {expectedNs} here{fix}',
  'xsd/not-allowed-in-parent': '<{found}> is not allowed in <{parent}>; expected {expected} here',
  'xsd/missing-child': '<{element}> is incomplete: {expected} is missing{hint}',
  'xsd/missing-attribute': '<{element}> is missing the required attribute {attribute}',
  'xsd/unqualified-attribute': 'attribute {local} on <{element}> must be written {prefix}:{local} ({why})',
  'xsd/attribute-not-allowed': 'attribute {attribute} is not allowed on <{element}>{hint}',
  'xsd/invalid-attribute-value': 'attribute {attribute} on <{element}> has the value {value}, which is not a valid {type}; {hint}',
  'xsd/invalid-element-value': '<{element}> contains {value}, which is not a valid {type}; {hint}',
  'xsd/facet': '<{element}>{attributePart}: {detail}',
  'xsd/unknown-root': '<{element}> ({elementNs}) is not declared as a root in the schema; the root element must be one of {roots}',
  'xsd/abstract': '<{element}> is abstract and cannot be used directly{hint}',
  'xsd/abstract-type': '<{element}> has the abstract type {type}, which cannot be used directly; name a type derived from it with xsi:type',
  'xsd/text-not-allowed': '<{element}> must contain only child elements, not text',
  'xsd/children-not-allowed': '<{element}> must contain only a value, not child elements',
  'xsd/must-be-empty': '<{element}> must be empty',
  'xsd/undeclared-element': '<{element}> ({elementNs}) is not declared in the schema, and this place accepts only declared elements',
  'xsd/undeclared-attribute': 'attribute {attribute} on <{element}> is not declared in the schema, and this place accepts only declared attributes',
  'xsd/fixed-element': '<{element}> must contain the fixed value {fixed}, not {value}',
  'xsd/fixed-attribute': 'attribute {attribute} on <{element}> must have the fixed value {fixed}, not {value}',
  'xsd/not-nillable': '<{element}> has xsi:nil="{value}", but it is not nillable, so xsi:nil is not allowed on it',
  'xsd/nil-not-empty': '<{element}> has xsi:nil="true", so it must be empty',
  'xsd/nil-fixed': '<{element}> has a fixed value and cannot be nil',
  'xsd/bad-nil': 'xsi:nil on <{element}> has the value {value}; use true or false',
  'xsd/xsi-type-prefix': 'xsi:type={value} on <{element}>: the prefix \'{prefix}\' is not declared (add xmlns:{prefix}="...")',
  'xsd/xsi-type-unknown': 'xsi:type={value} on <{element}> names no type the schema defines',
  'xsd/xsi-type-not-derived': 'xsi:type={value} on <{element}> names the type {type}, which is not derived from the declared type {declared}',
  'xsd/xsi-type-blocked': 'xsi:type={value} on <{element}>: the declared type {declared} may not be replaced by {type} here ({method} is blocked)',
  'xsd/duplicate-id': 'the ID {value} on <{element}> is already used (line {line})',
  'xsd/two-ids': 'attribute {attribute} on <{element}> is a second ID attribute; an element may have only one',
  'xsd/unknown-idref': '{value} on <{element}> refers to no ID in the document',
  'xsd/duplicate-key': '<{element}> repeats the {kind} {name} value {value} (first at line {line})',
  'xsd/missing-key-field': '<{element}> is missing field {field} of key {name}',
  'xsd/field-multiple': 'field {field} of {name} selects more than one value in <{element}>',
  'xsd/field-not-simple': 'field {field} of {name} selects <{element}>, which has no simple value',
  'xsd/keyref-not-found': '<{element}> refers to {name} value {value}, which no {refer} in <{scope}> has',
  'xsd/unknown-entity': '{value} on <{element}> names an unparsed entity, but the document declares none (documents with a DTD are refused)',
  'xsd/unknown-notation': '{value} on <{element}> names no notation declared in the schema',
} as const;

/** A message id of the xsd rule. */
export type XsdMessageId = keyof typeof MESSAGES;

/** Fill a template. */
export function format(id: XsdMessageId, data: Record<string, string | number | boolean>): string {
  return MESSAGES[id].replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : `{${k}}`));
}

/** The detail text of a failed simple-type check (src/xsd/types messages). */
export function typeDetail(messageId: string, data: Record<string, string | number>): string {
  return formatTypeMessage(messageId, data);
}

/** Shorten and quote a value for a message (one line, at most 60 characters). */
export function quote(v: string): string {
  const one = v.replace(/[\r\n\t]/g, ' ');
  return `'${one.length > 60 ? `${one.slice(0, 57)}...` : one}'`;
}
