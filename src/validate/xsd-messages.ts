/**
 * Plain-English wording for well-formedness and schema problems.
 *
 * libxml2 reports schema errors in its own terms (`Element '{http://...}X': This element is not
 * expected. Expected is one of ( {http://...}A, ... ).`). `explainSchemaError` recognises those
 * shapes and rewrites them with short namespace names, what was expected and how to fix it. All
 * user-visible wording lives in MESSAGES so it can be reviewed (and changed) in one place.
 */

import { childOrder } from './xsd-order.js';

/** Short names for the namespaces a request uses (conventional prefixes, schema-facts.md section 0). */
export const NAMESPACE_LABELS: Readonly<Record<string, string>> = {
  'http://www.vmware.com/vcloud/v1.5': 'vcloud',
  'http://schemas.dmtf.org/ovf/envelope/1': 'ovf',
  'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData': 'rasd',
  'http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData': 'vssd',
  'http://schemas.dmtf.org/wbem/wscim/1/common': 'cim',
  'http://www.vmware.com/schema/ovf': 'vmw',
  'http://schemas.dmtf.org/ovf/environment/1': 'ovfenv',
  'http://www.w3.org/XML/1998/namespace': 'xml',
  'http://www.vmware.com/vcloud/v1': 'vCloud API 1.0',
};

const VCLOUD = 'http://www.vmware.com/vcloud/v1.5';
const OVF = 'http://schemas.dmtf.org/ovf/envelope/1';

/** The request roots, in the order they are listed to users. */
export const REQUEST_ROOTS = [
  'InstantiateVAppTemplateParams',
  'ComposeVAppParams',
  'RecomposeVAppParams',
  'CloneVAppParams',
  'InstantiateOvfParams',
] as const;

/** Human label of a namespace URI ('' = no namespace). */
export function nsLabel(uri: string): string {
  if (uri === '') return 'no namespace';
  return NAMESPACE_LABELS[uri] ?? uri;
}

/** Label plus URI, for messages about a namespace mistake. */
function nsFull(uri: string): string {
  if (uri === '') return 'no namespace';
  const label = NAMESPACE_LABELS[uri];
  return label ? `the ${label} namespace (${uri})` : `namespace ${uri}`;
}

/** What a value of a built-in type looks like, for "not a valid value" messages. */
const TYPE_HINTS: Readonly<Record<string, string>> = {
  boolean: 'use true or false (or 1 / 0)',
  int: 'use a whole number between -2147483648 and 2147483647',
  integer: 'use a whole number',
  long: 'use a whole number',
  short: 'use a whole number between -32768 and 32767',
  unsignedShort: 'use a whole number between 0 and 65535',
  unsignedInt: 'use a whole number between 0 and 4294967295',
  unsignedLong: 'use a whole number of 0 or more',
  unsignedByte: 'use a whole number between 0 and 255',
  anyURI: 'use a URL such as https://vcd.example.com/api/vAppTemplate/vappTemplate-1234 (no spaces or % placeholders)',
  dateTime: 'use a date-time such as 2024-05-01T12:00:00Z',
  date: 'use a date such as 2024-05-01',
  duration: 'use an ISO 8601 duration such as PT30M',
};

