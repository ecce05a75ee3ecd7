/**
 * The pattern facet (Part 2 §4.3.4): the patterns of one restriction step are alternatives (ORed,
 * one RegExp), the steps of a derivation chain all apply (ANDed). Each pattern is translated once,
 * when the type is defined (regex/translate.ts); the RegExp object itself is made on the first
 * value checked, so loading a compiled schema compiles no regular expression.
 */
import { regexBody } from '../regex/translate.js';
import { clean, facetError, failure, quote, type Check, type PatternStep, type Step } from './facet.js';

/** Apply the pattern specs of this step (a new entry ANDed to the base's). */
export function applyPattern(step: Step): void {
  const specs = step.specs.get('pattern');
  if (!specs || specs.length === 0) return;
  const xsd = specs.map((s) => s.value);
  const bodies = xsd.map(regexBody);
  const source = bodies.length === 1 ? `^(?:${bodies[0]})$` : `^(?:${bodies.map((b) => `(?:${b})`).join('|')})$`;
  try {
    // compiled once here only to surface a JavaScript engine limit as a schema error, not at run time
    new RegExp(source, 'v');
  } catch (e) {
    facetError('pattern', `the pattern ${quote(xsd.join(' | '))} of ${step.typeName} is too large for the JavaScript regular expression engine (${(e as Error).message})`);
  }
  step.next.patterns = [...step.next.patterns, { xsd, source, flags: 'v' }];
}

/** The run-time check of pattern steps (those after `from`, the ones a built-in does not check itself). */
export function patternCheck(steps: readonly PatternStep[], typeName: string): Check | undefined {
  if (steps.length === 0) return undefined;
  const res: (RegExp | undefined)[] = steps.map(() => undefined);
  return (_v, s) => {
    for (let i = 0; i < steps.length; i++) {
      const re = (res[i] ??= new RegExp(steps[i].source, steps[i].flags));
      if (!re.test(s)) {
        return failure('xsd/facet-pattern', { value: quote(s), pattern: clean(steps[i].xsd.join(' | ')), facet: 'pattern', type: typeName });
      }
    }
    return undefined;
  };
}
