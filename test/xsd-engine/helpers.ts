/** Small schemas and documents for the engine tests: compile from strings, validate, look at problems. */
import { compileSchema, type CompiledSchema } from '../../src/xsd/index.js';
import type { Problem } from '../../src/validate/problem.js';

/** `xs:` namespace declaration for schema snippets. */
export const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';

/** Compile a one-document schema (more documents by name in `more`). */
export function schema(body: string, more: Record<string, string> = {}, attrs = ''): CompiledSchema {
  return compileSchema({ entry: 'main.xsd', files: { 'main.xsd': `<xs:schema ${XS} ${attrs}>${body}</xs:schema>`, ...more } });
}

/** Problems of a document against a schema. */
export function problems(s: CompiledSchema, xml: string): Problem[] {
  return s.validate(xml).problems;
}

/** The first problem's message, or 'valid'. */
export function verdict(s: CompiledSchema, xml: string): string {
  const p = problems(s, xml);
  return p.length ? p[0].message : 'valid';
}

/** Run valid/invalid tables against one schema: valid documents have no problem; each invalid one's first message matches. */
export function table(s: CompiledSchema, valid: string[], invalid: [string, RegExp][]): { wrong: string[] } {
  const wrong: string[] = [];
  for (const v of valid) {
    const p = problems(s, v);
    if (p.length) wrong.push(`expected valid: ${v}\n  got: ${p.map((x) => x.message).join(' | ')}`);
  }
  for (const [doc, re] of invalid) {
    const p = problems(s, doc);
    if (!p.length) wrong.push(`expected invalid: ${doc}`);
    else if (!re.test(p[0].message)) wrong.push(`expected ${re} for ${doc}\n  got: ${p[0].message}`);
  }
  return { wrong };
}
