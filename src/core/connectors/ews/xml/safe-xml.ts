// The tree view of a server answer, built on the strict iterative scanner (scan-xml.ts): DTDs and undeclared
// entities refused, nesting bounded, truncation detected. Navigation helpers work by local name and never
// recurse, so no answer can exhaust the stack however it is shaped.
import { scanXml, type ScanLimits } from './scan-xml.js';

export { MAX_XML_DEPTH, scanXml, XmlSyntaxError, XmlTooDeepError, XmlUnsafeError } from './scan-xml.js';
export type { ScanLimits, XmlHandler } from './scan-xml.js';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

// Most elements are leaves: they share one frozen empty child list (allocation, not scanning, is what a 1 MB
// answer costs).
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** True when the text holds a DTD or an entity declaration: Exchange never sends either. */
export function containsDtd(text: string): boolean {
  return /<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text);
}

export function parseXml(text: string, limits?: ScanLimits): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  scanXml(
    text,
    {
      open(name, attrs) {
        const node: XmlNode = { name, attrs, children: NO_CHILDREN, text: '' };
        const parent = stack[stack.length - 1];
        if (parent.children === NO_CHILDREN) parent.children = [node];
        else parent.children.push(node);
        stack.push(node);
      },
      text(t) {
        stack[stack.length - 1].text += t;
      },
      close() {
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
