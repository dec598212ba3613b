import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, expectedEvents, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';
import { itemId } from '../../../src/sim/world/ids.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const getItem = (idsXml: string) =>
  `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds>${idsXml}</m:ItemIds></m:GetItem>`;

describe('EWS GetItem', () => {
  const week = () =>
    expectedEvents(sim.world, 'anna.schmidt@contoso.com', 'calendar', new Date('2026-03-23T00:00:00Z'), new Date('2026-03-30T00:00:00Z'));

  it('returns a recurring master with recurrence, modified and deleted occurrences', async () => {
    const occ = week().find((e) => e.subject === 'Team-Meeting (verschoben)')!;
    const r = await soap(sim, getItem(`<t:RecurringMasterItemId OccurrenceId="${occ.id}"/>`), { impersonate: 'anna.schmidt@contoso.com' });
    expect(responseCodes(r.doc)).toEqual(['NoError']);
    expect(validateBody(r.body).errors).toBe('');
    const item = first(r.doc, T, 'CalendarItem')!;
    expect(textOf(item, T, 'CalendarItemType')).toBe('RecurringMaster');
    expect(textOf(first(item, T, 'WeeklyRecurrence')!, T, 'DaysOfWeek')).toBe('Monday Wednesday');
    expect(textOf(first(item, T, 'NumberedRecurrence')!, T, 'NumberOfOccurrences')).toBe('104');
    const modified = all(first(item, T, 'ModifiedOccurrences')!, T, 'Occurrence');
    expect(modified.map((o) => textOf(o, T, 'OriginalStart'))).toContain('2026-03-25T09:00:00Z');
    const deleted = all(first(item, T, 'DeletedOccurrences')!, T, 'Start').map((e) => e.textContent);
    expect(deleted).toContain('2026-03-23T09:00:00Z');
    expect(first(item, T, 'StartTimeZone')!.getAttribute('Id')).toBe('W. Europe Standard Time');
    expect(all(first(item, T, 'StartTimeZone')!, T, 'Period')).toHaveLength(2);
    // GetItem gives the organizer's SMTP address and the attendees.
    expect(textOf(first(item, T, 'Organizer')!, T, 'EmailAddress')).toBe('anna.schmidt@contoso.com');
    expect(all(first(item, T, 'RequiredAttendees')!, T, 'Attendee').length).toBeGreaterThan(1);
  });

  it('returns occurrences by id and by instance index, and reports deleted ones', async () => {
    const standup = week().find((e) => e.subject === 'Daily Stand-up')!;
    const r = await soap(
      sim,
      getItem(
        `<t:ItemId Id="${standup.id}"/><t:OccurrenceItemId RecurringMasterId="${standup.seriesId}" InstanceIndex="18"/><t:OccurrenceItemId RecurringMasterId="${standup.seriesId}" InstanceIndex="999"/>`,
      ),
      { impersonate: 'anna.schmidt@contoso.com' },
    );
    expect(validateBody(r.body).errors).toBe('');
    // Day 18 of the series (from 2026-03-09) is 2026-03-26, which the seed deleted.
    expect(responseCodes(r.doc)).toEqual([
      'NoError',
      'ErrorCalendarOccurrenceIsDeletedFromRecurrence',
      'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange',
    ]);
    expect(textOf(first(r.doc, T, 'CalendarItem')!, T, 'CalendarItemType')).toBe('Occurrence');
  });

  it('answers unknown and malformed ids per item', async () => {
    const r = await soap(sim, getItem(`<t:ItemId Id="${itemId('anna.schmidt@contoso.com', 99999)}"/><t:ItemId Id="!!"/>`), {
      impersonate: 'anna.schmidt@contoso.com',
    });
    expect(responseCodes(r.doc)).toEqual(['ErrorItemNotFound', 'ErrorInvalidIdMalformed']);
    expect(validateBody(r.body).errors).toBe('');
  });
});

describe('EWS ConvertId', () => {
  it('round-trips an item id through HexEntryId', async () => {
    const ev = [...sim.world.events.values()].find((e) => e.mailbox === 'alice.smith@contoso.com')!;
    const toHex = await soap(
      sim,
      `<m:ConvertId DestinationFormat="HexEntryId"><m:SourceIds><t:AlternateId Format="EwsId" Id="${ev.id}" Mailbox="alice.smith@contoso.com"/></m:SourceIds></m:ConvertId>`,
    );
    expect(validateBody(toHex.body).errors).toBe('');
    const hex = first(toHex.doc, 'http://schemas.microsoft.com/exchange/services/2006/messages', 'AlternateId')!.getAttribute('Id')!;
    expect(hex).toMatch(/^[0-9A-F]+$/);
    const back = await soap(
      sim,
      `<m:ConvertId DestinationFormat="EwsId"><m:SourceIds><t:AlternateId Format="HexEntryId" Id="${hex}" Mailbox="alice.smith@contoso.com"/></m:SourceIds></m:ConvertId>`,
    );
    expect(first(back.doc, 'http://schemas.microsoft.com/exchange/services/2006/messages', 'AlternateId')!.getAttribute('Id')).toBe(ev.id);
    const bad = await soap(
      sim,
      `<m:ConvertId DestinationFormat="EwsId"><m:SourceIds><t:AlternateId Format="HexEntryId" Id="ZZ" Mailbox="a@b.c"/></m:SourceIds></m:ConvertId>`,
    );
    expect(responseCodes(bad.doc)).toEqual(['ErrorInvalidIdMalformed']);
  });
});
