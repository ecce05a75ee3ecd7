/**
 * Problems are data: every check (well-formedness, XSD, semantic rules, version checks) returns
 * these, and strings for people are made at the edge (CLI text, JSON, SARIF).
 */

/** How bad a problem is: `error` makes the document invalid, the others do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding about one document. `line`/`column` are 1-based; 0 means unknown. */
export interface Problem {
  severity: Severity;
  /** `xml` (not well-formed / rejected input), `xsd` (schema), or a semantic rule id such as `nic/manual-needs-ip`. */
  rule: string;
  line: number;
  column: number;
  /** Element path such as `/ComposeVAppParams/SourcedItem[2]/InstantiationParams` (JSON pointer for instant-clone specs). */
  path: string;
  /** Plain-English message: what is wrong and, where we know it, how to fix it. */
  message: string;
  /** Stable message id within the rule, for tests and tooling. */
  messageId?: string;
  /** Values interpolated into the message. */
  data?: Record<string, string | number | boolean>;
  /** An automatic fix, for rules whose fix is mechanical and certain (editors offer it as a quick fix); absent otherwise. */
  fix?: Fix;
}

/**
 * A mechanical fix: text edits on the document as read. Offsets are UTF-16 code unit offsets into the
 * decoded text (without a BOM, line ends as written), `start` inclusive, `end` exclusive; edits do
 * not overlap and are listed in document order. Apply them from the last to the first.
 */
export interface Fix {
  /** What the fix does, for a quick-fix menu: `Set IsConnected to false`. */
  title: string;
  edits: Array<{ start: number; end: number; text: string }>;
}

/** The verdict on one document. */
export interface Report {
  /** Root element name (`ComposeVAppParams`, ...), `InstantCloneSpec`, or null when unknown (not XML, unknown root). */
  kind: string | null;
  /** False exactly when a problem has severity `error`. */
  valid: boolean;
  problems: Problem[];
}

/** Build a report from problems, sorting them by position and computing `valid`. */
export function makeReport(kind: string | null, problems: Problem[]): Report {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  return { kind, valid: !sorted.some((p) => p.severity === 'error'), problems: sorted };
}
