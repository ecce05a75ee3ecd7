/**
 * Wording of simple-type problems. A failed validate() returns a messageId and data; the text is
 * made here, at the edge (style.md §7). The structures part wraps it with the element or attribute
 * ("attribute X on <E> has the value 'yes', which is not a valid boolean; use true or false (or
 * 1 / 0)" is MESSAGES['xsd/invalid-attribute-value'] of src/validate/xsd-messages.ts filled with
 * this data). `value` in data is already quoted ('yes').
 */

/** Every message of the simple-type checks; `{name}` placeholders are filled from data. */
export const TYPE_MESSAGES = {
  'xsd/invalid-value': '{value} is not a valid {type}; {hint}',
  'xsd/undeclared-prefix': "{value} is not a valid {type}: the prefix '{prefix}' is not declared here (add xmlns:{prefix}=\"...\")",
  'xsd/invalid-list-item': 'item {index} of the list, {item}, is not a valid {type}; {hint}',
  'xsd/facet-length': 'the value {value} is {actual} {unit} long; exactly {limit} are required',
  'xsd/facet-min-length': 'the value {value} is {actual} {unit} long; at least {limit} are required',
  'xsd/facet-max-length': 'the value {value} is {actual} {unit} long; at most {limit} are allowed',
  'xsd/facet-pattern': 'the value {value} does not have the required form (pattern {pattern})',
  'xsd/facet-enumeration': 'the value {value} is not one of {allowed}',
  'xsd/facet-min-inclusive': 'the value {value} is smaller than the minimum {limit}',
  'xsd/facet-min-exclusive': 'the value {value} must be larger than {limit}',
  'xsd/facet-max-inclusive': 'the value {value} is larger than the maximum {limit}',
  'xsd/facet-max-exclusive': 'the value {value} must be smaller than {limit}',
  'xsd/facet-total-digits': 'the value {value} has {actual} digits; at most {limit} are allowed',
  'xsd/facet-fraction-digits': 'the value {value} has {actual} digits after the decimal point; at most {limit} are allowed',
} as const;

/** A message id of the simple-type checks. */
export type TypeMessageId = keyof typeof TYPE_MESSAGES;

/** Fill a type message from a failed TypeResult's messageId and data. */
export function formatTypeMessage(messageId: string, data: Record<string, string | number>): string {
  const template = (TYPE_MESSAGES as Record<string, string>)[messageId] ?? `${messageId}: {value}`;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : `{${k}}`));
}

const WHOLE = (lo: string, hi: string) => `use a whole number between ${lo} and ${hi}`;

/** What a value of each built-in type looks like (the hint after "not a valid X; "). */
export const TYPE_HINTS: Readonly<Record<string, string>> = {
  anySimpleType: 'any text is allowed',
  string: 'any text is allowed',
  normalizedString: 'use text without tabs or line breaks',
  token: 'use text without leading, trailing or repeated spaces',
  language: 'use a language tag such as en or en-US',
  Name: 'use an XML name (a letter, _ or : first, then letters, digits, . - _ :)',
  NCName: 'use an XML name without a colon (a letter or _ first, then letters, digits, . - _)',
  ID: 'use an XML name without a colon (a letter or _ first)',
  IDREF: 'use the ID of an element in the document',
  IDREFS: 'use IDs of elements in the document, separated by spaces',
  ENTITY: 'use the name of an unparsed entity',
  ENTITIES: 'use names of unparsed entities, separated by spaces',
  NMTOKEN: 'use letters, digits and . - _ : only (no spaces)',
  NMTOKENS: 'use name tokens (letters, digits, . - _ :) separated by spaces',
  NOTATION: 'use the name of a declared notation',
  QName: 'use a qualified name such as prefix:name, with the prefix declared',
  boolean: 'use true or false (or 1 / 0)',
  decimal: 'use a decimal number such as 12.5 (no exponent, no thousands separators)',
  integer: 'use a whole number',
  nonPositiveInteger: 'use a whole number of 0 or less',
  negativeInteger: 'use a whole number of -1 or less',
  long: WHOLE('-9223372036854775808', '9223372036854775807'),
  int: WHOLE('-2147483648', '2147483647'),
  short: WHOLE('-32768', '32767'),
  byte: WHOLE('-128', '127'),
  nonNegativeInteger: 'use a whole number of 0 or more',
  unsignedLong: WHOLE('0', '18446744073709551615'),
  unsignedInt: WHOLE('0', '4294967295'),
  unsignedShort: WHOLE('0', '65535'),
  unsignedByte: WHOLE('0', '255'),
  positiveInteger: 'use a whole number of 1 or more',
  float: 'use a number such as 1.5, 1e10, INF, -INF or NaN',
  double: 'use a number such as 1.5, 1e10, INF, -INF or NaN',
  duration: 'use an ISO 8601 duration such as PT30M',
  dateTime: 'use a date-time such as 2024-05-01T12:00:00Z',
  time: 'use a time such as 12:00:00 or 12:00:00Z',
  date: 'use a date such as 2024-05-01',
  gYearMonth: 'use a year and month such as 2024-05',
  gYear: 'use a year such as 2024',
  gMonthDay: 'use a month and day such as --05-01',
  gDay: 'use a day of the month such as ---01',
  gMonth: 'use a month such as --05',
  hexBinary: 'use an even number of hexadecimal digits',
  base64Binary: 'use base64 text (A-Z a-z 0-9 + / with = padding)',
  anyURI: 'use a URL such as https://vcd.example.com/api/vAppTemplate/vappTemplate-1234 (no spaces or % placeholders)',
};

/** How a built-in type is named in messages ('boolean', 'URI', 'int (xs:int)'). */
export function builtinLabel(local: string): string {
  if (local === 'anyURI') return 'URI';
  if (local === 'boolean') return 'boolean';
  return `${local} (xs:${local})`;
}

/** The hint for a built-in type. */
export function builtinHint(local: string): string {
  return TYPE_HINTS[local] ?? `see the schema type xs:${local}`;
}