/** Every message of the xml and xsd rules. `{name}` placeholders are filled from data. */
export const MESSAGES = {
  // --- xml rule: input that is not a usable XML document ---
  'xml/not-well-formed': 'not well-formed XML: {detail}',
  'xml/namespace': 'namespace error: {detail}',
  'xml/doctype':
    'the document has a DOCTYPE declaration; vCloud request documents never need one, and DTDs and entities are refused for safety. Remove the <!DOCTYPE ...> line',
  'xml/empty': 'the document is empty',
  'xml/too-large': 'the document is {size} bytes; documents over {limit} bytes are refused (raise the limit with --max-size)',
  // --- xsd rule ---
  'xsd/unexpected-element': 'expected {expected} here, found <{found}>',
  'xsd/unexpected-element-no-alternative': '<{found}> is not allowed here: <{parent}> has no more children at this point',
  'xsd/out-of-order': '<{found}> is in the wrong place in <{parent}>: it must come before <{after}>',
  'xsd/too-many': '<{found}> appears too often in <{parent}>: at most {max} allowed',
  'xsd/wrong-namespace': '<{found}> is in {foundNs} but belongs to {expectedNs} here{fix}',
  'xsd/not-allowed-in-parent': '<{found}> is not allowed in <{parent}>; expected {expected} here',
  'xsd/missing-child': '<{element}> is incomplete: {expected} is missing{hint}',
  'xsd/missing-attribute': '<{element}> is missing the required attribute {attribute}',
  'xsd/unprefixed-ovf-attribute':
    'attribute {local} on <{element}> must be written {prefix}:{local} ({label} attributes are namespace-qualified)',
  'xsd/attribute-not-allowed': 'attribute {attribute} is not allowed on <{element}>{hint}',
  'xsd/invalid-attribute-value': 'attribute {attribute} on <{element}> has the value {value}, which is not a valid {type}; {hint}',
  'xsd/invalid-element-value': '<{element}> contains {value}, which is not a valid {type}; {hint}',
  'xsd/facet': '<{element}>{attributePart}: {detail}',
  'xsd/unknown-root': '<{element}> ({elementNs}) is not a vCloud request; the root element must be one of {roots} in the vcloud namespace',
  'xsd/root-namespace': '<{element}> is in {elementNs}{hint}; write the root as <{element} xmlns="{vcloud}">',
  'xsd/abstract': '<{element}> is abstract and cannot be used directly; use a concrete section such as <ovf:VirtualHardwareSection> or <NetworkConnectionSection>',
  'xsd/text-not-allowed': '<{element}> must contain only child elements, not text',
  'xsd/children-not-allowed': '<{element}> must contain only a value, not child elements',
  'xsd/other': '<{element}>: {detail}',
} as const;

/**
 * libxml2 parser messages (well-formedness, namespaces, limits) rewritten in plain words; the
 * rewritten text is the {detail} of xml/not-well-formed or xml/namespace.
 */
