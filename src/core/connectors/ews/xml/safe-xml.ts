// The tree view of a server answer, built on the strict iterative scanner (scan-xml.ts): DTDs and undeclared
// entities refused, nesting bounded, truncation detected. Navigation helpers work by local name and never
// recurse, so no answer can exhaust the stack however it is shaped.
import { NO_ATTRS, scanXml, type ScanLimits, type XmlHandler } from './scan-xml.js';

export { MAX_XML_DEPTH, scanXml, XmlSyntaxError, XmlTooDeepError, XmlUnsafeError } from './scan-xml.js';
export type { ScanLimits, XmlHandler } from './scan-xml.js';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** For a captured element (see parseXml): what its capture made of it. It then has no children. */
  value?: unknown;
}

/** Takes over one element — its start tag, everything inside, its end tag — and makes a value of it. */
export interface XmlCapture<T = unknown> extends XmlHandler {
  result(): T;
}

/** Element local name → a new capture for each such element. Captured elements are leaves with a value. */
export type XmlCaptures = ReadonlyMap<string, () => XmlCapture>;

// Most elements are leaves: they share one frozen empty child list (allocation, not scanning, is what a 1 MB
// answer costs).
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** True when the text holds a DTD or an entity declaration: Exchange never sends either. */
export function containsDtd(text: string): boolean {
  return /<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text);
}

/**
 * The tree of a document. With captures, elements of the named kinds are read by their capture instead (straight
 * from the scanner, no subtree: the hundreds of items of an EWS page): each stays in its place as a leaf node
 * (name and attributes) whose `value` is what its capture made. Everything else — the envelope, response codes,
 * faults, items of other kinds — is still a tree, and the scanner's checks apply to the whole text either way.
 */
export function parseXml(text: string, limits?: ScanLimits, captures?: XmlCaptures): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let capture: XmlCapture | undefined;
  let captured: XmlNode | undefined;
  let captureDepth = 0;
  scanXml(
    text,
    {
      leaf(name, t) {
        if (capture) {
          if (capture.leaf) {
            capture.leaf(name, t);
            return;
          }
        } else if (!captures?.has(name)) {
          const node: XmlNode = { name, attrs: NO_ATTRS, children: NO_CHILDREN, text: t };
          const parent = stack[stack.length - 1];
          if (parent.children === NO_CHILDREN) parent.children = [node];
          else parent.children.push(node);
          return;
        }
        this.open(name, NO_ATTRS);
        if (t) this.text(t);
        this.close(name);
      },
      open(name, attrs) {
        if (capture) {
          captureDepth++;
          capture.open(name, attrs);
          return;
        }
        const node: XmlNode = { name, attrs, children: NO_CHILDREN, text: '' };
        const parent = stack[stack.length - 1];
        if (parent.children === NO_CHILDREN) parent.children = [node];
        else parent.children.push(node);
        const make = captures?.get(name);
        if (make) {
          capture = make();
          captured = node;
          captureDepth = 1;
          capture.open(name, attrs);
          return;
        }
        stack.push(node);
      },
      content(t, from, qname, levels) {
        // Only a capture just opened may read its element's content straight from the text.
        return capture?.content !== undefined && captureDepth === 1 ? capture.content(t, from, qname, levels) : -1;
      },
      text(t) {
        if (capture) capture.text(t);
        else stack[stack.length - 1].text += t;
      },
      close(name) {
        if (capture) {
          capture.close(name);
          if (--captureDepth === 0) {
            captured!.value = capture.result();
            capture = captured = undefined;
          }
          return;
        }
        stack.pop();
      },
    },
    limits,
  );
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

/** All descendants with a local name, in document order (depth first), without recursion. */
export function descendants(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  const stack: XmlNode[] = [];
  for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  while (stack.length) {
    const c = stack.pop()!;
    if (c.name === name) out.push(c);
    for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]);
  }
  return out;
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
