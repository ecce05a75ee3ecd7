/**
 * What a browser bundle gets instead of xsd-dir.ts and xsd-libxml2.ts (package.json `browser`
 * field): nothing is registered, so `validate(xml, { schemaDir })` or `{ engine: 'libxml2' }` says
 * that it needs Node.js, and the bundle never pulls in node:fs or libxml2-wasm.
 */
export {};
