import { describe, expect, it } from 'vitest';
import {
  child,
  descendants,
  MAX_XML_DEPTH,
  parseXml,
  scanXml,
  textOf,
  XmlSyntaxError,
  XmlTooDeepError,
  XmlUnsafeError,
} from '../../../../../src/core/connectors/ews/xml/safe-xml.js';

describe('safe XML reader', () => {
  it('reads elements by local name whatever the prefix, with attributes, entities and CDATA', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><s:Envelope xmlns:s="x"><s:Body a:b="1 &amp; 2" xmlns:a="y"><t:Name>A &lt;&#x42;&gt; &#67;</t:Name><t:Raw><![CDATA[<not markup>]]></t:Raw><!-- c --></s:Body></s:Envelope>',
    );
    const body = child(doc, 'Body')!;
    expect(doc.name).toBe('Envelope');
    expect(body.attrs.b).toBe('1 & 2');
    expect(textOf(body, 'Name')).toBe('A <B> C');
    expect(textOf(body, 'Raw')).toBe('<not markup>');
  });

  it.each([
    ['<a><b></a>', 'mismatched end tag'],
    ['<a><b>', 'truncated'],
    ['<a x="1', 'truncated tag'],
    ['<a/><b/>', 'two roots'],
    ['', 'empty'],
    ['<a>1 & 2</a>', 'bare ampersand'],
  ])('%j is not well-formed (%s)', (xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });

  it('refuses DTDs and undeclared entities instead of expanding them', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(XmlUnsafeError);
    expect(() => parseXml('<a>&e;</a>')).toThrow(XmlUnsafeError);
  });
});

describe('safe XML reader: hostile shapes', () => {
  const nested = (depth: number) => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;

  it('refuses 100,000 nested elements as too deep, without touching the stack', () => {
    expect(() => parseXml(nested(100_000))).toThrow(XmlTooDeepError);
    // Too deep is a kind of malformed: callers that map XmlSyntaxError need nothing new.
    expect(() => parseXml(nested(100_000))).toThrow(XmlSyntaxError);
  });

  it('reads nesting up to the limit, and descendants() walks it without recursion', () => {
    const doc = parseXml(nested(MAX_XML_DEPTH));
    expect(descendants(doc, 'a')).toHaveLength(MAX_XML_DEPTH - 1);
    expect(() => parseXml(nested(MAX_XML_DEPTH + 1))).toThrow(XmlTooDeepError);
    expect(() => parseXml(nested(10), { maxDepth: 9 })).toThrow(XmlTooDeepError);
  });

  it('descendants() keeps document order', () => {
    const doc = parseXml('<r><v n="1"><v n="2"/></v><w><v n="3"/></w><v n="4"/></r>');
    expect(descendants(doc, 'v').map((v) => v.attrs.n)).toEqual(['1', '2', '3', '4']);
  });

  it.each([
    ['XXE', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'],
    ['billion laughs', `<!DOCTYPE r [<!ENTITY a "ha">${'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'}]><r>&b;</r>`],
    ['lower-case doctype after the root starts', '<r><!doctype r></r>'],
    ['an entity in an attribute', '<r a="&x;"/>'],
    ['a parameter-entity style declaration inside the root', '<r><!ENTITY % p "x"></r>'],
  ])('%s is refused where the scanner meets it', (_name, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlUnsafeError);
  });

  it('scanXml reports open, text and close in document order with local names', () => {
    const events: string[] = [];
    scanXml('<s:E xmlns:s="x"><t:A k="v">1<![CDATA[<2>]]></t:A><t:B/></s:E>', {
      open: (name, attrs) => events.push(`open ${name}${attrs.k ? ` k=${attrs.k}` : ''}`),
      text: (t) => events.push(`text ${t}`),
      close: (name) => events.push(`close ${name}`),
    });
    expect(events).toEqual(['open E', 'open A k=v', 'text 1', 'text <2>', 'close A', 'open B', 'close B', 'close E']);
  });

  it('reports text-only elements through leaf() where the handler has one, with the same checks', () => {
    // Names are learnt from a first pass (the scanner recognises names it has seen without a regex).
    const xml = '<s:E><t:A>x &amp; y</t:A><t:A></t:A><t:B><t:A>z</t:A></t:B><t:C k="v">w</t:C><t:A>1<![CDATA[2]]></t:A></s:E>';
    const events = (withLeaf: boolean) => {
      const out: string[] = [];
      scanXml(xml, {
        open: (name) => out.push(`open ${name}`),
        text: (t) => out.push(`text ${t}`),
        close: (name) => out.push(`close ${name}`),
        ...(withLeaf ? { leaf: (name: string, t: string) => out.push(`leaf ${name}=${t}`) } : {}),
      });
      return out;
    };
    events(false);
    expect(events(true)).toEqual([
      'open E',
      'leaf A=x & y',
      'leaf A=',
      'open B',
      'leaf A=z',
      'close B',
      // Attributes and CDATA take the long way.
      'open C',
      'text w',
      'close C',
      'open A',
      'text 1',
      'text 2',
      'close A',
      'close E',
    ]);
    expect(parseXml(xml)).toEqual(JSON.parse(JSON.stringify(parseXml(xml))));
    expect(textOf(parseXml(xml), 'A')).toBe('x & y');
    // A leaf past the depth limit or with a mismatched end tag is refused like any element.
    const quiet = { open() {}, text() {}, close() {}, leaf() {} };
    scanXml('<a><b><c>x</c></b></a>', quiet);
    expect(() => scanXml('<a><b><c>x</c></b></a>', quiet, { maxDepth: 2 })).toThrow(XmlTooDeepError);
    expect(() => parseXml('<s:E><t:A>x</t:B></s:E>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<s:E><t:A>&bad;</t:A></s:E>')).toThrow(XmlUnsafeError);
  });
});
