/** Modules the build makes (scripts/playground-build.mjs). */
declare module 'playground:examples' {
  /** One valid fixture per request type, read at build time. */
  const EXAMPLES: readonly { kind: string; file: string; text: string }[];
  export default EXAMPLES;
}
declare module 'playground:editor' {
  /** The editor the build chose (codemirror.ts, or textarea.ts). */
  export const createEditor: typeof import('./editor/codemirror.js').createEditor;
}
