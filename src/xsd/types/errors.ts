/**
 * The one error a simple-type definition can raise: the schema itself is wrong (a facet that does
 * not apply, a bound outside the base type, a pattern that is not an XSD regular expression, ...).
 * Instance values never throw; they come back as a failed TypeResult.
 */

/** A schema error in a simple-type definition (XSD Part 2 constraint); `message` says what is wrong. */
export class SchemaTypeError extends Error {
  /** The facet or construct at fault ('pattern', 'maxLength', 'list', ...), when one is. */
  readonly facet?: string;

  constructor(message: string, facet?: string) {
    super(message);
    this.name = 'SchemaTypeError';
    if (facet !== undefined) this.facet = facet;
  }
}
