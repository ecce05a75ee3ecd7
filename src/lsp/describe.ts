/**
 * The words of completion documentation and hovers: what an element or attribute is (its `doc`),
 * its type (the compiled schema's name for it where known), how often it may occur, and its version
 * facts from the model descriptions.
 */
import type { AttrDesc, Content, ElementParticle, Meta } from '../model/dsl.js';
import { ROOT_DOCS, type Kind } from '../model/roots.js';
import { nsLabel, NS } from '../xml/names.js';
import { typeName, versionFacts, type ElementFacts } from './schema.js';

/** `0..1`, `1`, `0..*` as the schema says it. */
export function occurs(p: ElementParticle, inChoice: boolean): string {
  if (inChoice) return 'any number, in any order with the other members';
  if (p.many) return 'optional, repeatable';
  return p.min === 1 && !p.autofill ? 'required' : p.autofill ? 'required (vmparams build writes it when missing)' : 'optional';
}

/** The version line: since, deprecated, removed, read-only. */
export function versionLine(meta: Meta): string {
  const parts = [meta.since ? `since API ${meta.since}` : 'in every API version'];
  if (meta.deprecated) parts.push(`deprecated in ${meta.deprecated}${meta.replacement ? ` (use ${meta.replacement})` : ''}`);
  if (meta.removed) parts.push(`removed in ${meta.removed}`);
  if (meta.readOnly) parts.push('read-only: the server ignores it in a request');
  return parts.join(' · ');
}

/** Markdown for an element: name, doc, type, occurrence, versions. */
export function elementMarkdown(facts: ElementFacts, parentLocal?: string, schemaType?: string): string {
  const lines: string[] = [];
  const ns = facts.ns === NS.vcloud ? '' : ` (${nsLabel(facts.ns)})`;
  lines.push(`**${facts.local}**${ns}`);
  if (facts.root) {
    lines.push('', ROOT_DOCS[facts.root as Kind], '', `Type: \`${schemaType ?? typeName(facts.content)}\` · request root`);
    return lines.join('\n');
  }
  const p = facts.particle;
  if (!p) {
    if (facts.within) lines.push('', `Part of \`${facts.within}\` content, which vmparams keeps as written (checked by the schema, not described in detail).`);
    else lines.push('', 'Not declared here: vmparams keeps it as written (extension or unknown content).');
    return lines.join('\n');
  }
  if (p.doc) lines.push('', p.doc);
  lines.push('', `Type: \`${schemaType ?? typeName(p.content)}\` · ${occurs(p, facts.choice !== undefined)}`);
  lines.push('', versionLine(versionFacts(p, p.local, parentLocal)));
  return lines.join('\n');
}

/** Markdown for an attribute: name, doc, type, required or default, versions. */
export function attributeMarkdown(name: string, a: AttrDesc, schemaType?: string): string {
  const lines = [`**@${name}**`];
  if (a.doc) lines.push('', a.doc);
  const use = a.required ? 'required' : a.default !== undefined ? `optional, default \`${a.default === '' ? '""' : a.default}\`` : 'optional';
  lines.push('', `Type: \`${schemaType ?? a.codec.xsd}\` · ${use}`);
  lines.push('', versionLine(a));
  return lines.join('\n');
}

/** One line for a completion item's `detail`: type and occurrence. */
export function detailOf(p: ElementParticle, inChoice: boolean, content: Content | undefined = p.content): string {
  return `${typeName(content)} · ${occurs(p, inChoice)}`;
}
