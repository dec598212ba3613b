// XML parsing for untrusted requests: DTDs (and so external entities and entity expansion bombs) are
// refused before the parser sees them, as Exchange's XmlReader (DtdProcessing.Prohibit) does.
import { DOMParser } from '@xmldom/xmldom';

export class XmlRejected extends Error {
  constructor(
    message: string,
    readonly kind: 'dtd' | 'malformed',
  ) {
    super(message);
  }
}

const MAX_BYTES = 10 * 1024 * 1024;

export function parseXml(text: string): Document {
  if (text.length > MAX_BYTES) throw new XmlRejected('request too large', 'malformed');
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new XmlRejected('For security reasons DTD is prohibited in this XML document.', 'dtd');
  }
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (m: unknown) => errors.push(String(m)),
      fatalError: (m: unknown) => errors.push(String(m)),
    },
  }).parseFromString(text, 'text/xml');
  if (errors.length || !doc?.documentElement) throw new XmlRejected(errors[0] ?? 'no root element', 'malformed');
  return doc;
}

export function elementChildren(el: Element | null | undefined, localName?: string, ns?: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    if (localName && e.localName !== localName) continue;
    if (ns && e.namespaceURI !== ns) continue;
    out.push(e);
  }
  return out;
}

export function child(el: Element | null | undefined, localName: string, ns?: string): Element | undefined {
  return elementChildren(el, localName, ns)[0];
}

/** Depth-first search for the first descendant with a local name. */
export function descendant(el: Element | null | undefined, localName: string, ns?: string): Element | undefined {
  for (const c of elementChildren(el)) {
    if (c.localName === localName && (!ns || c.namespaceURI === ns)) return c;
    const d = descendant(c, localName, ns);
    if (d) return d;
  }
  return undefined;
}

export function text(el: Element | null | undefined): string {
  return el?.textContent ?? '';
}

export function childText(el: Element | null | undefined, localName: string, ns?: string): string | undefined {
  const c = child(el, localName, ns);
  return c ? text(c) : undefined;
}

export function attr(el: Element | null | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}
