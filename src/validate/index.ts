/**
 * validate: one document's verdict. Well-formedness and hostile-input checks first (our reader),
 * then the XSD set (bundled xsd/ or `schemaDir`), then the semantic rules on the typed model.
 */
import { documentFrom, kindOf, UnknownDocumentError, type ParsedDocument } from '../document.js';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import { readDocument, type ReadLimits } from '../xml/reader.js';
import { makeReport, type Problem, type Report } from './problem.js';
import { checkSchemaTree, prepareSchema, type XsdEngine } from './xsd.js';
import { rules, runRules } from './rules/index.js';
import { loadContext, type ContextInput } from './context.js';
import { xmlToValidate, type ValidateInput } from './input.js';
import { applyRuleLevels, checkRuleLevels, type RuleLevel } from '../config/levels.js';
import { applyDirectives, type CommentRecord } from './directives.js';

/** Options for validate. */
export interface ValidateOptions extends ReadLimits {
  /** Target Cloud Director API version (e.g. `33.0`); elements it does not know are errors. Default: the newest. */
  apiVersion?: string;
  /** Validate against the XSD set in this directory instead of the bundled one (laid out as a server publishes it). */
  schemaDir?: string;
  /** Run the semantic rules (default true); false reports schema and well-formedness problems only. */
  lint?: boolean;
  /** A VDC description enabling the context rules: a VdcContext object, its JSON text, or a JSON file's path (schemas/vdc-context.schema.json). Invalid: throws ContextError. */
  context?: ContextInput;
  /** Rule levels by id (`off`, `info`, `warning`, `error`), as `--rule` and the config's `rules` set them; `xml`/`xsd` cannot be set. Invalid: throws RuleLevelError. */
  rules?: Readonly<Record<string, RuleLevel>>;
  /** The XSD engine: vmparams' own (default), or libxml2-wasm, the reference (loaded on first use; validateSync needs validate() or prepareSchema() first). */
  engine?: XsdEngine;
}

/** The problem for input that cannot be read as XML at all. */
export function inputProblem(e: XmlInputError): Problem {
  return { severity: 'error', rule: 'xml', line: e.line, column: e.column, path: '', message: e.message, messageId: e.messageId };
}

/**
 * Validate one document. Resolves to a Report (`valid` false when any problem is an error).
 * Rejects only when the command cannot run: SchemaDirError (bad `schemaDir`), ApiVersionError
 * (`apiVersion` is not N.N), ContextError (a context that is not a VDC description).
 */
export async function validate(input: ValidateInput, opts: ValidateOptions = {}): Promise<Report> {
  await prepareSchema(opts);
  return validateSync(input, opts);
}

/** Synchronous validate (the bundled schema is compiled at build time; a schemaDir set on first use). Takes XML text, bytes or a document object. */
export function validateSync(input: ValidateInput, opts: ValidateOptions = {}): Report {
  if (opts.rules) checkRuleLevels(opts.rules);
  const prepared = xmlToValidate(input);
  if ('report' in prepared) return prepared.report;
  const xml = prepared.xml;
  let root: XmlDoc;
  try {
    root = readDocument(xml, opts);
  } catch (e) {
    if (e instanceof XmlInputError) return makeReport(null, [inputProblem(e)]);
    throw e;
  }
  // The schema is checked on the tree just read: one parse for schema, model and rules.
  const problems = checkSchemaTree(root, xml, { schemaDir: opts.schemaDir, engine: opts.engine, maxDepth: opts.maxDepth });
  if (opts.lint === false) return schemaOnly(root, problems);
  let doc: ParsedDocument | undefined;
  try {
    doc = documentFrom(root);
  } catch (e) {
    // Not one of the five requests: the schema check has said so already.
    if (!(e instanceof UnknownDocumentError)) throw e;
  }
  if (doc) {
    const found = withoutSchemaEchoes(lint(doc, opts), problems);
    // Inline directives, then rule levels (a directive for a rule set to off is not "unused").
    problems.push(...applyRuleLevels(applyDirectives(found, directiveComments(root), SEMANTIC_RULE_IDS), opts.rules));
  }
  return makeReport(doc?.kind ?? null, oneLine(problems));
}

/** Ids a directive may name (directives.ts reports any other as unknown). */
const SEMANTIC_RULE_IDS: ReadonlySet<string> = new Set(Object.keys(rules));

/** The comments of the tree that may be directives (directives.ts), with their positions. */
function directiveComments(tree: XmlDoc): CommentRecord[] {
  const out: CommentRecord[] = [];
  for (let n = 0; n < tree.count; n++) {
    if (tree.kinds[n] !== NodeKind.Comment) continue;
    const text = tree.value(n);
    if (!text.includes('vmparams-')) continue;
    const { line, column } = tree.position(tree.starts[n]!);
    out.push({ text, line, column, endLine: tree.position(tree.ends[n]! - 1).line });
  }
  return out;
}

/**
 * Messages quote values from the document, which may hold line breaks; the text format is one
 * problem a line, so they are written as visible escapes (`\n`) instead.
 */
function oneLine(problems: Problem[]): Problem[] {
  for (const p of problems) {
    if (/[\r\n\u2028\u2029]/.test(p.message)) p.message = p.message.replace(/[\r\n\u2028\u2029]/g, (c) => ({ '\r': '\\r', '\n': '\\n', '\u2028': '\\u2028', '\u2029': '\\u2029' })[c]!);
  }
  return problems;
}

/** `lint: false` (CLI --no-lint): the schema verdict alone, with the request kind named from the root. */
function schemaOnly(root: XmlDoc, problems: Problem[]): Report {
  let kind: string | null = null;
  try {
    kind = kindOf(root.ns(root.root), root.local(root.root));
  } catch (e) {
    if (!(e instanceof UnknownDocumentError)) throw e;
  }
  return makeReport(kind, oneLine(problems));
}

/** Drop rule findings that only repeat a schema problem on the same element (see Rule.overlapsSchema). */
function withoutSchemaEchoes(found: Problem[], schema: Problem[]): Problem[] {
  // keyed by element path (unique per element): a schema problem may sit on an attribute's line
  const flagged = new Set(schema.filter((p) => p.rule === 'xsd').map((p) => p.path));
  if (flagged.size === 0) return found;
  return found.filter((p) => {
    const rule = (rules as Record<string, { overlapsSchema?: readonly string[] }>)[p.rule];
    const echo = rule?.overlapsSchema?.includes(p.messageId ?? '') && flagged.has(p.path.replace(/\/@[^/]*$/, ''));
    return !echo;
  });
}

/** The semantic rules, API-version checks and (with a context) the VDC rules. */
function lint(doc: ParsedDocument, opts: ValidateOptions): Problem[] {
  const context = opts.context === undefined ? undefined : loadContext(opts.context);
  return runRules(doc, { apiVersion: opts.apiVersion, context });
}
