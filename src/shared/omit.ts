// A copy of an object without some of its keys, typed: what `const { a: _a, ...rest } = o` does, without a
// variable nobody reads.
export function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const out = { ...value };
  for (const k of keys) delete out[k];
  return out;
}
