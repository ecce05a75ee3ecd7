/**
 * Particles and model groups (Part 1 §3.8, §3.9): xs:sequence, xs:choice, xs:all, xs:element,
 * xs:any and xs:group references with minOccurs/maxOccurs, and named model groups. xs:all is
 * held to XSD 1.0's limits (§3.8.6 all-group limited): only at the top of a content model, with
 * elements that occur at most once.
 */
import type { Builder } from './builder.js';
import type { ModelGroup, Particle } from './components.js';
import { fail, nameOf, placeOf, token, xsChildren, xsName, type At } from './context.js';
import { buildElementParticle } from './element.js';
import { buildWildcard } from './wildcard.js';

/** Parse minOccurs / maxOccurs (nonNegativeInteger; maxOccurs also `unbounded`). */
export function occurs(at: At): { min: number; max: number } {
  const read = (name: string, dflt: number) => {
    const v = token(at, name);
    if (v === undefined) return dflt;
    if (name === 'maxOccurs' && v === 'unbounded') return Infinity;
    if (!/^\+?[0-9]+$/.test(v)) fail(at, `${name}="${v}" must be a whole number of 0 or more${name === 'maxOccurs' ? ' or unbounded' : ''}`);
    // counts beyond 2^53 lose precision but keep their order, which is all a counter needs
    return Number(v.replace(/^\+/, ''));
  };
  const min = read('minOccurs', 1);
  const max = read('maxOccurs', 1);
  if (min > max) fail(at, `minOccurs (${token(at, 'minOccurs') ?? '1, the default'}) is larger than maxOccurs (${token(at, 'maxOccurs') ?? '1, the default'})`);
  return { min, max };
}

/** A compositor element (sequence/choice/all) as a model group. */
export function buildModelGroup(b: Builder, at: At): ModelGroup {
  const compositor = xsName(at) as 'sequence' | 'choice' | 'all';
  const particles: Particle[] = [];
  for (const c of xsChildren(at)) {
    const p = buildParticle(b, c);
    if (compositor === 'all') {
      if (p.term.kind !== 'element') fail(c, 'xs:all may only contain xs:element (XSD 1.0)');
      if (p.max > 1) fail(c, 'an element in xs:all may occur at most once (maxOccurs 0 or 1)');
    }
    if (p.term.kind === 'group' && p.term.compositor === 'all') fail(c, 'xs:all must be the whole content model; it cannot sit inside xs:sequence or xs:choice (XSD 1.0)');
    if (p.max > 0) particles.push(p);
  }
  return { kind: 'group', compositor, particles, place: placeOf(at) };
}

/** Any particle child of a compositor or complex type. */
export function buildParticle(b: Builder, at: At): Particle {
  const kind = xsName(at);
  const { min, max } = occurs(at);
  if (kind === 'element') return { min, max, term: buildElementParticle(b, at) };
  if (kind === 'any') return { min, max, term: buildWildcard(at) };
  if (kind === 'sequence' || kind === 'choice' || kind === 'all') {
    if (kind === 'all' && (max !== 1 || min > 1)) fail(at, 'xs:all must have minOccurs 0 or 1 and maxOccurs 1');
    return { min, max, term: buildModelGroup(b, at) };
  }
  if (kind === 'group') {
    const ref = token(at, 'ref');
    if (ref === undefined) fail(at, 'a group reference needs ref=');
    const g = b.groupRef(at, ref);
    if (g.compositor === 'all' && (max !== 1 || min > 1)) fail(at, 'a reference to an xs:all group must have minOccurs 0 or 1 and maxOccurs 1');
    return { min, max, term: g };
  }
  fail(at, `xs:${kind} is not allowed in a content model`);
}

/** A named model group definition: one sequence, choice or all. */
export function buildNamedGroup(b: Builder, at: At): ModelGroup {
  nameOf(at);
  const kids = xsChildren(at);
  if (kids.length !== 1 || !['sequence', 'choice', 'all'].includes(xsName(kids[0]))) fail(at, 'a named group holds exactly one xs:sequence, xs:choice or xs:all');
  if (token(kids[0], 'minOccurs') !== undefined || token(kids[0], 'maxOccurs') !== undefined) fail(kids[0], 'the compositor of a named group cannot have minOccurs or maxOccurs');
  return buildModelGroup(b, kids[0]);
}
