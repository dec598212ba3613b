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
export const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const interned = new Map<string, string>();
function localName(qname: string): string {
  let n = interned.get(qname);
  if (n === undefined) {
    n = local(qname);
    if (interned.size < 4096) interned.set(qname, n);
  }
  return n;
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
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlSyntaxError('unterminated end tag');
      const qname = text.slice(lt + 2, end).trim();
      const open = qnames.pop();
      if (open !== qname) throw new XmlSyntaxError(`</${qname}> does not close <${open ?? '(nothing)'}>`);
      h.close(names.pop()!);
      i = end + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(text);
      if (!m) throw new XmlSyntaxError(`malformed or truncated tag at offset ${lt}`);
      if (qnames.length === 0 && roots++ > 0) throw new XmlSyntaxError('more than one root element');
      if (qnames.length >= maxDepth) throw new XmlTooDeepError(`elements nested deeper than ${maxDepth} levels`);
      const name = localName(m[1]);
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
