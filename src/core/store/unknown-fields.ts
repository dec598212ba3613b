// Fields of a stored entry that this version does not know (written by a newer Calpump, or added by hand for
// another tool) survive a rewrite: they are the keys the schema dropped when it read the entry, and they are put
// back into what is written. Keys the schema knows are never resurrected, so clearing a known field still works.

type Json = Record<string, unknown>;

const isPlain = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The keys of `raw` that are missing from `parsed` (what the schema made of it), recursively into plain objects;
 * undefined when there are none. `ignore` lists top-level keys the schema may drop on purpose (kept out when dropped).
 */
export function unknownFields(raw: unknown, parsed: unknown, ignore: readonly string[] = []): Json | undefined {
  if (!isPlain(raw) || !isPlain(parsed)) return undefined;
  const out: Json = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!(k in parsed)) {
      if (!ignore.includes(k)) out[k] = v;
    } else {
      const inner = unknownFields(v, parsed[k]);
      if (inner) out[k] = inner;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** `next` with `unknown` put back where `next` has nothing of its own (its values always win). */
export function withUnknown<T>(next: T, unknown: Json | undefined): T {
  if (!unknown || !isPlain(next)) return next;
  const out: Json = { ...next };
  for (const [k, v] of Object.entries(unknown)) {
    if (!(k in out) || out[k] === undefined) out[k] = v;
    else if (isPlain(out[k]) && isPlain(v)) out[k] = withUnknown(out[k], v);
  }
  return out as T;
}

/** Both sources of unknown fields merged (the first wins on a clash). */
export function mergeUnknown(a: Json | undefined, b: Json | undefined): Json | undefined {
  if (!a) return b;
  if (!b) return a;
  return withUnknown(a, b);
}
