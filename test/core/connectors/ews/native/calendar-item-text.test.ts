// CalendarItems read straight from the text (calendar-item-text.ts) must come out exactly as the scanner's events
// make them (CalendarItemReader without the shortcut): the same tree with the same item values, or the same error,
// on every recorded answer and on random mutations of them and of a page in the simulator's shape.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALENDAR_ITEMS, CalendarItemReader } from '../../../../../src/core/connectors/ews/native/calendar-item-reader.js';
import { readCalendarItemText } from '../../../../../src/core/connectors/ews/native/calendar-item-text.js';
import { descendants, parseXml, type XmlCaptures } from '../../../../../src/core/connectors/ews/xml/safe-xml.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'ews');
const SCANNED: XmlCaptures = new Map([['CalendarItem', () => new CalendarItemReader(false)]]);

/** What parsing makes of a text: the tree (with the items' values) or the error's class and message. */
function outcome(xml: string, captures: XmlCaptures, maxDepth?: number): unknown {
  try {
    return { tree: parseXml(xml, maxDepth ? { maxDepth } : undefined, captures) };
  } catch (e) {
    return { error: (e as Error).constructor.name, message: (e as Error).message };
  }
}

const same = (xml: string, maxDepth?: number) => expect(outcome(xml, CALENDAR_ITEMS, maxDepth)).toEqual(outcome(xml, SCANNED, maxDepth));

/** How many CalendarItems of a text the shortcut reads. */
function readFromText(xml: string): number {
  let n = 0;
  for (const m of xml.matchAll(/<((?:\w+:)?CalendarItem)>/g))
    if (readCalendarItemText(xml, m.index + m[0].length, m[1], 10, { id: '' }) >= 0) n++;
  return n;
}

const page = (items: string) =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
  `<m:FindItemResponse xmlns:m="m" xmlns:t="t"><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success">` +
  `<m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="3" IncludesLastItemInRange="true"><t:Items>${items}` +
  `</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>`;

const organizer = (name: string, email: string, type: string) =>
  `<t:Organizer><t:Mailbox><t:Name>${name}</t:Name><t:EmailAddress>${email}</t:EmailAddress><t:RoutingType>${type}</t:RoutingType></t:Mailbox></t:Organizer>`;

/** Three items in the shape the simulator and Exchange send for Calpump's FindItem: every property it asks for. */
const SIM_PAGE = page(
  `<t:CalendarItem><t:ItemId Id="AAA1" ChangeKey="CK1"/><t:Subject>R&amp;D &lt;weekly&gt; &#x263A;</t:Subject><t:Sensitivity>Normal</t:Sensitivity>` +
    `<t:Categories><t:String>Blue category</t:String><t:String>a&amp;b</t:String></t:Categories><t:LastModifiedTime>2025-11-09T00:00:00Z</t:LastModifiedTime>` +
    `<t:UID>040000008200E00074C5B7101A82E008</t:UID><t:RecurrenceId>2026-01-05T11:00:00Z</t:RecurrenceId><t:Start>2026-01-05T11:00:00Z</t:Start>` +
    `<t:End>2026-01-05T11:30:00Z</t:End><t:OriginalStart>2026-01-05T11:00:00Z</t:OriginalStart><t:IsAllDayEvent>false</t:IsAllDayEvent>` +
    `<t:LegacyFreeBusyStatus>Busy</t:LegacyFreeBusyStatus><t:Location>Kantine</t:Location><t:IsCancelled>false</t:IsCancelled>` +
    `<t:CalendarItemType>Occurrence</t:CalendarItemType>${organizer('Anna', '/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=ANNA', 'EX')}` +
    `<t:StartTimeZoneId>W. Europe Standard Time</t:StartTimeZoneId></t:CalendarItem>` +
    `<t:CalendarItem><t:ItemId Id="AAA2" ChangeKey="CK2"/><t:Subject>Urlaub</t:Subject><t:Sensitivity>Private</t:Sensitivity><t:Categories/>` +
    `<t:UID>U2</t:UID><t:Start>2026-01-03T00:00:00Z</t:Start><t:End>2026-01-05T00:00:00Z</t:End><t:IsAllDayEvent>true</t:IsAllDayEvent>` +
    `<t:LegacyFreeBusyStatus>OOF</t:LegacyFreeBusyStatus><t:Location/><t:IsCancelled>true</t:IsCancelled><t:CalendarItemType>Single</t:CalendarItemType>` +
    `<t:Organizer><t:Mailbox><t:Name>Jan</t:Name><t:EmailAddress>jan@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType>` +
    `<t:MailboxType>Mailbox</t:MailboxType></t:Mailbox></t:Organizer><t:StartTimeZoneId/></t:CalendarItem>` +
    `<t:CalendarItem><t:ItemId Id="AAA3"/><t:Start>2026-01-06T08:00:00Z</t:Start><t:End>2026-01-06T09:00:00Z</t:End>` +
    `<t:Organizer><t:Mailbox></t:Mailbox></t:Organizer></t:CalendarItem>`,
);

