/**
 * validate: one document's verdict. Well-formedness and hostile-input checks first (our reader),
 * then the XSD set (bundled xsd/ or `schemaDir`), then the semantic rules on the typed model.
 */
import { documentFrom, kindOf, UnknownDocumentError, type ParsedDocument } from '../document.js';
import { NodeKind, type XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import { readDocument, type ReadLimits } from '../xml/reader.js';
import { makeReport, type Problem, type Report } from './problem.js';
import { checkSchema, validateSchemaSync } from './xsd.js';
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
  return validateSync(input, opts);
}

/** Synchronous validate (the schema set is compiled on first use and cached). Takes XML text, bytes or a document object. */
export function validateSync(input: ValidateInput, opts: ValidateOptions = {}): Report {
  if (opts.rules) checkRuleLevels(opts.rules);
  const prepared = xmlToValidate(input);
  if ('report' in prepared) return prepared.report;
  const xml = prepared.xml;
  if (opts.lint === false) return schemaOnly(xml, opts);
  let root: XmlDoc;
  try {
    root = readDocument(xml, opts);
  } catch (e) {
    if (e instanceof XmlInputError) return makeReport(null, [inputProblem(e)]);
    throw e;
  }
  const problems = validateSchemaSync(xml, { schemaDir: opts.schemaDir, maxBytes: opts.maxBytes, maxDepth: opts.maxDepth });
  fillColumns(problems, root);
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

/** libxml2 reports lines only: take the position of the element a schema problem names from our read. */
function fillColumns(problems: Problem[], doc: XmlDoc): void {
  const wanted = problems.filter((p) => p.column === 0 && p.path);
  if (wanted.length === 0) return;
  const at = new Map<string, number>();
  // The same paths the model uses (XmlDoc.path: [n] among same-name siblings, per namespace).
  const stack: [number, string][] = [[doc.root, `/${doc.local(doc.root)}`]];
  while (stack.length) {
    const [n, path] = stack.pop()!;
    at.set(path, n);
    const total = new Map<number, number>();
    for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) if (doc.kinds[c] === NodeKind.Element) total.set(doc.names[c], (total.get(doc.names[c]) ?? 0) + 1);
    const seen = new Map<number, number>();
    for (let c = doc.firsts[n]; c !== -1; c = doc.nexts[c]) {
      if (doc.kinds[c] !== NodeKind.Element) continue;
      const k = (seen.get(doc.names[c]) ?? 0) + 1;
      seen.set(doc.names[c], k);
      stack.push([c, total.get(doc.names[c])! > 1 ? `${path}/${doc.local(c)}[${k}]` : `${path}/${doc.local(c)}`]);
    }
  }
  for (const p of wanted) {
    const n = at.get(p.path);
    if (n === undefined) continue;
    const { line, column } = doc.position(doc.starts[n]);
    // libxml2 gives the line where the start tag ends; a start tag may span lines.
    if (p.line === 0 || line <= p.line) {
      p.line = line;
      p.column = column;
    }
  }
}

/**
 * `lint: false` (CLI --no-lint): libxml2 is the only parser. It makes the checks our reader makes
 * (well-formedness, UTF-8, NUL, undefined entities, undeclared prefixes, DOCTYPE refused before
 * parsing, size and depth limits), so reading the document a second time in JavaScript would only
 * cost time: on a 20 MB document our reader takes several times libxml2's parse and validate.
 */
function schemaOnly(xml: string | Uint8Array, opts: ValidateOptions): Report {
  const { problems, root } = checkSchema(xml, { schemaDir: opts.schemaDir, maxBytes: opts.maxBytes, maxDepth: opts.maxDepth });
  let kind: string | null = null;
  if (root) {
    try {
      kind = kindOf(root.ns, root.name);
    } catch (e) {
      if (!(e instanceof UnknownDocumentError)) throw e;
    }
  }
  startTags(xml, problems);
  return makeReport(kind, oneLine(problems));
}

/**
 * Without our reader (--no-lint) find a schema problem's element start in the text: libxml2 gives the
 * line where the start tag ends, so look back a few lines for `<name` or `<prefix:name`. Same
 * positions as with the rules on, for the common case of one such tag per line.
 */
function startTags(xml: string | Uint8Array, problems: Problem[]): void {
  const wanted = problems.filter((p) => p.rule === 'xsd' && p.column === 0 && p.line > 0 && p.path);
  if (wanted.length === 0) return;
  const lines = (typeof xml === 'string' ? xml : new TextDecoder().decode(xml)).split('\n');
  for (const p of wanted) {
    const local = p.path.split('/').pop()!.replace(/\[\d+\]$/, '');
    const tag = new RegExp(`<(?:[\\w.-]+:)?${local.replace(/[.]/g, '\\.')}(?=[\\s/>]|$)`, 'g');
    for (let l = p.line - 1; l >= 0 && l >= p.line - 8; l--) {
      const found = [...(lines[l] ?? '').matchAll(tag)].pop();
      if (found) {
        p.line = l + 1;
        p.column = found.index! + 1;
        break;
      }
    }
  }
}

/** Drop rule findings that only repeat a schema problem on the same element (see Rule.overlapsSchema). */
function withoutSchemaEchoes(found: Problem[], schema: Problem[]): Problem[] {
  const flagged = new Set(schema.filter((p) => p.rule === 'xsd').map((p) => `${p.line}:${p.path}`));
  if (flagged.size === 0) return found;
  return found.filter((p) => {
    const rule = (rules as Record<string, { overlapsSchema?: readonly string[] }>)[p.rule];
    const echo = rule?.overlapsSchema?.includes(p.messageId ?? '') && flagged.has(`${p.line}:${p.path.replace(/\/@[^/]*$/, '')}`);
    return !echo;
  });
}

/** The semantic rules, API-version checks and (with a context) the VDC rules. */
function lint(doc: ParsedDocument, opts: ValidateOptions): Problem[] {
  const context = opts.context === undefined ? undefined : loadContext(opts.context);
  return runRules(doc, { apiVersion: opts.apiVersion, context });
}
