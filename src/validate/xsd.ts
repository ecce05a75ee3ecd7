/**
 * Schema validation of vCloud request documents with libxml2-wasm.
 *
 * - The schema set (bundled xsd/ or a --schema-dir) is compiled once per process and reused
 *   (xsd-schemas.ts); libxml2 is never allowed to read a file or the network (xsd-schemas.ts
 *   explains the input provider that enforces this).
 * - Documents are parsed without DTD loading, entity substitution or network access; a document
 *   with a DOCTYPE (and therefore any entity declaration) is refused before libxml2 sees it.
 * - Every libxml2 diagnostic becomes a Problem with rule `xml` (not well-formed / refused input) or
 *   `xsd` (schema), a line, a column (0 when libxml2 does not know it), an element path such as
 *   `/ComposeVAppParams/SourcedItem[2]/InstantiationParams`, and a plain-English message
 *   (xsd-messages.ts).
 */
import { ParseOption, XmlDocument, XmlElement, XmlError, XmlParseError } from 'libxml2-wasm';
import type { ErrorDetail } from 'libxml2-wasm';
import type { Problem } from './problem.js';
import { findDoctype } from '../xml/reader.js';
import { LineIndex } from '../xml/lines.js';
import { explainParserError, explainSchemaError, format, type MessageId } from './xsd-messages.js';
import { loadSchemaSet } from './xsd-schemas.js';
import { DEFAULT_LIMITS } from '../xml/reader.js';

export { SchemaDirError, bundledSchemaDir, inputRequests } from './xsd-schemas.js';
export { findDoctype } from '../xml/reader.js';
export { MESSAGES, NAMESPACE_LABELS } from './xsd-messages.js';

/** Options for schema validation. */
export interface SchemaValidationOptions {
  /** Validate against the XSD set in this directory instead of the bundled one (see loadSchemaSet). */
  schemaDir?: string;
  /** Largest accepted document in bytes; the one limit shared with our reader (default DEFAULT_LIMITS.maxBytes, 256 MiB). */
  maxBytes?: number;
  /**
   * Deepest accepted element nesting. libxml2 stops at 256 by itself; a larger value switches on
   * XML_PARSE_HUGE (depth limit 2048, no 10,000,000-character limit on one text or attribute value).
   */
  maxDepth?: number;
}

/** Default document size limit (bytes), the same as the reader's (src/xml/read.ts). */
export const MAX_DOCUMENT_BYTES = DEFAULT_LIMITS.maxBytes;

/** libxml2's own nesting limit without XML_PARSE_HUGE (parserInternals.c, xmlParserMaxDepth). */
const LIBXML2_MAX_DEPTH = 256;

/**
 * libxml2 parse options: no entity substitution (no NOENT), no DTD loading (no DTDLOAD/DTDATTR/
 * DTDVALID), no external entities (NO_XXE), no network (NONET), no XInclude, no catalog PIs, and
 * line numbers above 65535 kept (BIG_LINES).
 */
const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NO_SYS_CATALOG;

/** Compile (or fetch from the cache) the schema set now, so the first validation is not slower. Throws SchemaDirError. */
export async function initSchemas(opts: SchemaValidationOptions = {}): Promise<void> {
  loadSchemaSet(opts.schemaDir);
}

/** Validate a document against the schema set; resolves to its `xml`/`xsd` problems (empty when valid). Rejects with SchemaDirError for a bad schemaDir. */
export async function validateSchema(xml: string | Uint8Array, opts: SchemaValidationOptions = {}): Promise<Problem[]> {
  return validateSchemaSync(xml, opts);
}

/** Synchronous form of validateSchema. Throws SchemaDirError for a bad schemaDir. */
export function validateSchemaSync(xml: string | Uint8Array, opts: SchemaValidationOptions = {}): Problem[] {
  return checkSchema(xml, opts).problems;
}

/** The schema verdict plus the root element's name, when libxml2 could read the document. */
export interface SchemaCheck {
  problems: Problem[];
  root: { ns: string | null; name: string } | null;
}

