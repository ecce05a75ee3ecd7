/**
 * The editor pane on CodeMirror 6: XML highlighting (@codemirror/lang-xml), line numbers, undo,
 * bracket matching, and the lines with problems marked in the gutter and the text. Tab is left to
 * the browser (no indentWithTab), so keyboard users can leave the editor (CodeMirror's guidance:
 * codemirror.net/examples/tab).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { xml } from '@codemirror/lang-xml';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, RangeSetBuilder, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  gutter,
  GutterMarker,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { Editor, LineMark } from './types.js';

/**
 * XML colours (the node types @lezer/xml tags) dark enough for WCAG AA on every line background the
 * page uses (white, the problem tints, the active and jumped-to line): CodeMirror's default tag green
 * #085 is 4.5:1 on white only, and axe finds it at 3.6:1 on the highlighted line.
 */
const XML_COLOURS = HighlightStyle.define([
  { tag: t.tagName, color: '#116329' },
  { tag: t.attributeName, color: '#0550ae' },
  { tag: t.attributeValue, color: '#953800' },
  { tag: [t.angleBracket, t.definitionOperator], color: '#57606a' },
  { tag: t.blockComment, color: '#57606a', fontStyle: 'italic' },
  { tag: [t.processingInstruction, t.documentMeta], color: '#6639ba' },
  { tag: t.character, color: '#0a3069' },
  { tag: t.special(t.string), color: '#953800' },
  { tag: t.invalid, color: '#b3261e', textDecoration: 'underline wavy' },
]);

const setMarks = StateEffect.define<readonly LineMark[]>();
const flash = StateEffect.define<number | null>();

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** The problem lines, worst severity first wins, as a per-line map. */
const marks = StateField.define<ReadonlyMap<number, LineMark['severity']>>({
  create: () => new Map(),
  update(value, tr) {
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const m = new Map<number, LineMark['severity']>();
      for (const { line, severity } of e.value) {
        const had = m.get(line);
        if (!had || RANK[severity] > RANK[had]) m.set(line, severity);
      }
      return m;
    }
    // Line numbers shift while the user types; the next validation (debounced) sends fresh marks.
    return value;
  },
});

/** The line the user last jumped to from the problems list. */
const flashed = StateField.define<number | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(flash)) return e.value;
    return tr.docChanged ? null : value;
  },
});

const lineDecos = EditorView.decorations.compute([marks, flashed, 'doc'], (state) => {
  const b = new RangeSetBuilder<Decoration>();
  const m = state.field(marks);
  const f = state.field(flashed);
  const lines = [...new Set([...m.keys(), ...(f ? [f] : [])])].filter((l) => l >= 1 && l <= state.doc.lines).sort((a, z) => a - z);
  for (const l of lines) {
    const classes = [m.has(l) ? `pg-line-${m.get(l)}` : '', l === f ? 'pg-line-flash' : ''].filter(Boolean).join(' ');
    b.add(state.doc.line(l).from, state.doc.line(l).from, Decoration.line({ class: classes }));
  }
  return b.finish() as DecorationSet;
});

class SeverityMarker extends GutterMarker {
  constructor(readonly severity: LineMark['severity']) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof SeverityMarker && other.severity === this.severity;
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = `pg-gutter-mark pg-sev-${this.severity}`;
    el.title = this.severity;
    el.textContent = this.severity === 'error' ? '●' : this.severity === 'warning' ? '▲' : 'i';
    return el;
  }
}

const severityGutter = gutter({
  class: 'pg-severity-gutter',
  lineMarker(view, line) {
    const s = view.state.field(marks).get(view.state.doc.lineAt(line.from).number);
    return s ? new SeverityMarker(s) : null;
  },
  lineMarkerChange: (update) => update.transactions.some((t) => t.effects.some((e) => e.is(setMarks))),
  initialSpacer: () => new SeverityMarker('error'),
});

/** Create the editor in `parent` with `text`; `label` names it for screen readers. */
export function createEditor(parent: HTMLElement, text: string, label: string): Editor {
  const listeners: (() => void)[] = [];
  const extensions: Extension[] = [
    // Only LF breaks a line, so a pasted CRLF document keeps its CRs (validate and fmt see the text as written).
    EditorState.lineSeparator.of('\n'),
    lineNumbers(),
    severityGutter,
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    bracketMatching(),
    xml(),
    syntaxHighlighting(XML_COLOURS),
    keymap.of([...defaultKeymap, ...historyKeymap]),
    marks,
    flashed,
    lineDecos,
    // tabindex: the editable content is in the Tab order anyway; saying so lets checkers (axe
    // scrollable-region-focusable) see that the scrolling editor can be reached from the keyboard.
    EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off', tabindex: '0' }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) for (const l of listeners) l();
    }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
  return {
    text: () => view.state.doc.toString(),
    setText(t) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t }, selection: { anchor: 0 }, scrollIntoView: true });
    },
    onChange: (l) => void listeners.push(l),
    mark: (lines) => view.dispatch({ effects: setMarks.of(lines) }),
    reveal(line) {
      const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: l.from }, effects: [flash.of(l.number), EditorView.scrollIntoView(l.from, { y: 'center' })] });
      view.focus();
    },
  };
}
