// The tag names the scanner has met, for the whole process (bounded): each known name is recognised in place by a
// compare instead of being cut out of the answer, reports one interned local name, remembers which name followed
// it last (the items of an EWS page repeat one sequence of elements, so the next start tag is nearly always the
// one predicted), and a predicted text-only element is read whole by one sticky match.

export const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * A flat, internalised copy of a name cut out of an answer: compared char by char at every tag (a slice of the
 * answer is slower to read and would keep that whole answer alive in a process-wide table), and as a property key
 * or switch case (readers compare local names with literals) equal strings are then the same string.
 */
export function flatCopy(s: string): string {
  const key: Record<string, true> = { [s]: true };
  return Object.keys(key)[0];
}

export interface KnownName {
  qname: string;
  local: string;
  /** The name of the start tag that followed this one last time. */
  next?: KnownName;
  /** <qname>text</qname>, sticky; made when the name is first predicted (null: the table of them is full). */
  leaf?: RegExp | null;
}

const MAX_KNOWN = 4096;
/** Known names by length and last character. */
const known = new Map<number, KnownName[]>();
const knownNames = new Map<string, KnownName>();
const bucket = (length: number, last: number) => length * 65536 + last;
/** Before the first start tag of a document (its `next` is the usual root). */
export const START: KnownName = { qname: '', local: '' };

/** text has q at offset `at` (a char loop: V8's startsWith with a position is many times slower here). */
export function hasAt(text: string, q: string, at: number): boolean {
  for (let k = 0; k < q.length; k++) if (text.charCodeAt(at + k) !== q.charCodeAt(k)) return false;
  return true;
}

/** The known name that is exactly text[at, end), if any. */
export function knownNameIn(text: string, at: number, end: number): KnownName | undefined {
  const list = known.get(bucket(end - at, text.charCodeAt(end - 1)));
  if (list) for (const k of list) if (hasAt(text, k.qname, at)) return k;
  return undefined;
}

/** In the table (not a one-off made when it was full): may be predicted. */
export const isKnown = (k: KnownName) => knownNames.get(k.qname) === k;

/** A name met for the first time: known from now on (while the table has room), else a one-off. */
export function remember(found: string): KnownName {
  const qname = flatCopy(found);
  const k: KnownName = { qname, local: flatCopy(local(qname)) };
  if (knownNames.size >= MAX_KNOWN) return k;
  knownNames.set(qname, k);
  const key = bucket(qname.length, qname.charCodeAt(qname.length - 1));
  const list = known.get(key);
  if (list) list.push(k);
  else known.set(key, [k]);
  return k;
}

/** Compiled patterns are kept for the process: bounded well below the names a hostile answer could make up. */
const MAX_LEAF_PATTERNS = 256;
let leafPatterns = 0;
export function leafPattern(k: KnownName): RegExp | null {
  if (leafPatterns >= MAX_LEAF_PATTERNS) return (k.leaf = null);
  leafPatterns++;
  const name = k.qname.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return (k.leaf = new RegExp(`<${name}>[^<]*</${name}>`, 'y'));
}