/**
 * validateSchemaSync, also naming the root element: validate's `lint: false` path uses libxml2 as
 * its only parser (well-formedness, encoding, NUL, depth and size limits), so it needs the kind from here.
 */
export function checkSchema(xml: string | Uint8Array, opts: SchemaValidationOptions = {}): SchemaCheck {
  const set = loadSchemaSet(opts.schemaDir);
  const parsed = parseDocument(xml, opts);
  if (!parsed.doc) return { problems: parsed.problems, root: null };
  const doc = parsed.doc;
  try {
    const top = docRoot(doc);
    const root = top ? { ns: top.namespaceUri || null, name: top.name } : null;
    try {
      set.validator.validate(doc);
      return { problems: parsed.problems, root };
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
      const details: ErrorDetail[] = (e as { details?: ErrorDetail[] }).details ?? [];
      if (details.length === 0) {
        return { problems: [...parsed.problems, problem('xsd', 'xsd/other', { element: rootName(doc), detail: e.message.trim() }, 0, 0, '/')], root };
      }
      return { problems: [...parsed.problems, ...details.map((d) => schemaProblem(doc, d))], root };
    }
  } finally {
    doc.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Parsed {
  doc: XmlDocument | null;
  problems: Problem[];
}

function problem(
  rule: 'xml' | 'xsd',
  id: MessageId,
  data: Record<string, string | number | boolean>,
  line: number,
  column: number,
  path: string,
): Problem {
  return { severity: 'error', rule, line, column, path, message: format(id, data), messageId: id, data };
}


/** Text view of the document for the pre-checks (only the prolog matters, so any ASCII-compatible decoding will do). */
function prologText(xml: string | Uint8Array): string {
  if (typeof xml === 'string') return xml.slice(0, 1 << 20);
  const head = xml.subarray(0, 1 << 20);
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0x00 && head[1] === 0x3c)) return new TextDecoder('utf-16be').decode(head);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0x00)) return new TextDecoder('utf-16le').decode(head);
  return new TextDecoder('latin1').decode(head);
}

function parseDocument(xml: string | Uint8Array, opts: SchemaValidationOptions): Parsed {
  const size = typeof xml === 'string' ? xml.length : xml.byteLength;
  const limit = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (size > limit) {
    return { doc: null, problems: [problem('xml', 'xml/too-large', { size, limit }, 0, 0, '/')] };
  }
  const huge = (opts.maxDepth ?? 0) > LIBXML2_MAX_DEPTH;
  const option = huge ? PARSE_OPTIONS | ParseOption.XML_PARSE_HUGE : PARSE_OPTIONS;
  const text = prologText(xml);
  if (text.trim() === '' || text.replace(/^\uFEFF/, '').trim() === '') {
    return { doc: null, problems: [problem('xml', 'xml/empty', {}, 0, 0, '/')] };
  }
  const dt = findDoctype(text);
  if (dt >= 0) {
    const { line, column } = new LineIndex(text).at(dt);
    return { doc: null, problems: [problem('xml', 'xml/doctype', {}, line, column, '/')] };
  }
  let doc: XmlDocument;
  try {
    doc =
      typeof xml === 'string'
        ? XmlDocument.fromString(xml, { option })
        : XmlDocument.fromBuffer(xml, { option });
  } catch (e) {
    if (e instanceof XmlParseError || e instanceof XmlError) {
      const details: ErrorDetail[] = (e as { details?: ErrorDetail[] }).details ?? [];
      const errors = details.filter((d) => d.level >= 2);
      if (errors.length === 0) return { doc: null, problems: [problem('xml', 'xml/not-well-formed', { detail: explainParserError(e.message).detail }, 0, 0, '/')] };
      // libxml2 often reports one mistake twice (e.g. a NUL as two errors): keep distinct messages per line
      const seen = new Set<string>();
      const problems = errors
        .map(parseProblem)
        .filter((p) => {
          const k = `${p.line}:${p.message}`;
          return seen.has(k) ? false : (seen.add(k), true);
        });
      return { doc: null, problems: problems.slice(0, 50) };
    }
    throw e;
  }
  // Belt and braces: the prolog scan above should make this impossible.
  if (doc.dtd !== null) {
    doc.dispose();
    return { doc: null, problems: [problem('xml', 'xml/doctype', {}, 1, 0, '/')] };
  }
  return { doc, problems: [] };
}

