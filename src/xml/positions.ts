/**
 * Where parsed things came from. Positions live beside the model (a WeakMap keyed by model objects),
 * so documents stay plain data: JSON-serializable and deep-equal to built ones.
 */

/** A place in a document: 1-based line and column (0 = unknown) and the element path. */
export interface Place {
  line: number;
  column: number;
  /** `/ComposeVAppParams/SourcedItem[2]/InstantiationParams` ([n] only where same-name siblings exist, as libxml2 writes it). */
  path: string;
}

/** Position facts about one parsed object: its own place and its children's and attributes' places by key. */
export interface NodeInfo extends Place {
  /** Child key -> place (an array for repeated children); attributes under `@key` (the element's place). */
  at: Map<string, Place | Place[]>;
}

const infos = new WeakMap<object, NodeInfo>();

/** Record where an object came from (used by parse and carried over by normalize). */
export function setInfo(obj: object, info: NodeInfo): void {
  infos.set(obj, info);
}

/** The position facts of a parsed object, if it came from parse. */
export function infoOf(obj: object): NodeInfo | undefined {
  return infos.get(obj);
}

const UNKNOWN: Place = { line: 0, column: 0, path: '' };

/**
 * Where a parsed object, or one of its children or attributes, is in the source document.
 * `key` is a child element key (or `@attr`), `index` picks one of a repeated child.
 */
export function placeOf(obj: object | undefined, key?: string, index?: number): Place {
  if (!obj) return UNKNOWN;
  const info = infos.get(obj);
  if (!info) return UNKNOWN;
  if (key === undefined) return { line: info.line, column: info.column, path: info.path };
  const at = info.at.get(key);
  const own = { line: info.line, column: info.column, path: info.path };
  if (!at) return key.startsWith('@') ? { ...own, path: `${own.path}/@${key.slice(1)}` } : { ...own, path: `${own.path}/${key}` };
  if (Array.isArray(at)) return at[index ?? 0] ?? own;
  return key.startsWith('@') ? { ...own, path: `${own.path}/${key}` } : at;
}
