/**
 * What validate accepts: XML text, its bytes, or a document object (as parse, normalize or the
 * builders return it). A document object is built first and the built text validated, so the
 * report is what the server would say about exactly the XML vmparams would send.
 */
import { build, UnknownDocumentError, type NormalizedDocument, type ParsedDocument, type VmParamsDocument } from '../document.js';
import { BuildError } from '../xml/build.js';
import { makeReport, type Report } from './problem.js';

/** Input for validate: XML text, XML bytes, or a request document object. */
export type ValidateInput = string | Uint8Array | VmParamsDocument | ParsedDocument | NormalizedDocument;

/**
 * The XML to validate, or the report for a document object that cannot be built (rule `build`:
 * an unknown property, a wrong shape; the path says where).
 */
export function xmlToValidate(input: ValidateInput): { xml: string | Uint8Array } | { report: Report } {
  if (typeof input === 'string' || input instanceof Uint8Array) return { xml: input };
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(`validate takes XML text, bytes or a document object, got ${input === null ? 'null' : typeof input}`);
  }
  try {
    return { xml: build(input) };
  } catch (e) {
    if (!(e instanceof BuildError) && !(e instanceof UnknownDocumentError)) throw e;
    const path = e instanceof BuildError ? e.path : '';
    const message = e instanceof BuildError ? e.message.slice(path.length + 2) : e.message;
    return { report: makeReport((input as { kind?: unknown }).kind === undefined ? null : String((input as { kind?: unknown }).kind), [{ severity: 'error', rule: 'build', line: 0, column: 0, path, message }]) };
  }
}
