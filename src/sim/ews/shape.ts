// ItemShape / FolderShape: base shape plus AdditionalProperties (FieldURI and ExtendedFieldURI).
import { attr, child, childText, elementChildren } from '../xml/safe-parse.js';
import { esc } from '../xml/escape.js';
import { NS } from './soap.js';

export interface ExtendedFieldRef {
  key: string;
  /** Attributes to echo back in <t:ExtendedFieldURI>. */
  attrs: Record<string, string>;
}

export interface Shape {
  base: 'IdOnly' | 'Default' | 'AllProperties';
  fields: Set<string>;
  extended: ExtendedFieldRef[];
  bodyType?: string;
}

const EXT_ATTRS = ['DistinguishedPropertySetId', 'PropertySetId', 'PropertyTag', 'PropertyName', 'PropertyId', 'PropertyType'];

export function extendedKey(el: Element): ExtendedFieldRef {
  const attrs: Record<string, string> = {};
  for (const a of EXT_ATTRS) {
    const v = attr(el, a);
    if (v !== undefined) attrs[a] = v;
  }
  const type = attrs.PropertyType ?? 'String';
  if (attrs.PropertyTag) {
    const n = Number(attrs.PropertyTag.startsWith('0x') ? attrs.PropertyTag : Number(attrs.PropertyTag));
    return { key: `tag:0x${n.toString(16)}:${type}`, attrs };
  }
  const set = (attrs.DistinguishedPropertySetId ?? attrs.PropertySetId ?? '').toLowerCase();
  const name = attrs.PropertyName ?? `0x${Number(attrs.PropertyId ?? 0).toString(16)}`;
  return { key: `${set}:${name}:${type}`, attrs };
}

export function extendedFieldXml(ref: ExtendedFieldRef): string {
  return `<t:ExtendedFieldURI ${Object.entries(ref.attrs)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(' ')}/>`;
}

export function parseShape(shapeEl: Element | undefined): Shape {
  const base = (childText(shapeEl, 'BaseShape', NS.t) ?? 'Default') as Shape['base'];
  const fields = new Set<string>();
  const extended: ExtendedFieldRef[] = [];
  for (const p of elementChildren(child(shapeEl, 'AdditionalProperties', NS.t))) {
    if (p.localName === 'FieldURI') fields.add(attr(p, 'FieldURI') ?? '');
    else if (p.localName === 'ExtendedFieldURI') extended.push(extendedKey(p));
    else if (p.localName === 'IndexedFieldURI') fields.add(attr(p, 'FieldURI') ?? '');
  }
  return { base, fields, extended, bodyType: childText(shapeEl, 'BodyType', NS.t) };
}
