/**
 * A compiled schema as the library hands it out: validate documents (text, bytes or a tree
 * already read), plus what editors need (elements allowed at a position, the declaration behind a
 * node: info.ts).
 */
import type { CompiledSet } from './compile.js';
import type { UnresolvedRef } from './load/loader.js';
import { makeReport, type Problem } from '../validate/problem.js';
import type { XmlDoc } from '../xml/doc.js';
import { XmlInputError } from '../xml/errors.js';
import { readDocument, type ReadLimits } from '../xml/reader.js';
import type { RtSchema } from './compiled.js';
import type { SchemaHints } from './hints.js';
import { allowedChildren, describeNode, type AllowedElement, type NodeInfo } from './info.js';
import { validateTree } from './validate/walk.js';

/** Options of CompiledSchema.validate. */
export interface XsdValidateOptions extends ReadLimits {
  /** Message hints (see hints.ts). */
  hints?: SchemaHints;
}

/** The verdict on one document. */
export interface XsdResult {
  valid: boolean;
  problems: Problem[];
}

/** A schema compiled once, used for any number of documents. */
export class CompiledSchema {
  constructor(
    /** The compiled tables (compiled.ts). */
    readonly tables: RtSchema,
    /**
     * The xs:include / xs:import / xs:redefine whose schemaLocation could not be read locally (never
     * fetched from the network). The spec skips them (not an error), so their definitions are simply
     * missing: `vmparams xsd` prints a warning for each.
     */
    readonly unresolved: readonly UnresolvedRef[] = [],
  ) {}

  /** The schema of a compiled set (compile.ts compileSet). */
  static from(set: CompiledSet): CompiledSchema {
    return new CompiledSchema(set.tables, set.unresolved);
  }

  /** Validate a document given as text or bytes: well-formedness first (rule `xml`), then the schema (rule `xsd`). */
  validate(xml: string | Uint8Array, opts: XsdValidateOptions = {}): XsdResult {
    let doc: XmlDoc;
    try {
      doc = readDocument(xml, opts);
    } catch (e) {
      if (e instanceof XmlInputError) {
        return { valid: false, problems: [{ severity: 'error', rule: 'xml', line: e.line, column: e.column, path: '', message: e.message, messageId: e.messageId }] };
      }
      throw e;
    }
    const r = makeReport(null, this.validateTree(doc, opts));
    return { valid: r.valid, problems: r.problems };
  }

  /** Validate a tree already read with readDocument; returns its schema problems (unsorted). */
  validateTree(doc: XmlDoc, opts: { hints?: SchemaHints } = {}): Problem[] {
    return validateTree(this.tables, doc, opts);
  }

  /** The elements allowed as a child of `parent` just before its child `before` (-1: at the end), in schema order, with documentation. */
  allowedChildren(doc: XmlDoc, parent: number, before = -1): AllowedElement[] {
    return allowedChildren(this.tables, doc, parent, before);
  }

  /**
   * Like allowedChildren, but only the elements after which the child `before` can still stand (what
   * an editor's completion offers: inserting one keeps the children that follow valid).
   */
  allowedAt(doc: XmlDoc, parent: number, before = -1): AllowedElement[] {
    return allowedChildren(this.tables, doc, parent, before, true);
  }

  /** The declaration and type behind an element (or, with `attr`, one of its attributes), for hover. */
  describe(doc: XmlDoc, node: number, attr = -1): NodeInfo {
    return describeNode(this.tables, doc, node, attr);
  }
}