export const PARSER_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/^Invalid bytes in character encoding$/, 'the document contains bytes that are not valid in its encoding (UTF-8 unless the XML declaration names another one)'],
  [/^(?:Invalid character: )?Char 0x0 out of allowed range$|^PCDATA invalid Char value 0$/, 'the document contains a NUL character, which XML does not allow (is it a binary file?)'],
  [/^(?:Invalid character: )?Char 0x([0-9A-Fa-f]+) out of allowed range$/, 'character U+$1 is not allowed in XML'],
  [/^PCDATA invalid Char value (\d+)$/, 'a control character (code $1) is not allowed in XML text'],
  [/^(?:EntityRef: expecting ';'|xmlParseEntityRef: no name)$/, "a bare '&' in text or in an attribute value: write it as &amp;"],
  [/^Entity '(\w+)' not defined$/, "&$1; is not an XML entity: only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160; are predefined"],
  [/^Couldn't find end of Start Tag (\S+)(?: line (\d+))?$/, 'the start tag <$1> is not closed with >'],
  [/^AttValue: " or ' expected$/, 'an attribute value must be in quotes'],
  [/^attributes construct error$/, 'malformed attribute (attributes are written name="value")'],
  [/^Specification mandates value for attribute (\S+)$/, 'attribute $1 has no value (write $1="...")'],
  [/^Attribute (\S+) redefined$/, 'attribute $1 appears twice on the same element'],
  [/^Document is empty$/, 'the document is empty'],
  [/^Input is not proper UTF-8, indicate encoding !.*$/, 'the document is not valid UTF-8 (declare the real encoding in <?xml version="1.0" encoding="..."?>)'],
  [/^Start tag expected, '<' not found$/, "no root element found (the document must start with '<')"],
  [/^Extra content at the end of the document$/, 'text or a second root element after the end of the root element'],
  [/^Excessive depth in document: (\d+),? use XML_PARSE_HUGE option$/, 'elements are nested more than $1 deep (raise the limit with --max-depth)'],
  [/^(?:Resource limit exceeded: )?(?:Buffer size limit exceeded|AttValue length too long|xmlSAX2Characters: huge text node)(?:, try XML_PARSE_HUGE)?$/, 'a text or attribute value is longer than 10,000,000 characters, which libxml2 refuses'],
  [/^Premature end of data in tag (\S+) line (\d+)$/, 'the document ends before <$1> (opened on line $2) is closed'],
  [/^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$/, '</$3> does not match the open element <$1> (line $2)'],
  [/^Namespace prefix (\S+) on (\S+) is not defined$/, 'the prefix $1: on <$2> is not declared (add xmlns:$1="...")'],
  [/^Namespace prefix (\S+) for (\S+) on (\S+) is not defined$/, 'the prefix $1: of attribute $1:$2 on <$3> is not declared (add xmlns:$1="...")'],
];

/** Plain-English detail and message id for one libxml2 parser message. */
export function explainParserError(message: string): { messageId: 'xml/not-well-formed' | 'xml/namespace'; detail: string } {
  const raw = message.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  const messageId = /namespace|prefix/i.test(raw) && !/not well-formed/i.test(raw) ? 'xml/namespace' : 'xml/not-well-formed';
  let detail = raw;
  for (const [re, replacement] of PARSER_REWRITES) detail = detail.replace(re, replacement);
  return { messageId, detail };
}

/** Message id within a rule. */
export type MessageId = keyof typeof MESSAGES;

/** Fill `{name}` placeholders of a message template. */
export function format(id: MessageId, data: Record<string, string | number | boolean>): string {
  return MESSAGES[id].replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : `{${k}}`));
}

/** A parsed `{uri}local` or `prefix:local` name from a libxml2 message. */
interface QName {
  ns: string;
  local: string;
}

function parseQName(raw: string, resolvePrefix: (p: string) => string | undefined): QName {
  const m = /^\{([^}]*)\}(.+)$/.exec(raw);
  if (m) return { ns: m[1], local: m[2] };
  const i = raw.indexOf(':');
  if (i > 0) return { ns: resolvePrefix(raw.slice(0, i)) ?? '', local: raw.slice(i + 1) };
  return { ns: '', local: raw };
}

/** `<Source> (vcloud)` / `one of <A>, <B> (vcloud)` / mixed namespaces each labelled. */
function describeExpected(list: string[], resolvePrefix: (p: string) => string | undefined): string {
  const items = list.map((raw) => {
    const any = /^##other\{([^}]*)\}\*$/.exec(raw) ?? /^\{([^}]*)\}\*$/.exec(raw);
    if (raw.startsWith('##other')) return { text: 'an element from another namespace', ns: null as string | null };
    if (any) return { text: `any element of ${nsFull(any[1])}`, ns: null };
    if (raw === '*' || raw === '##any') return { text: 'any element', ns: null };
    const q = parseQName(raw, resolvePrefix);
    return { text: `<${q.local}>`, ns: q.ns };
  });
  const namespaces = new Set(items.filter((i) => i.ns !== null).map((i) => i.ns));
  let text: string;
  if (namespaces.size <= 1 && items.every((i) => i.ns !== null)) {
    const ns = [...namespaces][0] ?? '';
    text = `${items.map((i) => i.text).join(', ')} (${nsLabel(ns)})`;
  } else {
    text = items.map((i) => (i.ns === null ? i.text : `${i.text} (${nsLabel(i.ns)})`)).join(', ');
  }
  return items.length > 1 ? `one of ${text}` : text;
}

