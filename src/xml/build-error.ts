/** The error build throws for an object that does not fit the model (its own module: builders and version adapters throw it too). */

/** A model object that does not fit its description (unknown property, wrong shape), with where. */
export class BuildError extends Error {
  constructor(
    message: string,
    /** Where in the input: `/ComposeVAppParams/SourcedItem[0]/VmGeneralParams`, `/vms[1]/customization`. */
    readonly path: string,
    /** The property the message is about, when it is not the object at `path` itself (an unknown key). */
    readonly key?: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'BuildError';
  }
}

/** Levenshtein distance, for "did you mean" hints on misspelt property names. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The known name closest to a misspelt one (case-insensitive, at most 2 edits), for "did you mean". */
export function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(k.toLowerCase(), name.toLowerCase());
    if (d < bestD) (best = k), (bestD = d);
  }
  return best;
}
