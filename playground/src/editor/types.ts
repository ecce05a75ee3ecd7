/** What the page needs from an editor (playground/src/editor/codemirror.ts; textarea.ts was the measured alternative). */

/** A line to mark, with how bad its worst problem is. */
export interface LineMark {
  line: number;
  severity: 'error' | 'warning' | 'info';
}

/** The editor pane. */
export interface Editor {
  /** The current text. */
  text(): string;
  /** Replace the whole text (an example, a fragment, the fmt result); fires the change listener. */
  setText(text: string): void;
  /** Called after every change of the text, by the user or by setText. */
  onChange(listener: () => void): void;
  /** Mark the lines that have problems (replaces the previous marks). */
  mark(lines: readonly LineMark[]): void;
  /** Put the cursor at the start of a 1-based line, scroll it into view, highlight it and focus the editor. */
  reveal(line: number): void;
}
