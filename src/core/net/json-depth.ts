// How deeply a JSON text nests, found by one pass over the characters (no parse, no recursion). JSON.parse copes
// with any depth, but whatever walks the result recursively afterwards (JSON.stringify, structuredClone, a deep
// copy) would exhaust the stack on a hostile answer: such answers are refused before they are parsed.

/** Graph answers nest a dozen levels at most; 64 leaves room and stops hostile nesting. */
export const MAX_JSON_DEPTH = 64;

/** True when the text opens more than `limit` arrays/objects inside each other (strings are skipped). */
export function jsonDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Skip the string, honouring backslash escapes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}