/** Deterministic pseudo-random numbers (mulberry32), so a failure names a reproducible seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '<',
  '>',
  '/',
  '"',
  "'",
  '&',
  ';',
  ' ',
  '\n',
  ':',
  '=',
  'x',
  't:',
  '&amp;',
  '&e;',
  '&#x41;',
  '&#0;',
  '<!---->',
  '<![CDATA[c]]>',
  '<!DOCTYPE x>',
  '<t:String/>',
  '<t:X/>',
  '</t:Subject>',
  '<t:Subject>',
  '/>',
  'Id="q"',
  ' ChangeKey="&"',
];

/** One random edit: a character or range removed, a snippet inserted, a range repeated or two ranges swapped. */
function mutate(xml: string, next: () => number): string {
  const at = Math.floor(next() * xml.length);
  const len = 1 + Math.floor(next() * 12);
  switch (Math.floor(next() * 5)) {
    case 0:
      return xml.slice(0, at) + xml.slice(at + 1);
    case 1:
      return xml.slice(0, at) + xml.slice(at + len);
    case 2:
      return xml.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + xml.slice(at);
    case 3:
      return xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at);
    default: {
      const other = Math.floor(next() * xml.length);
      return xml.slice(0, at) + xml.slice(other, other + len) + xml.slice(at + len);
    }
  }
}

const recorded = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')] as const);

describe('CalendarItems read straight from the text', () => {
  it('reads the usual shapes: recorded FindItem and GetItem answers and the simulator’s page', () => {
    expect(readFromText(SIM_PAGE)).toBe(3);
    const read = recorded.filter(([, xml]) => readFromText(xml) > 0).map(([f]) => f);
    expect(read).toEqual(
      expect.arrayContaining([
        'find-item-calendarview-2019.xml',
        'find-item-view-page2-default-ns-2016.xml',
        'get-item-master-uid-2019.xml',
      ]),
    );
    // Shapes it leaves to the scanner still come out whole (attendees, bodies, recurrence).
    expect(readFromText(recorded.find(([f]) => f === 'get-item-series-recurrence-2019.xml')![1])).toBe(0);
  });

  it.each(recorded)('%s: same tree or same error as the scanner’s events', (_f, xml) => {
    same(xml);
  });

  it('the simulator’s page: same items, and every property read', () => {
    same(SIM_PAGE);
    const items = descendants(parseXml(SIM_PAGE, undefined, CALENDAR_ITEMS), 'CalendarItem').map((n) => n.value);
    expect(items[0]).toMatchObject({
      id: 'AAA1',
      subject: 'R&D <weekly> ☺',
      categories: ['Blue category', 'a&b'],
      timeZoneId: 'W. Europe Standard Time',
    });
    expect(items[1]).toMatchObject({
      categories: [],
      location: '',
      isCancelled: true,
      organizer: { name: 'Jan', email: 'jan@contoso.com', routingType: 'SMTP' },
    });
    expect(items[2]).toEqual({ id: 'AAA3', start: '2026-01-06T08:00:00.000Z', end: '2026-01-06T09:00:00.000Z', organizer: {} });
  });

  it('keeps the depth limit: an item too deep for its organizer is left to the scanner', () => {
    for (let depth = 6; depth <= 12; depth++) same(SIM_PAGE, depth);
  });

  it('random mutations of every answer with CalendarItems: same tree or same error', () => {
    const bases = [SIM_PAGE, ...recorded.filter(([, xml]) => readFromText(xml) > 0).map(([, xml]) => xml)];
    const next = random(20261207);
    let read = 0;
    for (let i = 0; i < 6000; i++) {
      let xml = bases[i % bases.length];
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) xml = mutate(xml, next);
      if (readFromText(xml) > 0) read++;
      const fast = outcome(xml, CALENDAR_ITEMS);
      const scanned = outcome(xml, SCANNED);
      if (JSON.stringify(fast) !== JSON.stringify(scanned)) expect({ i, xml, fast }).toEqual({ i, xml, fast: scanned });
    }
    // Most mutations leave some item in the usual shape: the shortcut was exercised, not only the scanner.
    expect(read).toBeGreaterThan(3000);
  });
});
