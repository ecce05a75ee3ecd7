/** The error of input that cannot be read as XML. */

/** A document that cannot be read as XML: not well-formed, bad encoding, DOCTYPE, over a limit. */
export class XmlInputError extends Error {
  constructor(
    message: string,
    /** 1-based line, 0 when unknown. */
    readonly line = 0,
    /** 1-based column in UTF-16 code units, 0 when unknown. */
    readonly column = 0,
    /** Stable id: `malformed`, `encoding`, `doctype`, `too-large`, `too-deep`, `undeclared-prefix`, ... */
    readonly messageId = 'malformed',
    /** Offset in the decoded text, -1 when unknown. */
    readonly offset = -1,
  ) {
    super(message);
    this.name = 'XmlInputError';
  }
}
