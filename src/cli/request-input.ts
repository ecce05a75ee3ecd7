/**
 * A request written as JSON or YAML (`vmparams build request.yaml|.json|-`): parsed with positions,
 * so a BuildError's path can be shown as `file:line:column` of the property it names. YAML is read
 * with the `yaml` package (YAML 1.2 core schema, duplicate keys refused, alias expansion bounded);
 * JSON with JSON.parse (its own messages), and with `yaml` only to place an error afterwards, since
 * JSON is YAML 1.2.
 */
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';

/** The parsed request and a way to place a path in its text. */
export interface RequestText {
  value: unknown;
  format: 'json' | 'yaml';
  /** 1-based line and column of the property at `path` (a BuildError path), or undefined. */
  place(path: string, key?: string): { line: number; column: number } | undefined;
}

/** Why the text is not a request: `rule` is json or yaml, line/column 0 when unknown. */
export interface RequestTextError {
  rule: 'json' | 'yaml';
  line: number;
  column: number;
  message: string;
}

/** YAML by file name (`.yaml`, `.yml`), JSON by `.json`; otherwise JSON when the text starts like it, else YAML. */
function formatOf(name: string, text: string): 'json' | 'yaml' | 'guess' {
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  if (/\.json$/i.test(name)) return 'json';
  // `{"key": ...` or `[` is JSON (a typo in it is a JSON error); `{key: ...}` may be YAML flow style.
  if (/^\s*(\[|\{\s*("|\}))/.test(text)) return 'json';
  return /^\s*\{/.test(text) ? 'guess' : 'yaml';
}

/** Split a BuildError path into object keys and array indexes (`{uri}local` attribute keys stay whole). */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\/((?:\{[^}]*\}|[^/[\]{])*)((?:\[\d+\])*)/g;
  for (const m of path.matchAll(re)) {
    const name = m[1];
    out.push(name.startsWith('@') ? name.slice(1) : name);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
  }
  return out;
}

function placer(doc: Document, lc: LineCounter): RequestText['place'] {
  return (path, key) => {
    // The first segment is the root element (the document's kind), which is the whole mapping.
    const segs = pathSegments(path).slice(1);
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const s of [...segs, ...(key === undefined ? [] : [key])]) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === s);
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof s === 'number') {
        const item = node.items[s];
        if (item === undefined) break;
        keyNode = undefined;
        node = item;
      } else break;
    }
    const at = keyNode?.range ?? (node as Node | null)?.range;
    if (!at) return undefined;
    const { line, col } = lc.linePos(at[0]);
    return { line, column: col };
  };
}

function yamlDocument(text: string): { doc: Document; lc: LineCounter } {
  const lc = new LineCounter();
  // uniqueKeys refuses duplicate keys; toJS's maxAliasCount bounds alias expansion ("billion laughs").
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: true });
  return { doc, lc };
}

function yamlError(e: unknown): RequestTextError {
  const err = e as { linePos?: { line: number; col: number }[]; message?: string };
  const pos = err.linePos?.[0];
  const message = (err.message ?? String(e)).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const deep = /Maximum call stack/.test(message);
  return { rule: 'yaml', line: deep ? 0 : (pos?.line ?? 0), column: deep ? 0 : (pos?.col ?? 0), message: deep ? 'the YAML is nested too deeply to read' : `not valid YAML: ${message}` };
}

function parseYaml(text: string): RequestText | RequestTextError {
  try {
    const { doc, lc } = yamlDocument(text);
    if (doc.errors.length) return yamlError(doc.errors[0]);
    return { value: doc.toJS({ maxAliasCount: 100 }), format: 'yaml', place: placer(doc, lc) };
  } catch (e) {
    return yamlError(e);
  }
}

function jsonError(text: string, e: unknown): RequestTextError {
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  const pos = /at position (\d+)/.exec(message);
  let line = 0;
  let column = 0;
  if (pos) {
    const before = text.slice(0, Number(pos[1]));
    line = before.split('\n').length;
    column = before.length - before.lastIndexOf('\n');
  }
  return { rule: 'json', line, column, message: `not valid JSON: ${message}` };
}

/** Parse a request's text (BOM dropped). `name` is the file name (or `<stdin>`), which picks the format. */
export function readRequestText(name: string, text: string): RequestText | RequestTextError {
  const format = formatOf(name, text);
  if (format === 'yaml') return parseYaml(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (format === 'guess') {
      // Not JSON: YAML flow style (`{kind: ComposeVAppParams}`) starts the same way.
      const y = parseYaml(text);
      if (!('rule' in y)) return y;
    }
    return jsonError(text, e);
  }
  let placed: RequestText['place'] | undefined;
  return {
    value,
    format: 'json',
    place(path, key) {
      if (!placed) {
        const { doc, lc } = yamlDocument(text);
        placed = doc.errors.length ? () => undefined : placer(doc, lc);
      }
      return placed(path, key);
    },
  };
}
