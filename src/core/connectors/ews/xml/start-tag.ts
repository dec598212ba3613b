// The rest of a start tag after its name (attributes, '>' or '/>'), read by hand in the grammar the scanner's
// former regular expression had — whitespace being what /\s/ matches — without a match array per tag.

/** Whitespace as a regular expression's \s knows it (the tag grammar below is the one /\s/ described before). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A character that ends a tag name: whitespace, '/' or '>'. */
export const endsName = (c: number) => c === 62 || c === 47 || isSpace(c);

/** What a start tag holds after its name. */
export interface TagRest {
  /** Offset just past the '>'. */
  end: number;
  selfClosing: boolean;
  /** Attribute names and their undecoded values, in turn (decoded once the tag is known to be well-formed). */
  raw: string[];
}

/**
 * Reads the attributes and the end of a start tag from `p` (just after the name), by hand: whitespace, then
 * name = "value" or name = 'value' pairs each after whitespace, optional whitespace, then '>' or '/>'. Anything
 * else (no whitespace before an attribute, a missing '=', an unclosed quote, the end of the text) is undefined.
 */
export function tagRest(text: string, p: number): TagRest | undefined {
  const n = text.length;
  const raw: string[] = [];
  for (;;) {
    const ws = p;
    while (p < n && isSpace(text.charCodeAt(p))) p++;
    const c = text.charCodeAt(p);
    if (c === 62) return { end: p + 1, selfClosing: false, raw };
    if (c === 47) return text.charCodeAt(p + 1) === 62 ? { end: p + 2, selfClosing: true, raw } : undefined;
    if (p === ws || p >= n) return undefined;
    const nameStart = p;
    for (let d = c; p < n && d !== 61 && d !== 47 && d !== 62 && !isSpace(d); d = text.charCodeAt(++p));
    if (p === nameStart) return undefined;
    const name = text.slice(nameStart, p);
    while (p < n && isSpace(text.charCodeAt(p))) p++;
    if (text.charCodeAt(p) !== 61) return undefined;
    p++;
    while (p < n && isSpace(text.charCodeAt(p))) p++;
    const quote = text.charCodeAt(p);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = text.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (close < 0) return undefined;
    raw.push(name, text.slice(p + 1, close));
    p = close + 1;
  }
}
