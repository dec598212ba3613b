// The streaming CalendarItem reader must say exactly what the tree reader says, for every recorded Exchange
// answer we carry and for the awkward shapes (entities, CDATA, empty and unknown elements, attendees), and the
// scanner's refusals (DTD, entity, depth) must hold with captures too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALENDAR_ITEMS } from '../../../../../src/core/connectors/ews/native/calendar-item-reader.js';
import { calendarItemOf, itemIdOf, readCalendarItem } from '../../../../../src/core/connectors/ews/native/calendar-item.js';
import { descendants, parseXml, XmlTooDeepError, XmlUnsafeError } from '../../../../../src/core/connectors/ews/xml/safe-xml.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'ews');

/** Items as the tree reader sees them, in document order. */
function viaTree(xml: string) {
  return descendants(parseXml(xml), 'CalendarItem').map(readCalendarItem);
}

/** Items as the capture delivers them: leaf nodes in place, each with its value. */
function viaCapture(xml: string) {
  const nodes = descendants(parseXml(xml, undefined, CALENDAR_ITEMS), 'CalendarItem');
  for (const n of nodes) expect(n.children).toHaveLength(0);
  return nodes.map((n) => n.value);
}

const wrap = (items: string) =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
  `<m:FindItemResponse xmlns:m="m" xmlns:t="t"><m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success">` +
  `<m:ResponseCode>NoError</m:ResponseCode><m:RootFolder TotalItemsInView="1" IncludesLastItemInRange="true"><t:Items>${items}` +
  `</t:Items></m:RootFolder></m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>`;

describe('CalendarItemReader', () => {
  const recorded = readdirSync(FIXTURES).filter((f) => {
    if (!f.endsWith('.xml')) return false;
    const xml = readFileSync(join(FIXTURES, f), 'utf8');
    if (!xml.includes('CalendarItem>')) return false;
    try {
      parseXml(xml);
      return true;
    } catch {
      return false; // truncated/hostile fixtures are for the refusal tests
    }
  });

  it('covers the recorded answers', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(10);
  });

  it.each(recorded)('%s: same items as the tree reader', (name) => {
    const xml = readFileSync(join(FIXTURES, name), 'utf8');
    const tree = viaTree(xml);
    expect(tree.length).toBeGreaterThan(0);
    expect(viaCapture(xml)).toEqual(tree);
  });

  it('reads entities, CDATA, empty and unknown elements, categories, zones and attendees as the tree reader does', () => {
    const xml = wrap(
      `<t:CalendarItem><t:ItemId Id="A&amp;1" ChangeKey="x"/><t:Subject>R&amp;D &lt;weekly&gt; &#x263A;</t:Subject>` +
        `<t:Body BodyType="Text"><![CDATA[<b>not markup</b>]]> and more</t:Body><t:Categories><t:String>Blue</t:String><t:String/></t:Categories>` +
        `<t:Start>2026-03-02T09:00:00Z</t:Start><t:End>2026-03-02T10:00:00.5+01:00</t:End><t:Location/>` +
        `<t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Monday</t:DaysOfWeek></t:WeeklyRecurrence></t:Recurrence>` +
        `<t:ExtendedProperty><t:ExtendedFieldURI PropertyTag="0x1234" PropertyType="String"/><t:Value>x</t:Value></t:ExtendedProperty>` +
        `<t:IsAllDayEvent>false</t:IsAllDayEvent><t:LegacyFreeBusyStatus>Busy</t:LegacyFreeBusyStatus><t:CalendarItemType>Occurrence</t:CalendarItemType>` +
        `<t:Organizer><t:Mailbox><t:Name>Anna</t:Name><t:EmailAddress>/o=Contoso/cn=anna</t:EmailAddress><t:RoutingType>EX</t:RoutingType></t:Mailbox></t:Organizer>` +
        `<t:RequiredAttendees><t:Attendee><t:Mailbox><t:Name>Jan</t:Name><t:EmailAddress>jan@contoso.com</t:EmailAddress></t:Mailbox>` +
        `<t:ResponseType>Accept</t:ResponseType></t:Attendee><t:Attendee><t:ResponseType>Decline</t:ResponseType><t:Mailbox><t:Name>Bob</t:Name></t:Mailbox></t:Attendee></t:RequiredAttendees>` +
        `<t:OptionalAttendees/><t:Resources><t:Attendee><t:Mailbox><t:EmailAddress>room@contoso.com</t:EmailAddress></t:Mailbox></t:Attendee></t:Resources>` +
        `<t:StartTimeZone Id="W. Europe Standard Time" Name="(UTC+01:00) Amsterdam"><t:Periods/></t:StartTimeZone><t:UID>U1</t:UID></t:CalendarItem>` +
        `<t:Message><t:Subject>not a calendar item</t:Subject></t:Message>` +
        `<t:CalendarItem><t:ItemId Id="B"/><t:StartTimeZoneId>Pacific Standard Time</t:StartTimeZoneId><t:IsCancelled>true</t:IsCancelled></t:CalendarItem>`,
    );
    const tree = viaTree(xml);
    expect(tree).toHaveLength(2);
    expect(viaCapture(xml)).toEqual(tree);
    // Captured items keep their place among the other item kinds, which stay trees.
    const nodes = descendants(parseXml(xml, undefined, CALENDAR_ITEMS), 'Items')[0].children;
    expect(nodes.map((n) => n.name)).toEqual(['CalendarItem', 'Message', 'CalendarItem']);
    expect(nodes.map(itemIdOf)).toEqual(['A&1', undefined, 'B']);
    expect(nodes[1].children.map((n) => n.name)).toEqual(['Subject']);
    const items = [nodes[0], nodes[2]].map(calendarItemOf);
    expect(items[0].subject).toBe('R&D <weekly> ☺');
    expect(items[0].body).toBe('<b>not markup</b> and more');
    expect(items[0].required).toEqual([
      { name: 'Jan', email: 'jan@contoso.com', response: 'Accept' },
      { name: 'Bob', response: 'Decline' },
    ]);
  });

  it('keeps the scanner’s refusals: DTD, undeclared entity, nesting depth', () => {
    expect(() => parseXml(`<!DOCTYPE x [<!ENTITY e "boom">]>${wrap('<t:CalendarItem/>')}`, undefined, CALENDAR_ITEMS)).toThrow(
      XmlUnsafeError,
    );
    expect(() => parseXml(wrap('<t:CalendarItem><t:Subject>&e;</t:Subject></t:CalendarItem>'), undefined, CALENDAR_ITEMS)).toThrow(
      XmlUnsafeError,
    );
    const deep = `${'<t:x>'.repeat(200)}${'</t:x>'.repeat(200)}`;
    expect(() => parseXml(wrap(`<t:CalendarItem>${deep}</t:CalendarItem>`), undefined, CALENDAR_ITEMS)).toThrow(XmlTooDeepError);
  });
});
