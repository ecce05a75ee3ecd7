/**
 * The builders' option checks, at compile time and at run time (issue 13: a typo inside a `.map()`
 * callback compiled and was silently dropped).
 * - `ExactOptions<Spec, S>` (a builder's parameter type) and `Exact<Shape, T>` turn every property of the
 *   argument that the option type does not have into `never`, at any depth and through arrays, so
 *   `vms: names.map((n) => ({ memoryMb: 4096 }))` fails to compile, where excess-property checks
 *   (which only look at fresh object literals) let it through.
 * - `checkSpec`: the same at run time, for JavaScript and JSON callers: a BuildError with the path
 *   (`/vms[1]/customization`) and a did-you-mean, as build() reports unknown properties.
 */
import { BuildError, nearest } from '../xml/build-error.js';

type Primitive = string | number | boolean | bigint | symbol | null | undefined;
type AllKeys<T> = T extends unknown ? keyof T : never;
type PropOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type ObjectPart<T> = Exclude<NonNullable<T>, Primitive>;
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** `T` with every property `Shape` does not have typed `never` (deeply, through arrays). */
export type Exact<Shape, T> = T extends Primitive
  ? T
  : T extends readonly unknown[]
    ? { [I in keyof T]: Exact<ElementOf<ObjectPart<Shape>>, T[I]> }
    : { [K in keyof T]: K extends AllKeys<ObjectPart<Shape>> ? Exact<PropOf<ObjectPart<Shape>, K>, T[K]> : never };

/**
 * A builder's parameter type: the options object with every key the option type does not have typed
 * `never`, values checked with Exact. A mapped type over the argument's own keys at the top (not
 * `S & Exact<...>`), so TypeScript infers the argument through it, spreads included
 * (`vms: [...webs, db]`).
 */
export type ExactOptions<Shape, T> = { [K in keyof T]: K extends AllKeys<ObjectPart<Shape>> ? Exact<PropOf<ObjectPart<Shape>, K>, T[K]> : never };

/** A run-time check of one option value. */
export type Check =
  | 'string'
  | 'integer'
  | 'boolean'
  /** An identifier given as a string or a whole number (rasd InstanceID). */
  | 'id'
  | { enum: readonly string[] }
  | { object: Shape; name: string }
  | { array: Check }
  | { pair: 'string' }
  | { record: 'string'; name: string };

/** One option: its check and whether it must be given. */
export interface Field {
  check: Check;
  required?: boolean;
}

/** The options of one spec type. */
export type Shape = Record<string, Field>;

/** A Shape that names exactly the keys of `T` (checked by `satisfies ShapeOf<T>`). */
export type ShapeOf<T> = { [K in keyof Required<T>]: Field };

const describe = (v: unknown): string => (Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check an option value against its check; throws BuildError at `path`. */
function checkValue(v: unknown, check: Check, path: string): void {
  if (check === 'string') {
    if (typeof v !== 'string') throw new BuildError(`expected a string, got ${describe(v)}`, path);
  } else if (check === 'integer') {
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new BuildError(`expected a whole number, got ${typeof v === 'number' ? v : describe(v)}`, path);
  } else if (check === 'id') {
    if (typeof v !== 'string' && !(typeof v === 'number' && Number.isSafeInteger(v))) throw new BuildError(`expected a string or a whole number, got ${typeof v === 'number' ? v : describe(v)}`, path);
  } else if (check === 'boolean') {
    if (typeof v !== 'boolean') throw new BuildError(`expected true or false, got ${describe(v)}`, path);
  } else if ('enum' in check) {
    if (typeof v !== 'string' || !check.enum.includes(v)) {
      const near = typeof v === 'string' ? nearest(v, check.enum) : undefined;
      throw new BuildError(`expected one of ${check.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(v) ?? describe(v)}${near ? ` (did you mean "${near}"?)` : ''}`, path);
    }
  } else if ('object' in check) checkSpec(v, check.object, check.name, path);
  else if ('array' in check) {
    if (!Array.isArray(v)) throw new BuildError(`expected an array, got ${describe(v)}`, path);
    v.forEach((x, i) => checkValue(x, check.array, `${path}[${i}]`));
  } else if ('pair' in check) {
    if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'string')) throw new BuildError('expected a pair of strings, [first, last]', path);
  } else {
    if (!isObj(v)) throw new BuildError(`expected an object of strings (${check.name}), got ${describe(v)}`, path);
    for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') throw new BuildError(`expected a string, got ${describe(x)}`, `${path}/${k}`);
  }
}

/** Check a spec object: no unknown keys (with a did-you-mean), required keys present, every value of its type. */
export function checkSpec(value: unknown, shape: Shape, name: string, path = ''): void {
  const where = path || '/';
  if (!isObj(value)) throw new BuildError(`expected the options object (${name}), got ${describe(value)}`, where);
  const known = Object.keys(shape);
  for (const k of Object.keys(value)) {
    if (shape[k] === undefined) {
      const near = nearest(k, known);
      throw new BuildError(`unknown property "${k}" in ${name}${near ? ` (did you mean "${near}"?)` : ''}; known: ${known.join(', ')}`, where, k);
    }
  }
  for (const [k, f] of Object.entries(shape)) {
    const v = value[k];
    if (v === undefined) {
      if (f.required) throw new BuildError(`${name} needs "${k}"`, where, k);
      continue;
    }
    checkValue(v, f.check, `${path}/${k}`);
  }
}
