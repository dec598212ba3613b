// A small, strict, iterative XML scanner for server answers: it reports start tags, text and end tags to a
// handler in one pass over the text, with no recursion, so a 100,000-deep document costs a refusal, not the
// stack. It never expands entities beyond the five predefined ones and character references, refuses any
// DOCTYPE or other markup declaration where it meets it (no separate pre-scan), and fails on anything not
// well-formed (a truncated answer). Names are reported without their prefix: EWS answers use varying prefixes
// (s:, soap:, m:, t:, h:) for the same namespaces, and no two EWS elements we read share a local name across
// namespaces in one place. parseXml (safe-xml.ts) builds a tree on top; a reader that wants items straight
// from the text can implement XmlHandler itself.

import { hasAt, isKnown, knownNameIn, leafPattern, local, remember, START } from './known-names.js';
import { endsName, tagRest, type TagRest } from './start-tag.js';

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
  /**
   * Optional: offered the content of an element just opened (not an empty one), as the text and the offset after
   * its start tag. A handler that reads the whole content and the element's own end tag itself returns the offset
   * after that end tag (the scanner then calls close() and goes on from there); -1 leaves it to the scanner. It must
   * take only what the scanner would accept with the same result, and never throw: `qname` is the element's name as
   * written, `levels` how many levels of elements may still nest inside it.
   */
  content?(text: string, from: number, qname: string, levels: number): number;
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

// Answers hold hundreds of thousands of elements, most of them leaves without attributes: they share one frozen
// empty attribute map, and every <t:Start> reports one interned local name.
export const NO_ATTRS: Record<string, string> = Object.freeze({});

function attributesOf(raw: string[]): Record<string, string> {
  let attrs = NO_ATTRS;
  for (let k = 0; k < raw.length; k += 2) {
    const name = raw[k];
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (attrs === NO_ATTRS) attrs = {};
    attrs[local(name)] = decodeXmlText(raw[k + 1]);
  }
  return attrs;
}

/** Scans a whole document, calling the handler as it goes; throws XmlSyntaxError / XmlUnsafeError on the first problem. */
export function scanXml(text: string, h: XmlHandler, limits: ScanLimits = {}): void {
  const maxDepth = limits.maxDepth ?? MAX_XML_DEPTH;
  const leaves = h.leaf !== undefined;
  const contents = h.content !== undefined;
  // Open elements as qualified names (end tags must repeat the prefix) and as the local names reported.
  const qnames: string[] = [];
  const names: string[] = [];
  let roots = 0;
  // The previous start tag's name: its `next` is the name predicted.
  let prev = START;
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
      // The name: the one predicted after the previous start tag (most elements), else found by its end.
      const at = lt + 1;
      let k = prev.next;
      if (k !== undefined && leaves && qnames.length > 0 && qnames.length < maxDepth) {
        // The predicted name as a whole leaf: start tag, text and its own end tag in one match.
        const re = k.leaf === undefined ? leafPattern(k) : k.leaf;
        if (re !== null) re.lastIndex = lt;
        if (re !== null && re.test(text)) {
          // test() makes no match array: the text lies between the two tags.
          i = re.lastIndex;
          const from = lt + k.qname.length + 2;
          const to = i - k.qname.length - 3;
          prev = k;
          h.leaf!(k.local, to > from ? decodeXmlText(text.slice(from, to)) : '');
          continue;
        }
      }
      let e: number;
      if (k !== undefined && hasAt(text, k.qname, at) && endsName(text.charCodeAt(at + k.qname.length))) e = at + k.qname.length;
      else {
        e = at;
        while (e < n && !endsName(text.charCodeAt(e))) e++;
        if (e === at || e >= n) throw new XmlSyntaxError(`malformed or truncated tag, offset ${lt}`);
        k = knownNameIn(text, at, e);
      }
      const c = text.charCodeAt(e);
      let rest: TagRest | undefined;
      let after: number;
      let selfClosing = false;
      if (c === 62) after = e + 1;
      else if (c === 47 && text.charCodeAt(e + 1) === 62) {
        after = e + 2;
        selfClosing = true;
      } else {
        rest = c === 47 ? undefined : tagRest(text, e);
        if (!rest) throw new XmlSyntaxError(`malformed or truncated tag, offset ${lt}`);
        after = rest.end;
        selfClosing = rest.selfClosing;
      }
      if (qnames.length === 0 && roots++ > 0) throw new XmlSyntaxError('second root element');
      if (qnames.length >= maxDepth) throw new XmlTooDeepError(`elements nested deeper than ${maxDepth} levels`);
      k ??= remember(text.slice(at, e));
      if (prev.next !== k && isKnown(k)) prev.next = k;
      prev = k;
      const q = k.qname;
      const name = k.local;
      if (rest === undefined && !selfClosing && leaves && qnames.length > 0) {
        // Text and then this element's own end tag: a leaf, reported in one call.
        const lt2 = text.indexOf('<', after);
        if (lt2 > 0 && text.charCodeAt(lt2 + 1) === 47 && text.charCodeAt(lt2 + 2 + q.length) === 62 && hasAt(text, q, lt2 + 2)) {
          h.leaf!(name, lt2 > after ? decodeXmlText(text.slice(after, lt2)) : '');
          i = lt2 + 3 + q.length;
          continue;
        }
      }
      h.open(name, rest && rest.raw.length ? attributesOf(rest.raw) : NO_ATTRS);
      if (selfClosing) h.close(name);
      else {
        if (contents) {
          const end = h.content!(text, after, q, maxDepth - qnames.length - 1);
          if (end >= 0) {
            h.close(name);
            i = end;
            continue;
          }
        }
        qnames.push(q);
        names.push(name);
      }
      i = after;
    }
  }
  if (qnames.length) throw new XmlSyntaxError(`truncated: <${qnames[qnames.length - 1]}> is never closed`);
  if (roots === 0) throw new XmlSyntaxError('no root element');
}