/** Context the translator needs about the element an error is attached to. */
export interface ErrorContext {
  /** Local name of the parent element, if any. */
  parentName?: string;
  /** Unprefixed attributes present on the element (local names). */
  unqualifiedAttributes: string[];
  /** Namespace URI bound to a prefix where the element is. */
  resolvePrefix: (prefix: string) => string | undefined;
  /** Local names of the element's preceding element siblings, in document order (for order hints). */
  previousSiblings?: string[];
}

/** A translated schema error. */
export interface Explained {
  messageId: MessageId;
  message: string;
  data: Record<string, string | number | boolean>;
}

function out(messageId: MessageId, data: Record<string, string | number | boolean>): Explained {
  return { messageId, message: format(messageId, data), data };
}

function quote(v: string): string {
  const short = v.length > 60 ? `${v.slice(0, 57)}...` : v;
  return `'${short}'`;
}

function typeName(raw: string): { type: string; hint: string } {
  const m = /^xs(?:d)?:(\w+)$/.exec(raw);
  if (m) {
    const t = m[1];
    const label = t === 'anyURI' ? 'URI' : t === 'boolean' ? 'boolean' : `${t} (xs:${t})`;
    return { type: label, hint: TYPE_HINTS[t] ?? `see the schema type xs:${t}` };
  }
  return { type: 'value', hint: 'see the allowed values in the schema' };
}

/**
 * Rewrite one libxml2 schema validation message in plain English.
 * `message` is libxml2's text (one error), `ctx` describes the element it is about.
 */
