/**
 * Pointing a server complaint at the sent document. Cells validate request bodies with Xerces and
 * pass its messages on (vcd-api-facts.md §6; pyvcloud #41, #635, #719; bosh-deployment #266):
 * - `cvc-complex-type.2.4.a|d: Invalid content was found starting with element '[p:]Name'`
 * - `cvc-complex-type.2.4.b: The content of element 'Name' is not complete`
 * - `cvc-type.3.1.3: The value 'v' of element 'Name' is not valid`
 * - `cvc-complex-type.2.2`, `cvc-elt.*`, `cvc-complex-type.3.2.2`/`.4`/`cvc-attribute.3` (`... element 'Name'`)
 * - `cvc-datatype-valid.*`, `cvc-enumeration-valid`, `cvc-pattern-valid`, ... (quote only a value)
 * Other refusals name an entity (`.../api/network/<uuid>`, `urn:vcloud:network:<uuid>`); those are
 * found by the id among the document's attribute values. Element names are compared by local name,
 * preferring the prefix the message used, since the cell writes the prefix of the sent document.
 */
import type { ElementPlace } from './errors.js';
import { isEl, readTree, textOf as ownText, type El } from './xml.js';

/** The element (and how the server wrote its name) a message is about, as far as its words say. */
interface Clue {
  element?: string;
  value?: string;
  id?: string;
}

const ELEMENT_PATTERNS = [
  /Invalid content was found starting with element '([^']+)'/,
  /The content of element '([^']+)' is not complete/,
  /of element '([^']+)' is not valid/,
  /Element '([^']+)' (?:must have no|cannot have|is a simple type|must not have|is not nillable)/,
  /(?:in|on) element '([^']+)'/,
  /Cannot find the declaration of element '([^']+)'/,
];
const VALUE_PATTERNS = [/^cvc-[\w.-]+: Value '([^']*)'/m, /cvc-[\w.-]+: '([^']*)' is not a valid value/, /cvc-[\w.-]+: Value '([^']*)' (?:with length|is not facet-valid)/];
const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A quoted name in a refusal (`The VAPP name "web" is already used.`). */
const QUOTED = /"([^"\n]{1,256})"/g;

function cluesOf(message: string): Clue[] {
  const valued = /The value '([^']*)' of element '([^']+)'/.exec(message);
  if (valued) return [{ element: valued[2]!, value: valued[1]! }];
  for (const re of ELEMENT_PATTERNS) {
    const m = re.exec(message);
    if (m) return [{ element: m[1]! }];
  }
  for (const re of VALUE_PATTERNS) {
    const m = re.exec(message);
    if (m) return [{ value: m[1]! }];
  }
  const out: Clue[] = [];
  const id = ID.exec(message);
  if (id) out.push({ id: id[0].toLowerCase() });
  for (const m of message.matchAll(QUOTED)) out.push({ value: m[1]! });
  return out;
}

/** Every element of the tree, in document order (no recursion: documents can be deep). */
function elements(root: El): El[] {
  const out: El[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    const children = el.children.filter(isEl);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

const textOf = (el: El) => ownText(el) ?? '';

/**
 * Where the element a server message names is in `sent` (the document text as sent), or undefined.
 * With several candidates the first is taken, after those written with the message's prefix;
 * `prefer` (paths of local schema problems, e.g. from `validate`) wins over both.
 */
export function locate(message: string, sent: string, prefer: readonly string[] = []): ElementPlace | undefined {
  const clues = cluesOf(message);
  if (clues.length === 0) return undefined;
  let root: El;
  try {
    root = readTree(sent);
  } catch {
    return undefined;
  }
  const all = elements(root);
  for (const clue of clues) {
    const place = find(clue, all, prefer);
    if (place) return place;
  }
  return undefined;
}

function find(clue: Clue, all: El[], prefer: readonly string[]): ElementPlace | undefined {
  let hits: typeof all;
  let shownName: string;
  if (clue.element) {
    const [prefix, local] = clue.element.includes(':') ? clue.element.split(':', 2) : ['', clue.element];
    hits = all.filter((x) => x.name === local);
    const samePrefix = hits.filter((x) => x.prefix === prefix);
    if (samePrefix.length) hits = [...samePrefix, ...hits.filter((x) => !samePrefix.includes(x))];
    const v = clue.value;
    if (v !== undefined) hits = [...hits.filter((x) => textOf(x) === v), ...hits.filter((x) => textOf(x) !== v)];
    shownName = clue.element;
  } else if (clue.value !== undefined) {
    const v = clue.value;
    hits = all.filter((x) => textOf(x) === v || x.attrs.some((a) => a.value === v));
    shownName = hits[0]?.name ?? '';
  } else {
    const id = clue.id!;
    hits = all.filter((x) => x.attrs.some((a) => a.value.toLowerCase().includes(id)));
    shownName = hits[0]?.name ?? '';
  }
  if (hits.length === 0) return undefined;
  const preferred = hits.find((x) => prefer.some((p) => p === x.path || p.startsWith(`${x.path}/@`)));
  const best = preferred ?? hits[0]!;
  return { line: best.line, column: best.column, path: best.path, element: shownName || best.name };
}
