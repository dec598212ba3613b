import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, expectedEvents, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, M, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 5 });
});
afterAll(() => sim.stop());

const from = '2026-03-23T00:00:00Z';
const to = '2026-04-06T00:00:00Z';
const calendarView = (max?: number, shape = 'AllProperties', extra = '') =>
  `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>${shape}</t:BaseShape>${extra}</m:ItemShape>` +
  `<m:CalendarView ${max ? `MaxEntriesReturned="${max}" ` : ''}StartDate="${from}" EndDate="${to}"/>` +
  `<m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`;

describe('EWS FindItem', () => {
  it('expands the calendar view exactly like expectedEvents', async () => {
    const r = await soap(sim, calendarView(), { impersonate: 'anna.schmidt@contoso.com' });
    expect(responseCodes(r.doc)).toEqual(['NoError']);
    expect(validateBody(r.body).errors).toBe('');
    const items = all(r.doc, T, 'CalendarItem');
    const expected = expectedEvents(sim.world, 'anna.schmidt@contoso.com', 'calendar', new Date(from), new Date(to));
    expect(items.map((i) => textOf(i, T, 'Subject'))).toEqual(expected.map((e) => e.subject));
    const moved = items.find((i) => textOf(i, T, 'Subject') === 'Team-Meeting (verschoben)')!;
    expect(textOf(moved, T, 'CalendarItemType')).toBe('Exception');
    expect(textOf(moved, T, 'Start')).toBe('2026-03-25T13:00:00Z');
    expect(textOf(moved, T, 'RecurrenceId')).toBe('2026-03-25T09:00:00Z');
    // FindItem gives an internal organizer as legacy DN with routing type EX (GetItem gives SMTP).
    const organizer = first(moved, T, 'Organizer')!;
    expect(textOf(organizer, T, 'RoutingType')).toBe('EX');
    expect(textOf(organizer, T, 'EmailAddress')).toMatch(
      /^\/O=CONTOSO\/OU=EXCHANGE ADMINISTRATIVE GROUP \(FYDIBOHF23SPDLT\)\/CN=RECIPIENTS\/CN=ANNA\.SCHMIDT$/,
    );
    const allDay = items.find((i) => textOf(i, T, 'Subject') === 'Urlaub')!;
    expect(textOf(allDay, T, 'IsAllDayEvent')).toBe('true');
    expect(textOf(allDay, T, 'Start')).toBe('2026-03-29T22:00:00Z'); // local midnight CEST
    expect(textOf(allDay, T, 'Sensitivity')).toBe('Private');
  });

  it('caps at MaxEntriesReturned with IncludesLastItemInRange=false', async () => {
    const r = await soap(sim, calendarView(3), { impersonate: 'anna.schmidt@contoso.com' });
    const root = first(r.doc, M, 'RootFolder')!;
    expect(root.getAttribute('IncludesLastItemInRange')).toBe('false');
    expect(all(r.doc, T, 'CalendarItem')).toHaveLength(3);
    expect(Number(root.getAttribute('TotalItemsInView'))).toBeGreaterThan(3);
  });

  it('refuses properties FindItem cannot return', async () => {
    const r = await soap(
      sim,
      calendarView(undefined, 'IdOnly', '<t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties>'),
      {
        impersonate: 'anna.schmidt@contoso.com',
      },
    );
    expect(responseCodes(r.doc)).toEqual(['ErrorInvalidPropertyRequest']);
    expect(validateBody(r.body).errors).toBe('');
  });

  it('rejects calendar views over two years', async () => {
    const body = calendarView().replace(to, '2029-01-01T00:00:00Z');
    const r = await soap(sim, body, { impersonate: 'anna.schmidt@contoso.com' });
    expect(responseCodes(r.doc)).toEqual(['ErrorCalendarViewRangeTooBig']);
  });

  it('pages masters and singles with IndexedPageItemView', async () => {
    const page = (offset: number) =>
      soap(
        sim,
        `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="calendar:CalendarItemType"/></t:AdditionalProperties></m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="10" Offset="${offset}" BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`,
        { impersonate: 'alice.smith@contoso.com' },
      );
    const p1 = await page(0);
    expect(validateBody(p1.body).errors).toBe('');
    const root = first(p1.doc, M, 'RootFolder')!;
    const total = Number(root.getAttribute('TotalItemsInView'));
    expect(root.getAttribute('IndexedPagingOffset')).toBe('10');
    const p2 = await page(10);
    const ids = [...all(p1.doc, T, 'ItemId'), ...all(p2.doc, T, 'ItemId')].map((e) => e.getAttribute('Id'));
    expect(new Set(ids).size).toBe(Math.min(20, total));
    expect(all(p1.doc, T, 'CalendarItemType').map((e) => e.textContent)).toContain('RecurringMaster');
  });
});