export function explainSchemaError(message: string, ctx: ErrorContext): Explained {
  const msg = message.trim().replace(/\s+/g, ' ');
  const head = /^Element '([^']+)'(?:, attribute '([^']+)')?: (.*)$/.exec(msg);
  if (!head) return out('xsd/other', { element: '?', detail: msg });
  const el = parseQName(head[1], ctx.resolvePrefix);
  const attrRaw = head[2];
  const rest = head[3];
  const element = el.local;

  // --- content model: unexpected element -----------------------------------------------------
  const unexpected = /^This element is not expected\.(?: Expected is(?: one of)? \( (.*) \)\.)?$/.exec(rest);
  if (unexpected) {
    const expectedRaw = unexpected[1] ? unexpected[1].split(/\s*,\s*/).filter(Boolean) : [];
    if (expectedRaw.length === 0) {
      return out('xsd/unexpected-element-no-alternative', { found: element, parent: ctx.parentName ?? 'the parent' });
    }
    const expected = expectedRaw.map((r) => parseQName(r, ctx.resolvePrefix));
    const sameLocal = expected.find((q) => q.local === element && q.ns !== el.ns);
    const expectedText = describeExpected(expectedRaw, ctx.resolvePrefix);
    if (sameLocal) {
      const prefix = NAMESPACE_LABELS[sameLocal.ns];
      const fix =
        sameLocal.ns === VCLOUD
          ? ` (write it without a prefix, with xmlns="${VCLOUD}" in scope)`
          : prefix && !prefix.includes(' ')
            ? ` (write <${prefix}:${element}> with xmlns:${prefix}="${sameLocal.ns}")`
            : '';
      return out('xsd/wrong-namespace', { found: element, foundNs: nsFull(el.ns), expectedNs: nsFull(sameLocal.ns), fix });
    }
    // A vCloud section written with the ovf: prefix (or the reverse) shows up as "expected ovf:Section ...".
    if (el.ns !== VCLOUD && el.ns !== '' && expected.some((q) => q.ns === OVF && q.local === 'Section') && /Section$/.test(element)) {
      return out('xsd/wrong-namespace', {
        found: element,
        foundNs: nsFull(el.ns),
        expectedNs: el.ns === OVF ? nsFull(VCLOUD) : 'the vcloud or ovf namespace',
        fix: el.ns === OVF ? ` (vCloud sections are written without the ovf: prefix: <${element}>)` : '',
      });
    }
    // Use the declared order (our own XSDs) to say what is really wrong.
    const parent = ctx.parentName;
    const named = expectedRaw.filter((r) => !r.includes('*')).map((r) => parseQName(r, ctx.resolvePrefix));
    const slots = parent && named.length > 0 ? childOrder(parent, named.map((q) => q.local)) : null;
    if (parent && slots) {
      const idx = (name: string) => slots.findIndex((s) => s.name === name);
      const f = idx(element);
      const firstExpected = Math.min(...named.map((q) => idx(q.local)));
      const before = ctx.previousSiblings ?? [];
      const expectedNs = new Set(named.map((q) => q.ns));
      // Only a wrong namespace when the parent declares this element in another namespace than
      // the one used (a missing ovf:Info before a vcloud child is not a namespace mistake).
      if (f >= 0 && slots[f].ns !== el.ns && expectedNs.size === 1 && !expectedNs.has(el.ns)) {
        const want = [...expectedNs][0];
        const prefix = NAMESPACE_LABELS[want];
        const fix = want === VCLOUD ? ' (write it without a prefix)' : prefix ? ` (write <${prefix}:${element}>)` : '';
        return out('xsd/wrong-namespace', { found: element, foundNs: nsFull(el.ns), expectedNs: nsFull(want), fix });
      }
      if (f >= 0 && f < firstExpected) {
        const after = [...before].reverse().find((n) => idx(n) > f);
        if (after) return out('xsd/out-of-order', { found: element, parent, after });
        const count = before.filter((n) => n === element).length + 1;
        if (count > slots[f].max) return out('xsd/too-many', { found: element, parent, max: slots[f].max });
      }
      const last = expected[expected.length - 1];
      const lastSlot = slots[idx(last.local)];
      if (lastSlot?.required && expected.length > 1 && (f < 0 || f > idx(last.local))) {
        return out('xsd/unexpected-element', { expected: describeExpected([expectedRaw[expectedRaw.length - 1]], ctx.resolvePrefix), found: element });
      }
      if (f < 0 && !expectedRaw.some((r) => r.includes('*'))) {
        return out('xsd/not-allowed-in-parent', { found: element, parent, expected: expectedText });
      }
    }
    return out('xsd/unexpected-element', { expected: expectedText, found: element });
  }

  // --- content model: missing child -----------------------------------------------------------
  const missing = /^Missing child element\(s\)\. Expected is(?: one of)? \( (.*) \)\.$/.exec(rest);
  if (missing) {
    const list = missing[1].split(/\s*,\s*/).filter(Boolean);
    const q = list.map((r) => parseQName(r, ctx.resolvePrefix));
    // libxml2 lists every optional element up to the required one that is missing: name just that one
    const named = list.filter((r) => !r.includes('*'));
    const slots = named.length > 1 && named.length === list.length ? childOrder(element, q.map((x) => x.local)) : null;
    const lastSlot = slots?.find((s) => s.name === q[q.length - 1].local);
    if (lastSlot?.required) {
      list.splice(0, list.length - 1);
      q.splice(0, q.length - 1);
    }
    const hint =
      q.length === 1 && q[0].ns === OVF && q[0].local === 'Info'
        ? ' (every section starts with <ovf:Info>, e.g. <ovf:Info>Network settings</ovf:Info>)'
        : '';
    return out('xsd/missing-child', { element, expected: describeExpected(list, ctx.resolvePrefix), hint });
  }

  // --- attributes --------------------------------------------------------------------------------
  const reqAttr = /^The attribute '([^']+)' is required but missing\.$/.exec(rest);
  if (reqAttr) {
    const a = parseQName(reqAttr[1], ctx.resolvePrefix);
    const label = NAMESPACE_LABELS[a.ns];
    if (a.ns !== '' && label && ctx.unqualifiedAttributes.includes(a.local)) {
      const prefix = label.includes(' ') ? 'ovf' : label;
      return out('xsd/unprefixed-ovf-attribute', { local: a.local, element, prefix, label: prefix.toUpperCase() });
    }
    const shown = a.ns === '' ? a.local : `${NAMESPACE_LABELS[a.ns] ?? `{${a.ns}}`}:${a.local}`;
    return out('xsd/missing-attribute', { element, attribute: shown });
  }
  const notAllowed = /^The attribute '([^']+)' is not allowed\.$/.exec(rest);
  if (notAllowed) {
    const a = parseQName(notAllowed[1], ctx.resolvePrefix);
    const shown = a.ns === '' ? a.local : `${NAMESPACE_LABELS[a.ns] ?? `{${a.ns}}`}:${a.local}`;
    let hint = '';
    if (a.ns === OVF && el.ns === VCLOUD) hint = ` (vCloud attributes are written without a prefix: ${a.local}="...")`;
    else if (a.ns === '' && el.ns === VCLOUD) hint = ' (check the spelling; foreign attributes need their own namespace prefix)';
    return out('xsd/attribute-not-allowed', { attribute: shown, element, hint });
  }

  // --- values ------------------------------------------------------------------------------------
  const badValue = /^'(.*)' is not a valid value of the (?:atomic|local atomic|union|local union|list) type(?: '([^']+)')?\.$/.exec(rest);
  if (badValue) {
    const { type, hint } = typeName(badValue[2] ?? '');
    if (attrRaw) {
      const a = parseQName(attrRaw, ctx.resolvePrefix);
      const shown = a.ns === '' ? a.local : `${NAMESPACE_LABELS[a.ns] ?? a.ns}:${a.local}`;
      return out('xsd/invalid-attribute-value', { attribute: shown, element, value: quote(badValue[1]), type, hint });
    }
    return out('xsd/invalid-element-value', { element, value: quote(badValue[1]), type, hint });
  }
  const facet = /^\[facet '(\w+)'\] (.*)$/.exec(rest);
  if (facet) {
    const attributePart = attrRaw ? ` attribute ${parseQName(attrRaw, ctx.resolvePrefix).local}` : '';
    const detail = facet[2]
      .replace(/^The value '(.*)' is not an element of the set \{(.*)\}\.$/, "the value '$1' is not one of $2")
      .replace(/^The value '(.*)' is not accepted by the pattern '(.*)'\.$/, "the value '$1' does not have the required form")
      .replace(/^The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.$/, 'the value is $1 characters long; at most $2 are allowed')
      .replace(/^The value '(.*)' is greater than the maximum value allowed \('(.*)'\)\.$/, "the value '$1' is larger than the maximum $2")
      .replace(/^The value '(.*)' is less than the minimum value allowed \('(.*)'\)\.$/, "the value '$1' is smaller than the minimum $2");
    return out('xsd/facet', { element, attributePart, detail });
  }

  // --- structure -----------------------------------------------------------------------------------
  if (/^No matching global declaration available for the validation root\.$/.test(rest)) {
    if ((REQUEST_ROOTS as readonly string[]).includes(element) && el.ns !== VCLOUD) {
      const hint = el.ns === 'http://www.vmware.com/vcloud/v1' ? ' (the vCloud API 1.0 namespace, not accepted by API 1.5 and later)' : '';
      return out('xsd/root-namespace', { element, elementNs: nsFull(el.ns), hint, vcloud: VCLOUD });
    }
    return out('xsd/unknown-root', { element, elementNs: nsLabel(el.ns), roots: REQUEST_ROOTS.join(', ') });
  }
  if (/^The type definition is abstract\.$/.test(rest)) return out('xsd/abstract', { element });
  if (/^Character content other than whitespace is not allowed/.test(rest)) return out('xsd/text-not-allowed', { element });
  if (/^Element content is not allowed, because/.test(rest)) return out('xsd/children-not-allowed', { element });

  return out('xsd/other', { element, detail: rest });
}
