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

describe('safe XML reader: start tags and predicted names', () => {
  const attrsOf = (xml: string) => parseXml(xml).attrs;

  it.each([
    ['<a x = "1" y=\'2\'/>', { x: '1', y: '2' }],
    ['<a\tx="1"\n/>', { x: '1' }],
    // Whitespace is what /\s/ matches, as the former pattern had it.
    ['<a\u00a0x="1"\u2028/>', { x: '1' }],
    ['<a xmlns="u" xmlns:p="v" p:x="1 &amp; 2" p:y="&lt;"/>', { x: '1 & 2', y: '<' }],
    ['<a x="a > b" y=\'"\'></a>', { x: 'a > b', y: '"' }],
  ])('reads the attributes of %j', (xml, attrs) => {
    expect(attrsOf(xml)).toEqual(attrs);
  });

  it.each([
    ['<a x="1"y="2"/>', 'no space between attributes'],
    ['<a x=1/>', 'unquoted value'],
    ['<a x/>', 'no value'],
    ['<a =1/>', 'no name'],
    ['<a x="1/>', 'unclosed quote'],
    ['<a/ >', 'space inside />'],
    ['<a x="&e;"', 'truncated before the entity matters'],
  ])('%j is malformed (%s)', (xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).not.toThrow(XmlUnsafeError);
  });

  it('reads repeated items the same way whether their names are predicted or not', () => {
    const item = (n: number) =>
      `<t:Item><t:Id K="${n}"/><t:Start>s${n}</t:Start><t:StartZone>z &amp; ${n}</t:StartZone><t:Empty></t:Empty><t:Gt>a>b</t:Gt></t:Item>`;
    const doc = `<s:E>${[1, 2, 3].map(item).join('')}<t:Start>x</t:Start><t:Item><t:Start>y</t:Start></t:Item></s:E>`;
    const seen = (withLeaf: boolean) => {
      const out: string[] = [];
      const at = (name: string, t: string) => out.push(`${name}=${t}`);
      const texts: string[] = [];
      scanXml(doc, {
        open: () => texts.push(''),
        text: (t) => (texts[texts.length - 1] += t),
        close: (name) => at(name, texts.pop()!),
        ...(withLeaf ? { leaf: at } : {}),
      });
      return out;
    };
    const once = seen(false);
    // A second and third reading run on predictions learnt from the first.
    expect(seen(true)).toEqual(once);
    expect(seen(true)).toEqual(once);
    expect(once.filter((e) => e.startsWith('StartZone='))).toEqual(['StartZone=z & 1', 'StartZone=z & 2', 'StartZone=z & 3']);
    const items = descendants(parseXml(doc), 'Item');
    expect(items.map((i) => textOf(i, 'Gt'))).toEqual(['a>b', 'a>b', 'a>b', undefined]);
    // A predicted name followed by the wrong end tag, or nested past the limit, is refused as before.
    expect(() => parseXml(`<s:E>${item(1)}<t:Item><t:Id K="2"/><t:Start>s</t:StartZone></t:Item></s:E>`)).toThrow(XmlSyntaxError);
    expect(() => parseXml(`<s:E>${item(1)}<t:Item><t:Id K="2"/><t:Start>s</t:Start></t:Item></s:E>`, { maxDepth: 2 })).toThrow(
      XmlTooDeepError,
    );
  });
});
