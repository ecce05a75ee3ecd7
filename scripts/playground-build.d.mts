/** Types of scripts/playground-build.mjs (for the TypeScript tests). */
export const ROOT: string;
export const NODE_ONLY_ON_DEMAND: Record<string, string>;
export const ON_DEMAND_MESSAGE: string;
export const KINDS: string[];
export function nodeOnlyOnDemand(): import('esbuild').Plugin;
export function examples(): { kind: string; file: string; text: string }[];
export function bundle(opts: { entry: string; minify?: boolean; globalName?: string; editor?: 'codemirror' | 'textarea' }): Promise<{ code: string; metafile: import('esbuild').Metafile }>;
export function buildPlayground(opts?: { outDir?: string; minify?: boolean; editor?: 'codemirror' | 'textarea' }): Promise<{ html: string; file: string; bytes: number; gzip: number; inputs: string[] }>;
