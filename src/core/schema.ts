// Valibot building blocks shared by the schemas of stored values and messages.
// (Valibot's object and record schemas accept arrays; stored objects never are.)

import * as v from 'valibot';

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `schema` (an object or record schema), only for a plain object: never an array. */
export function plain<const S extends v.GenericSchema<Record<string, unknown>, unknown>>(schema: S) {
  return v.pipe(v.custom<Record<string, unknown>>(isPlainObject), schema);
}
