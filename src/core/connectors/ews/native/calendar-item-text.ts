// Reads the content of one <t:CalendarItem> straight from the answer's text when it has the shape Exchange sends
// for FindItem and GetItem (ItemId with Id and ChangeKey, the text-only properties in schema order, Categories'
// strings, the organizer's one mailbox, every element with the item's own prefix): one sticky regular expression
// per prefix matches the whole item, so the scanner makes no events, attribute maps or element objects for it.
// Anything else (an element it does not know, another order, attributes, CDATA, a comment, whitespace, a
// self-closing property) fails the match and the scanner reads the item as before. What the pattern accepts the
// scanner accepts too, and it is read as CalendarItemReader reads it (the same readTextProperty, in document
// order); everything the scanner refuses is still refused by the scanner.
import { decodeXmlText } from '../xml/scan-xml.js';
import { readTextProperty, type CalendarItemData, type MailboxData } from './calendar-item.js';

/** The text-only properties before Categories, between Categories and Organizer, and after Organizer. */
const HEAD = ['Subject', 'Sensitivity'];
const MIDDLE = [
  'LastModifiedTime',
  'UID',
  'RecurrenceId',
  'Start',
  'End',
  'OriginalStart',
  'IsAllDayEvent',
  'LegacyFreeBusyStatus',
  'Location',
  'IsCancelled',
  'CalendarItemType',
];
const TAIL = ['StartTimeZoneId'];

// Match groups: 1 Id, then HEAD, then Categories' content (two, as a text-only element's), then MIDDLE, then the organizer's presence, Name,
// EmailAddress, RoutingType, then TAIL. Each text-only element has two: its text, or '' when it is written empty
// (<t:Location/>).
const ID = 1;
const FIRST_HEAD = 2;
const CATEGORIES = FIRST_HEAD + 2 * HEAD.length;
const FIRST_MIDDLE = CATEGORIES + 2;
const ORGANIZER = FIRST_MIDDLE + 2 * MIDDLE.length;
const FIRST_TAIL = ORGANIZER + 7;

const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

interface Shape {
  /** The whole item's content and its end tag, sticky. */
  item: RegExp;
  /** One category string, global (run over Categories' content). */
  string: RegExp;
}

function shapeFor(qname: string): Shape {
  const p = escape(qname.slice(0, qname.length - 'CalendarItem'.length));
  const text = (name: string) => `(?:<${p}${name}(?:>([^<]*)</${p}${name}>|/()>))?`;
  const item =
    `(?:<${p}ItemId Id="([^"&]*)"(?: ChangeKey="[^"&]*")?/>)?` +
    // Sent by some servers without being asked for; nothing reads them.
    `(?:<${p}ParentFolderId Id="[^"&]*" ChangeKey="[^"&]*"/>)?(?:<${p}ItemClass>[^<&]*</${p}ItemClass>)?` +
    HEAD.map(text).join('') +
    `(?:<${p}Categories(?:>((?:<${p}String>[^<]*</${p}String>)*)</${p}Categories>|/()>))?` +
    MIDDLE.map(text).join('') +
    `(?:<${p}Organizer><${p}Mailbox>()${text('Name')}${text('EmailAddress')}${text('RoutingType')}` +
    `(?:<${p}MailboxType>[^<&]*</${p}MailboxType>)?</${p}Mailbox></${p}Organizer>)?` +
    TAIL.map(text).join('') +
    `</${escape(qname)}>`;
  return { item: new RegExp(item, 'y'), string: new RegExp(`<${p}String>([^<]*)</${p}String>`, 'g') };
}

const shapes = new Map<string, Shape | null>();
/** Prefixes are few (t:, a default namespace); a hostile answer inventing more only loses the shortcut. */
const MAX_PREFIXES = 16;

const decoded = (t: string) => (t.indexOf('&') < 0 ? t : decodeXmlText(t));

/** A text-only element's decoded text from its two groups at g; undefined when it is absent. */
const textAt = (m: RegExpExecArray, g: number) => (m[g] !== undefined ? decoded(m[g]) : m[g + 1]);

function setText(d: CalendarItemData, names: readonly string[], m: RegExpExecArray, first: number): void {
  for (let k = 0; k < names.length; k++) {
    const t = textAt(m, first + 2 * k);
    if (t !== undefined) readTextProperty(d, names[k], t);
  }
}

/**
 * Reads the content of a CalendarItem element whose start tag (named `qname`, as written) ends just before `from`
 * into `d`, up to and including its end tag. Returns the offset after the end tag, or -1 when the content is not in
 * the shape read here (d is then unusable). `levels`: how many levels may still nest (the scanner's depth limit);
 * the organizer's fields need three.
 */
export function readCalendarItemText(text: string, from: number, qname: string, levels: number, d: CalendarItemData): number {
  if (levels < 3) return -1;
  let shape = shapes.get(qname);
  if (shape === undefined) {
    shape = shapes.size < MAX_PREFIXES && qname.endsWith('CalendarItem') ? shapeFor(qname) : null;
    if (shape !== null) shapes.set(qname, shape);
  }
  if (shape === null) return -1;
  shape.item.lastIndex = from;
  const m = shape.item.exec(text);
  if (m === null) return -1;
  try {
    // Document order, as the scanner's events would set them.
    if (m[ID] !== undefined) d.id = m[ID];
    setText(d, HEAD, m, FIRST_HEAD);
    const categories = m[CATEGORIES] ?? m[CATEGORIES + 1];
    if (categories !== undefined) {
      const list: string[] = [];
      const strings = shape.string;
      strings.lastIndex = 0;
      for (let s = strings.exec(categories); s !== null; s = strings.exec(categories)) list.push(decoded(s[1]));
      d.categories = list;
    }
    setText(d, MIDDLE, m, FIRST_MIDDLE);
    if (m[ORGANIZER] !== undefined) {
      const mb: MailboxData = {};
      const name = textAt(m, ORGANIZER + 1);
      if (name !== undefined) mb.name = name;
      const email = textAt(m, ORGANIZER + 3);
      if (email !== undefined) mb.email = email;
      const routingType = textAt(m, ORGANIZER + 5);
      if (routingType !== undefined) mb.routingType = routingType;
      d.organizer = mb;
    }
    setText(d, TAIL, m, FIRST_TAIL);
  } catch {
    // An entity decodeXmlText refuses: the scanner meets it again and reports it.
    return -1;
  }
  return shape.item.lastIndex;
}
