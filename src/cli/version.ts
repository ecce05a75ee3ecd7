/** The package version, read from package.json (two levels up from src/cli/ and dist/cli/). */
import fs from 'node:fs';

let cached: string | undefined;

/** `vmparams --version`: the version field of package.json. */
export function packageVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
      cached = pkg.version ?? '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}
