/**
 * The attribute part of complex types and attribute groups (Part 1 §3.4.2, §3.6): attribute uses
 * (local declarations, references, `use`), attribute group references, and the complete wildcard
 * (the local xs:anyAttribute intersected with the groups' wildcards).
 */
import { qkey } from '../names.js';
import { buildAttribute, valueConstraint } from './attribute.js';
import type { Builder } from './builder.js';
import type { AttributeUse, Wildcard } from './components.js';
import { fail, nameOf, token, xsChildren, xsName, type At } from './context.js';
import { buildWildcard, intersectConstraint } from './wildcard.js';

/** Attribute uses, prohibited names and the complete wildcard of a definition. */
export interface AttributeContent {
  uses: Map<string, AttributeUse>;
  /** Names a restriction removes (`use="prohibited"`). */
  prohibited: Set<string>;
  wildcard: Wildcard | null;
}

/** Read the attribute children (xs:attribute, xs:attributeGroup, xs:anyAttribute) of a definition. */
export function attributeContent(b: Builder, children: readonly At[]): AttributeContent {
  const out: AttributeContent = { uses: new Map(), prohibited: new Set(), wildcard: null };
  const groupWildcards: Wildcard[] = [];
  let local: Wildcard | null = null;
  for (const at of children) {
    const kind = xsName(at);
    if (kind === 'attribute') {
      const use = token(at, 'use') ?? 'optional';
      if (use !== 'optional' && use !== 'required' && use !== 'prohibited') fail(at, `use="${use}" must be optional, required or prohibited`);
      const ref = token(at, 'ref');
      if (ref !== undefined && token(at, 'name') !== undefined) fail(at, 'an attribute has either ref= or name=, not both');
      const decl = ref !== undefined ? b.attributeRef(at, ref) : buildAttribute(b, at, false);
      const key = qkey(decl.ns, decl.local);
      if (out.uses.has(key) || out.prohibited.has(key)) fail(at, `attribute ${decl.local} is declared twice here`);
      const value = valueConstraint(at);
      if (value && !value.fixed && use === 'required') fail(at, 'a required attribute cannot have a default value');
      if (use === 'prohibited') {
        out.prohibited.add(key);
        continue;
      }
      // a use's own fixed value must agree with the declaration's (au-props-correct.2)
      if (decl.value?.fixed && value && (!value.fixed || value.lexical !== decl.value.lexical)) {
        fail(at, `attribute ${decl.local} is fixed to '${decl.value.lexical}' by its declaration`);
      }
      const u: AttributeUse = { decl, required: use === 'required' };
      const vc = value ?? decl.value;
      if (vc) u.value = vc;
      out.uses.set(key, u);
    } else if (kind === 'attributeGroup') {
      const ref = token(at, 'ref');
      if (ref === undefined) fail(at, 'an attribute group reference needs ref=');
      const g = b.attributeGroupRef(at, ref);
      for (const [key, u] of g.uses) {
        if (out.uses.has(key) && out.uses.get(key) !== u) fail(at, `attribute ${u.decl.local} is declared twice here (also through attribute group ${ref})`);
        out.uses.set(key, u);
      }
      // use="prohibited" inside a group prohibits nothing in the type that uses it (§3.4.2: only the
      // restriction's own <attribute> children count)
      if (g.wildcard) groupWildcards.push(g.wildcard);
    } else if (kind === 'anyAttribute') {
      if (local) fail(at, 'only one xs:anyAttribute is allowed');
      local = buildWildcard(at);
    } else fail(at, `xs:${kind} is not allowed among attribute declarations`);
  }
  // the complete wildcard: the local one (its processContents) intersected with every group's
  const all = local ? [local, ...groupWildcards] : groupWildcards;
  if (all.length) {
    let c = all[0].constraint;
    for (const w of all.slice(1)) c = intersectConstraint(c, w.constraint);
    out.wildcard = { kind: 'wildcard', constraint: c, process: all[0].process, place: all[0].place };
  }
  return out;
}

/** Build a named attribute group (its children are the attribute content). */
export function buildAttributeGroup(b: Builder, at: At): AttributeContent {
  nameOf(at);
  return attributeContent(b, xsChildren(at));
}
