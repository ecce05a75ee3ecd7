/**
 * Identity constraints (Part 1 §3.11): xs:unique, xs:key and xs:keyref with their selector and
 * fields, written in the restricted XPath of §3.11.6:
 *   Selector ::= Path ('|' Path)*        Path ::= ('.//')? Step ('/' Step)*
 *   Field    ::= Path ('|' Path)*        Path ::= ('.//')? (Step '/')* (Step | '@' NameTest)
 *   Step     ::= '.' | ('child::')? NameTest          NameTest ::= QName | '*' | NCName ':' '*'
 * Unprefixed names are in no namespace (XPath 1.0; XSD 1.0 has no default for them).
 */
import type { Builder } from './builder.js';
import type { IdentityConstraint, XPathExpr, XPathPath, XPathStep } from './components.js';
import { fail, nameOf, placeOf, token, xsChildren, xsName, type At } from './context.js';

const NC = '[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*';
const TOKEN = new RegExp(`\\s*(\\.//|//|/|\\||\\.|@|attribute::|child::|\\*|${NC}:\\*|${NC}(?::${NC})?)`, 'y');

/** Parse a selector (`field` false) or field XPath; throws a schema error at `at`. */
export function parseXPath(at: At, text: string, field: boolean): XPathExpr {
  const toks: string[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) fail(at, `xpath="${text}": cannot read it at '${text.slice(i)}' (XSD allows paths such as a/b, .//c, @d)`);
    toks.push(m[1]);
    i = TOKEN.lastIndex;
  }
  const paths: XPathPath[] = [];
  let k = 0;
  const bad = (why: string): never => fail(at, `xpath="${text}": ${why}`);
  const nameTest = (t: string | undefined): XPathStep => {
    if (t === undefined || /^(\.\/\/|\/\/|\/|\||\.|@|attribute::|child::)$/.test(t)) return bad('a name or * is expected');
    if (t === '*') return { ns: undefined, local: undefined };
    const c = t.indexOf(':');
    const prefix = c < 0 ? '' : t.slice(0, c);
    const local = c < 0 ? t : t.slice(c + 1);
    let ns: string | null = null;
    if (prefix) {
      const u = at.d.doc.lookupNamespace(at.node, prefix);
      if (u === undefined) bad(`the prefix '${prefix}' is not declared`);
      ns = u ?? null;
    }
    return { ns, local: local === '*' ? undefined : local };
  };
  for (;;) {
    const path: XPathPath = { deep: false, steps: [], attribute: null };
    if (toks[k] === './/') {
      path.deep = true;
      k++;
    } else if (toks[k] === '/' || toks[k] === '//') bad('a path must be relative (start with a name, . or .//)');
    for (;;) {
      const t = toks[k];
      if (t === '.') k++;
      else if (t === '@' || t === 'attribute::') {
        if (!field) bad('a selector cannot select attributes');
        k++;
        path.attribute = nameTest(toks[k++]);
        break;
      } else {
        if (t === 'child::') k++;
        path.steps.push(nameTest(toks[k++]));
      }
      if (toks[k] !== '/') break;
      k++;
    }
    paths.push(path);
    if (k >= toks.length) break;
    if (toks[k] !== '|') bad(`unexpected '${toks[k]}'`);
    k++;
  }
  return { text, paths };
}

/** Build a unique / key / keyref child of an element declaration. */
export function buildIdentity(b: Builder, at: At): IdentityConstraint {
  const kind = xsName(at) as 'unique' | 'key' | 'keyref';
  const local = nameOf(at);
  const kids = xsChildren(at);
  if (kids.length < 2 || xsName(kids[0]) !== 'selector' || kids.slice(1).some((k) => xsName(k) !== 'field')) {
    fail(at, `xs:${kind} holds one xs:selector followed by one or more xs:field`);
  }
  const xp = (k: At, field: boolean) => {
    const v = token(k, 'xpath');
    if (v === undefined) fail(k, `xs:${xsName(k)} needs xpath=`);
    return parseXPath(k, v, field);
  };
  const ic: IdentityConstraint = {
    kind,
    ns: at.d.tns,
    local,
    selector: xp(kids[0], false),
    fields: kids.slice(1).map((k) => xp(k, true)),
    refer: null,
    place: placeOf(at),
  };
  b.addIdentity(ic, at);
  if (kind === 'keyref') {
    const refer = token(at, 'refer');
    if (refer === undefined) fail(at, 'xs:keyref needs refer=');
    b.later.push(() => {
      const target = b.identityRef(at, refer);
      if (target.kind === 'keyref') fail(at, `refer="${refer}" names a keyref; it must name a key or unique constraint`);
      if (target.fields.length !== ic.fields.length) fail(at, `keyref ${local} has ${ic.fields.length} fields but ${refer} has ${target.fields.length}`);
      ic.refer = target;
    });
  }
  return ic;
}
