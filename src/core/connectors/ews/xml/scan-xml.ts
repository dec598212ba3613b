// A small, strict, iterative XML scanner for server answers: it reports start tags, text and end tags to a
// handler in one pass over the text, with no recursion, so a 100,000-deep document costs a refusal, not the
// stack. It never expands entities beyond the five predefined ones and character references, refuses any
// DOCTYPE or other markup declaration where it meets it (no separate pre-scan), and fails on anything not
// well-formed (a truncated answer). Names are reported without their prefix: EWS answers use varying prefixes
// (s:, soap:, m:, t:, h:) for the same namespaces, and no two EWS elements we read share a local name across
// namespaces in one place. parseXml (safe-xml.ts) builds a tree on top; a reader that wants items straight
// from the text can implement XmlHandler itself.

export class XmlSyntaxError extends Error {}
/** A DTD, an entity declaration or an undeclared entity: refused, never expanded. */
export class XmlUnsafeError extends Error {}
/** Nested deeper than the limit: no answer Calpump reads comes close, so it is refused as malformed. */
export class XmlTooDeepError extends XmlSyntaxError {}

/**
 * EWS answers nest about 15 levels (Envelope/Body/…/CalendarItem/Recurrence/…); WCF's own default reader quota is
 * 32. 128 leaves room for any real answer and stops hostile nesting early.
 */
export const MAX_XML_DEPTH = 128;

export interface ScanLimits {
  /** Most elements open at once (default MAX_XML_DEPTH). */
  maxDepth?: number;
}

export interface XmlHandler {
  /** A start tag: local name, attributes by local name (xmlns declarations dropped). Treat attrs as read-only. */
  open(name: string, attrs: Record<string, string>): void;
  /** Character data of the element open now, entities decoded (CDATA verbatim); may arrive in several pieces. */
  text(text: string): void;
  /** The end of the element open now (called right after open() for an empty element such as <a/>). */
  close(name: string): void;
  /**
   * Optional: an element without attributes whose content is text only (`<t:Subject>Team</t:Subject>`, most of an
   * EWS answer), in one call instead of open(name, {}), text(text), close(name). text is '' for an empty one.
   */
  leaf?(name: string, text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;\s<&]*)(;?)/g, (m, ref: string, semi: string) => {
    if (!semi || !ref) throw new XmlSyntaxError(`bare & in text near "${m}"`);
    if (ref[0] === '#') {
      const cp = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new XmlSyntaxError(`bad character reference &${ref};`);
      return String.fromCodePoint(cp);
    }
    const v = ENTITIES[ref];
    if (v === undefined) throw new XmlUnsafeError(`undeclared entity &${ref};`);
    return v;
  });
}

// Sticky: matched in place at the '<', no copying of the rest of the document.
const TAG = /<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const local = (qname: string) => qname.slice(qname.indexOf(':') + 1);

// Answers hold hundreds of thousands of elements, most of them leaves without attributes: they share one frozen
// empty attribute map, and element names are interned so every <t:Start> shares one string.
export const NO_ATTRS: Record<string, string> = Object.freeze({});
const interned = new Map<string, string>();
function localName(qname: string): string {
  let n = interned.get(qname);
  if (n === undefined) {
    n = local(qname);
    if (interned.size < 4096) interned.set(qname, n);
  }
  return n;
}

// Tag names seen before, by length and last character: a start tag whose name is one of them is recognised in
// place (a char loop and a compare), without a regex match or a new string — an EWS page repeats some 40 names.
const known = new Map<number, string[]>();
const knownNames = new Set<string>();
const bucket = (length: number, last: number) => length * 65536 + last;

/** text has q at offset `at` (a char loop: V8's startsWith with a position is many times slower here). */
function hasAt(text: string, q: string, at: number): boolean {
  for (let k = 0; k < q.length; k++) if (text.charCodeAt(at + k) !== q.charCodeAt(k)) return false;
  return true;
}

/** The known name that starts at `at` and ends before '>', '/' or a space, if any. */
function knownNameAt(text: string, at: number): string | undefined {
  let e = at;
  const n = text.length;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === 62 || c === 47 || c <= 32) break;
    e++;
  }
  if (e === at || e >= n) return undefined;
  const list = known.get(bucket(e - at, text.charCodeAt(e - 1)));
  if (list) for (const q of list) if (hasAt(text, q, at)) return q;
  return undefined;
}

/**
 * A flat copy of a name cut out of an answer: compared char by char at every tag (a slice of the answer is slower
 * to read and would keep that whole answer alive in this process-wide table).
 */
function flatCopy(s: string): string {
  const key: Record<string, true> = { [s]: true };
  return Object.keys(key)[0];
}

function remember(found: string): void {
  if (knownNames.size >= 4096 || knownNames.has(found)) return;
  const qname = flatCopy(found);
  knownNames.add(qname);
  const key = bucket(qname.length, qname.charCodeAt(qname.length - 1));
  const list = known.get(key);
  if (list) list.push(qname);
  else known.set(key, [qname]);
}

