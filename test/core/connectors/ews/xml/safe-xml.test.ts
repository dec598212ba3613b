import { describe, expect, it } from 'vitest';
import { child, parseXml, textOf, XmlSyntaxError, XmlUnsafeError } from '../../../../../src/core/connectors/ews/xml/safe-xml.js';

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