function parseProblem(d: ErrorDetail): Problem {
  const { messageId, detail } = explainParserError(d.message);
  return problem('xml', messageId, { detail }, d.line > 0 ? d.line : 0, d.col > 0 ? d.col : 0, '/');
}

// ---------------------------------------------------------------------------------------------
// Paths and schema problems

function rootName(doc: XmlDocument): string {
  try {
    return doc.root.name;
  } catch {
    return '?';
  }
}

function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.next) if (c instanceof XmlElement) out.push(c);
  return out;
}

/**
 * Find the element libxml2 means by its node path (xmlGetNodePath): steps are `*` / `*[n]` for
 * elements in a default namespace (n counts all element siblings) or `name` / `prefix:name[n]`
 * (n counts siblings with the same name and prefix).
 */
export function resolveNodePath(doc: XmlDocument, xpath: string | undefined): XmlElement | null {
  if (!xpath || !xpath.startsWith('/')) return null;
  const steps = xpath.slice(1).split('/');
  let cur: XmlElement | null = null;
  for (const step of steps) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) return cur;
    const name = m[1];
    const index = m[2] ? Number(m[2]) : 1;
    const candidates: XmlElement[] = cur === null ? [doc.root] : childElements(cur);
    const matching =
      name === '*'
        ? candidates
        : candidates.filter((c) => {
            const i = name.indexOf(':');
            return i > 0 ? c.prefix === name.slice(0, i) && c.name === name.slice(i + 1) : c.name === name && !c.prefix;
          });
    const next = matching[index - 1];
    if (!next) return cur;
    cur = next;
  }
  return cur;
}

/** `/ComposeVAppParams/SourcedItem[2]/InstantiationParams`: local names, index when a name repeats among siblings. */
export function elementPath(el: XmlElement | null): string {
  if (!el) return '/';
  const parts: string[] = [];
  for (let cur: XmlElement | null = el; cur; cur = cur.parent) {
    const parent: XmlElement | null = cur.parent;
    if (!parent) {
      parts.push(cur.name);
      break;
    }
    const same = childElements(parent).filter((c) => c.name === cur!.name && c.namespaceUri === cur!.namespaceUri);
    parts.push(same.length > 1 ? `${cur.name}[${same.findIndex((c) => c.isSameNode(cur!)) + 1}]` : cur.name);
  }
  return '/' + parts.reverse().join('/');
}

function schemaProblem(doc: XmlDocument, d: ErrorDetail): Problem {
  const el = resolveNodePath(doc, d.xpath);
  const unqualified = el ? el.attrs.filter((a) => !a.prefix).map((a) => a.name) : [];
  const previousSiblings: string[] = [];
  if (el?.parent) for (const c of childElements(el.parent)) {
    if (c.isSameNode(el)) break;
    previousSiblings.push(c.name);
  }
  const explained = explainSchemaError(d.message, {
    parentName: el?.parent?.name,
    previousSiblings,
    unqualifiedAttributes: unqualified,
    resolvePrefix: (p) => {
      const scope = el ?? docRoot(doc);
      if (!scope) return undefined;
      return scope.namespaces[p];
    },
  });
  const line = d.line > 0 ? d.line : (el?.line ?? 0);
  return {
    severity: 'error',
    rule: 'xsd',
    line,
    column: d.col > 0 ? d.col : 0,
    path: elementPath(el),
    message: explained.message,
    messageId: explained.messageId,
    data: explained.data,
  };
}

function docRoot(doc: XmlDocument): XmlElement | null {
  try {
    return doc.root;
  } catch {
    return null;
  }
}
