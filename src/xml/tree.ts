/**
 * A generic, JSON-friendly XML tree: what vmparams keeps for content it has no description for
 * (VCloudExtension payloads, xs:any content, CreateItem/ReconfigureItem), so parse -> build loses nothing.
 */

/** An element with namespace-resolved name. `prefix` is the prefix it was written with, kept as a hint. */
export interface XElement {
  ns: string | null;
  name: string;
  prefix?: string;
  /** Attributes keyed by Clark name (`{uri}local`, or `local` when unqualified). */
  attrs?: Record<string, string>;
  children?: XNode[];
  /**
   * Namespace declarations written on this element that the writer would not make by itself
   * (prefix -> uri; '' = default namespace): kept so prefixes used inside values stay bound.
   */
  namespaces?: Record<string, string>;
}

/** Character data (text or CDATA, already unescaped). */
export interface XText {
  text: string;
}

export type XNode = XElement | XText;

/** True when the node is text. */
export function isText(n: XNode): n is XText {
  return (n as XText).text !== undefined;
}

/** Concatenated text content of an element's direct text children. */
export function textOf(el: XElement): string {
  let s = '';
  for (const c of el.children ?? []) if (isText(c)) s += c.text;
  return s;
}
