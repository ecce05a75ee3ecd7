/**
 * The document API: `parse` (XML -> typed model) and `build` (typed model -> canonical XML) for the
 * five request types. The model's shape comes from the descriptions in src/model/.
 */
import type { Infer, Mode } from './model/dsl.js';
import { KINDS, ROOTS, type Kind } from './model/roots.js';
import { buildElement, serialize, type WriteOptions } from './xml/build.js';
import { checkApiVersion } from './versioning.js';
import { DEFAULT_LIMITS } from './xml/reader.js';
import { NS, nsLabel } from './xml/names.js';
import type { XmlDoc } from './xml/doc.js';
import { XmlInputError } from './xml/errors.js';
import { readContent } from './xml/parse.js';
import { infoOf, setInfo } from './xml/positions.js';
import { readDocument, type ReadLimits } from './xml/reader.js';

type Roots = typeof ROOTS;

/** A request document of one kind in a mode (`raw` as parsed, `norm` normalized, `input` what build takes). */
export type DocumentOf<K extends Kind, M extends Mode = 'raw'> = { kind: K } & Infer<Roots[K], M>;

/** Any request document as parsed: every leaf value is the string written in the document. */
export type ParsedDocument = { [K in Kind]: DocumentOf<K, 'raw'> }[Kind];
/** Any request document after normalize: booleans, numbers, units and defaults made explicit. */
export type NormalizedDocument = { [K in Kind]: DocumentOf<K, 'norm'> }[Kind];
/** What build accepts: leaves may be strings or decoded values. */
export type VmParamsDocument = { [K in Kind]: DocumentOf<K, 'input'> }[Kind];

/** Options for parse. */
export interface ParseOptions extends ReadLimits {}

/** The document is XML but not one of the five request types (or in the wrong namespace). */
export class UnknownDocumentError extends Error {
  constructor(
    message: string,
    readonly line = 1,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'UnknownDocumentError';
  }
}

/** Which request type a root element is, or an error explaining why it is none. */
export function kindOf(ns: string | null, name: string): Kind {
  if ((KINDS as string[]).includes(name)) {
    if (ns === NS.vcloud) return name as Kind;
    const hint = ns === 'http://www.vmware.com/vcloud/v1' ? ' (that is the vCloud API 1.0 namespace)' : '';
    throw new UnknownDocumentError(`<${name}> is in ${nsLabel(ns)}${hint}; Cloud Director requests use the namespace ${NS.vcloud} (xmlns="${NS.vcloud}")`);
  }
  throw new UnknownDocumentError(`<${name}> is not a request vmparams knows; the root must be one of ${KINDS.join(', ')}`);
}

/**
 * Parse a request document into its typed model. Children out of schema order are accepted (build
 * writes them in order); unknown and extension content is kept in `$any`/`$attrs`.
 * Throws XmlInputError (not XML, DOCTYPE, over a limit) or UnknownDocumentError (another root).
 */
export function parse(xml: string | Uint8Array, opts: ParseOptions = {}): ParsedDocument {
  return documentFrom(readDocument(xml, opts));
}

/** The typed document of a tree already read (shared by parse, validate, fmt and the language server). */
export function documentFrom(tree: XmlDoc): ParsedDocument {
  const root = tree.root;
  let kind: Kind;
  try {
    kind = kindOf(tree.ns(root), tree.local(root));
  } catch (e) {
    if (e instanceof UnknownDocumentError) {
      const { line, column } = tree.position(tree.starts[root]);
      throw new UnknownDocumentError(e.message, line, column);
    }
    throw e;
  }
  const model = readContent(tree, root, ROOTS[kind]) as Record<string, unknown>;
  const doc = { kind, ...model };
  const info = infoOf(model);
  if (info) setInfo(doc, info);
  return doc as ParsedDocument;
}

/** Options for build. */
export interface BuildOptions extends WriteOptions {
  /**
   * Write for this Cloud Director API version (`'33.0'`): forms that version takes instead
   * (VdcComputePolicy below 33.0, ComputePolicy from 33.0 on, ...), and a BuildError (a VersionError)
   * naming any element or attribute it does not have and the version that introduced or removed it.
   * Default: none, the document is written as given.
   */
  apiVersion?: string;
  /** Deepest element nesting written (default 256, as parse); deeper `$any` content is a BuildError. */
  maxDepth?: number;
}

/**
 * Write a request document as the XML Cloud Director expects: schema order, the right namespace for
 * every element and attribute, `ovf:Info` filled in where a section needs it, conventional prefixes.
 * Throws BuildError when the object does not fit the model (unknown property, wrong shape, a value its
 * type cannot hold, a name XML cannot hold) or, with `apiVersion`, has what that version does not;
 * ApiVersionError for an `apiVersion` that is not N.N.
 */
export function build(doc: VmParamsDocument | ParsedDocument | NormalizedDocument, opts: BuildOptions = {}): string {
  const kind = (doc as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    throw new UnknownDocumentError(kind === undefined ? `the document has no "kind"; it must be one of ${KINDS.join(', ')}` : `the document's "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind) ?? String(kind)}`);
  }
  const apiVersion = opts.apiVersion === undefined ? undefined : checkApiVersion(opts.apiVersion);
  const el = buildElement(NS.vcloud, kind, doc, ROOTS[kind as Kind], `/${kind}`, { apiVersion, maxDepth: opts.maxDepth ?? DEFAULT_LIMITS.maxDepth });
  return serialize(el, opts);
}

export { XmlInputError };
