/** Types of scripts/playground-chromium.mjs (for the TypeScript tests). */
export const CHROMIUM: string;
export function chromiumMissing(): string | null;
export function launchChromium(): Promise<{ context: import('playwright-core').BrowserContext; close(): Promise<void> }>;
