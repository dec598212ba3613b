// A small, strict XML reader for server answers. It never expands entities beyond the five predefined ones and
// character references, refuses any DOCTYPE, and fails on anything not well-formed (a truncated answer).
// Names are kept without their prefix: EWS answers use varying prefixes (s:, soap:, m:, t:, h:) for the same
// namespaces, and no two EWS elements we read share a local name across namespaces in one place.

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export class XmlSyntaxError extends Error {}
export class XmlUnsafeError extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
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

// Answers hold hundreds of thousands of elements, most of them leaves without attributes: they share one
// frozen empty attribute map and child list (allocation, not parsing, is what a 1 MB answer costs), and
// element names are interned so every <t:Start> shares one string.
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];
const interned = new Map<string, string>();
function localName(qname: string): string {
  let n = interned.get(qname);
  if (n === undefined) {
    n = local(qname);
    if (interned.size < 4096) interned.set(qname, n);
  }
  return n;
}

/** True when the text holds a DTD or an entity declaration: Exchange never sends either. */
export function containsDtd(text: string): boolean {
  return /<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text);
}

export function parseXml(text: string): XmlNode {
  if (containsDtd(text)) throw new XmlUnsafeError('DOCTYPE or ENTITY declaration');
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const names: string[] = [];
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk) {
      if (stack.length === 1) {
        if (chunk.trim()) throw new XmlSyntaxError('text outside the root element');
      } else stack[stack.length - 1].text += decode(chunk);
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
        if (stack.length === 1) throw new XmlSyntaxError('CDATA outside the root element');
        stack[stack.length - 1].text += text.slice(lt + 9, end);
        i = end + 3;
      } else {
        throw new XmlUnsafeError('markup declaration');
      }
    } else if (c1 === 47 /* / */) {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlSyntaxError('unterminated end tag');
      const qname = text.slice(lt + 2, end).trim();
      const open = names.pop();
      if (open !== qname) throw new XmlSyntaxError(`</${qname}> does not close <${open ?? '(nothing)'}>`);
      stack.pop();
      i = end + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(text);
      if (!m) throw new XmlSyntaxError(`malformed or truncated tag at offset ${lt}`);
      if (stack.length === 1 && root.children.length) throw new XmlSyntaxError('more than one root element');
      let attrs = NO_ATTRS;
      if (m[2]) {
        for (const a of m[2].matchAll(ATTR)) {
          if (a[1] === 'xmlns' || a[1].startsWith('xmlns:')) continue;
          if (attrs === NO_ATTRS) attrs = {};
          attrs[local(a[1])] = decode(a[2] ?? a[3] ?? '');
        }
      }
      const node: XmlNode = { name: localName(m[1]), attrs, children: NO_CHILDREN, text: '' };
      const parent = stack[stack.length - 1];
      if (parent.children === NO_CHILDREN) parent.children = [node];
      else parent.children.push(node);
      if (!m[3]) {
        stack.push(node);
        names.push(m[1]);
      }
      i = lt + m[0].length;
    }
  }
  if (names.length) throw new XmlSyntaxError(`truncated: <${names[names.length - 1]}> is never closed`);
  if (!root.children.length) throw new XmlSyntaxError('no root element');
  return root.children[0];
}

// ---- navigation helpers (local names) ----
export const child = (n: XmlNode | undefined, name: string): XmlNode | undefined => n?.children.find((c) => c.name === name);
export const children = (n: XmlNode | undefined, name: string): XmlNode[] => n?.children.filter((c) => c.name === name) ?? [];
export const textOf = (n: XmlNode | undefined, name: string): string | undefined => child(n, name)?.text;
export function path(n: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let cur = n;
  for (const name of names) cur = child(cur, name);
  return cur;
}
/** Depth-first search for all descendants with a local name. */
export function descendants(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
