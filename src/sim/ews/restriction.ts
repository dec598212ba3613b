// Restriction (SearchFilter) evaluation for FindFolder / FindItem: And, Or, Not, Exists, Contains and the
// comparison operators against FieldURI / ExtendedFieldURI values. Strings compare case-insensitively.
import { attr, child, elementChildren } from '../xml/safe-parse.js';
import { extendedKey } from './shape.js';
import { EwsResponseError, NS } from './soap.js';

/** Value of a property by FieldURI ('item:Subject') or extended key; undefined when not set. */
export type ValueOf = (uri: string) => string | string[] | undefined;

function fieldKey(el: Element | undefined): string {
  if (!el) throw new EwsResponseError('ErrorInvalidRestriction', 'Restriction contains an invalid search expression.');
  if (el.localName === 'ExtendedFieldURI') return extendedKey(el).key;
  return attr(el, 'FieldURI') ?? '';
}

function compare(a: string, b: string): number {
  const da = /^\d{4}-\d\d-\d\dT/.test(a) ? Date.parse(a) : NaN;
  const db = /^\d{4}-\d\d-\d\dT/.test(b) ? Date.parse(b) : NaN;
  if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  if (a !== '' && b !== '' && !Number.isNaN(Number(a)) && !Number.isNaN(Number(b))) return Number(a) - Number(b);
  return a.toLowerCase().localeCompare(b.toLowerCase());
}

const COMPARATORS: Record<string, (c: number) => boolean> = {
  IsEqualTo: (c) => c === 0,
  IsNotEqualTo: (c) => c !== 0,
  IsGreaterThan: (c) => c > 0,
  IsGreaterThanOrEqualTo: (c) => c >= 0,
  IsLessThan: (c) => c < 0,
  IsLessThanOrEqualTo: (c) => c <= 0,
};

function contains(value: string, constant: string, mode: string, comparison: string): boolean {
  const ci = comparison !== 'Exact';
  const v = ci ? value.toLowerCase() : value;
  const c = ci ? constant.toLowerCase() : constant;
  switch (mode) {
    case 'FullString':
      return v === c;
    case 'Prefixed':
      return v.startsWith(c);
    case 'PrefixOnWords':
      return v.split(/\s+/).some((w) => w.startsWith(c));
    default:
      return v.includes(c);
  }
}

export function evaluate(expr: Element, valueOf: ValueOf): boolean {
  const name = expr.localName;
  if (name === 'And') return elementChildren(expr).every((e) => evaluate(e, valueOf));
  if (name === 'Or') return elementChildren(expr).some((e) => evaluate(e, valueOf));
  if (name === 'Not') return !evaluate(elementChildren(expr)[0], valueOf);
  const [fieldEl, operand] = elementChildren(expr);
  const raw = valueOf(fieldKey(fieldEl));
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (name === 'Exists') return values.length > 0;
  if (name === 'Contains') {
    const constant = attr(child(expr, 'Constant', NS.t), 'Value') ?? '';
    return values.some((v) =>
      contains(v, constant, attr(expr, 'ContainmentMode') ?? 'Substring', attr(expr, 'ContainmentComparison') ?? 'IgnoreCase'),
    );
  }
  const cmp = COMPARATORS[name];
  if (!cmp) throw new EwsResponseError('ErrorUnsupportedQueryFilter', `The restriction ${name} is not supported.`);
  const inner = elementChildren(operand)[0];
  const other =
    inner?.localName === 'Constant'
      ? [attr(inner, 'Value') ?? '']
      : (() => {
          const r = valueOf(fieldKey(inner));
          return r === undefined ? [] : Array.isArray(r) ? r : [r];
        })();
  return values.some((v) => other.some((o) => cmp(compare(v, o))));
}

/** The single search expression inside <m:Restriction>, if any. */
export function restrictionOf(op: Element): Element | undefined {
  return elementChildren(child(op, 'Restriction', NS.m))[0];
}