function attributesOf(source: string): Record<string, string> {
  let attrs = NO_ATTRS;
  for (const a of source.matchAll(ATTR)) {
    if (a[1] === 'xmlns' || a[1].startsWith('xmlns:')) continue;
    if (attrs === NO_ATTRS) attrs = {};
    attrs[local(a[1])] = decodeXmlText(a[2] ?? a[3] ?? '');
  }
  return attrs;
}

/** Scans a whole document, calling the handler as it goes; throws XmlSyntaxError / XmlUnsafeError on the first problem. */
export function scanXml(text: string, h: XmlHandler, limits: ScanLimits = {}): void {
  const maxDepth = limits.maxDepth ?? MAX_XML_DEPTH;
  const leaves = h.leaf !== undefined;
  // Open elements as qualified names (end tags must repeat the prefix) and as the local names reported.
  const qnames: string[] = [];
  const names: string[] = [];
  let roots = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const end0 = lt < 0 ? n : lt;
    if (end0 > i) {
      if (qnames.length === 0) {
        for (let k = i; k < end0; k++) {
          const c = text.charCodeAt(k);
          if (c !== 32 && c !== 10 && c !== 13 && c !== 9) throw new XmlSyntaxError('text outside the root element');
        }
      } else h.text(decodeXmlText(text.slice(i, end0)));
    }
    if (lt < 0) break;
    // Dispatch on the character after '<': start tags (the common case) need no prefix checks.
    const c1 = text.charCodeAt(lt + 1);
    if (c1 === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlSyntaxError('unterminated processing instruction');
      i = end + 2;
    } else if (c1 === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlSyntaxError('unterminated comment');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA');
        if (qnames.length === 0) throw new XmlSyntaxError('CDATA outside the root element');
        h.text(text.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE, <!ENTITY, <!ELEMENT…: Exchange never sends one, and nothing here expands one.
        throw new XmlUnsafeError(`markup declaration ${JSON.stringify(text.slice(lt, lt + 12))}`);
      }
    } else if (c1 === 47 /* / */) {
      // The usual end tag repeats the open name exactly: checked in place, no string made.
      const top = qnames[qnames.length - 1];
      if (top !== undefined && text.charCodeAt(lt + 2 + top.length) === 62 && hasAt(text, top, lt + 2)) {
        qnames.pop();
        h.close(names.pop()!);
        i = lt + 3 + top.length;
        continue;
      }
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlSyntaxError('unterminated end tag');
      const qname = text.slice(lt + 2, end).trim();
      const open = qnames.pop();
      if (open !== qname) throw new XmlSyntaxError(`</${qname}> does not close <${open ?? '(nothing)'}>`);
      h.close(names.pop()!);
      i = end + 1;
    } else {
      // A known name followed by '>' or '/>' (most elements): no regex, no attributes to read.
      const q = knownNameAt(text, lt + 1);
      if (q !== undefined) {
        const after = lt + 1 + q.length;
        const c = text.charCodeAt(after);
        const selfClosing = c === 47 && text.charCodeAt(after + 1) === 62;
        if (c === 62 || selfClosing) {
          if (qnames.length === 0 && roots++ > 0) throw new XmlSyntaxError('second root element');
          if (qnames.length >= maxDepth) throw new XmlTooDeepError(`elements nested deeper than ${maxDepth} levels`);
          const name = localName(q);
          if (c === 62 && leaves && qnames.length > 0) {
            // Text and then this element's own end tag: a leaf, reported in one call.
            const lt2 = text.indexOf('<', after + 1);
            if (lt2 > 0 && text.charCodeAt(lt2 + 1) === 47 && text.charCodeAt(lt2 + 2 + q.length) === 62 && hasAt(text, q, lt2 + 2)) {
              h.leaf!(name, lt2 > after + 1 ? decodeXmlText(text.slice(after + 1, lt2)) : '');
              i = lt2 + 3 + q.length;
              continue;
            }
          }
          h.open(name, NO_ATTRS);
          if (selfClosing) h.close(name);
          else {
            qnames.push(q);
            names.push(name);
          }
          i = after + (selfClosing ? 2 : 1);
          continue;
        }
      }
      TAG.lastIndex = lt;
      const m = TAG.exec(text);
      if (!m) throw new XmlSyntaxError(`malformed or truncated tag, offset ${lt}`);
      if (qnames.length === 0 && roots++ > 0) throw new XmlSyntaxError('second root element');
      if (qnames.length >= maxDepth) throw new XmlTooDeepError(`elements nested deeper than ${maxDepth} levels`);
      const name = localName(m[1]);
      if (q === undefined) remember(m[1]);
      h.open(name, m[2] ? attributesOf(m[2]) : NO_ATTRS);
      if (m[3]) h.close(name);
      else {
        qnames.push(m[1]);
        names.push(name);
      }
      i = lt + m[0].length;
    }
  }
  if (qnames.length) throw new XmlSyntaxError(`truncated: <${qnames[qnames.length - 1]}> is never closed`);
  if (roots === 0) throw new XmlSyntaxError('no root element');
}
