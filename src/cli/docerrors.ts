/**
 * How normalize, build and fmt report a document they cannot work on (exit 1): one line in the
 * validate text format, `file:line:column: error rule: message`, on standard error.
 */
import { oneLine } from './errors.js';
import { BuildError, UnknownDocumentError, XmlInputError } from './lib.js';

/**
 * The line for a library error about a document, or undefined when `e` is not one (a bug: rethrow).
 * For JSON input (build) every such error is a `build` problem without an XML position.
 */
export function documentErrorLine(display: string, e: unknown, input: 'xml' | 'json' = 'xml'): string | undefined {
  if (input === 'json' && (e instanceof BuildError || e instanceof UnknownDocumentError)) {
    return `${display}:0:0: error build: ${oneLine(e)}\n`;
  }
  if (e instanceof XmlInputError || e instanceof UnknownDocumentError) {
    return `${display}:${e.line}:${e.column}: error xml: ${oneLine(e)}\n`;
  }
  if (e instanceof BuildError) return `${display}:0:0: error build: ${oneLine(e)}\n`;
  return undefined;
}
