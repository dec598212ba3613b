import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, M, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const BERLIN =
  '<t:TimeZone><t:Bias>-60</t:Bias><t:StandardTime><t:Bias>0</t:Bias><t:Time>03:00:00</t:Time><t:DayOrder>5</t:DayOrder><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:StandardTime>' +
  '<t:DaylightTime><t:Bias>-60</t:Bias><t:Time>02:00:00</t:Time><t:DayOrder>5</t:DayOrder><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:DaylightTime></t:TimeZone>';

const request = (mailboxes: string[], view: string) =>
  `<m:GetUserAvailabilityRequest>${BERLIN}<m:MailboxDataArray>${mailboxes
    .map(
      (m) =>
        `<t:MailboxData><t:Email><t:Address>${m}</t:Address></t:Email><t:AttendeeType>Required</t:AttendeeType><t:ExcludeConflicts>false</t:ExcludeConflicts></t:MailboxData>`,
    )
    .join(
      '',
    )}</m:MailboxDataArray><t:FreeBusyViewOptions><t:TimeWindow><t:StartTime>2026-03-24T00:00:00</t:StartTime><t:EndTime>2026-03-26T00:00:00</t:EndTime></t:TimeWindow>` +
  `<t:MergedFreeBusyIntervalInMinutes>60</t:MergedFreeBusyIntervalInMinutes><t:RequestedView>${view}</t:RequestedView></t:FreeBusyViewOptions></m:GetUserAvailabilityRequest>`;

describe('EWS GetUserAvailability', () => {
  it('gives free/busy without details to a caller with default rights, local times in the request zone', async () => {
    const r = await soap(sim, request(['anna.schmidt@contoso.com', 'ghost@contoso.com'], 'DetailedMerged'), {
      user: 'svc-delegate@contoso.com',
    });
    expect(validateBody(r.body).errors).toBe('');
    const [anna, ghost] = all(r.doc, M, 'FreeBusyResponse');
    // svc-delegate is Reviewer on anna's calendar: details allowed.
    expect(textOf(anna, T, 'FreeBusyViewType')).toBe('DetailedMerged');
    const events = all(anna, T, 'CalendarEvent');
    const review = events.find((e) => textOf(e, T, 'Subject') === 'Projektbesprechung')!;
    expect(textOf(review, T, 'StartTime')).toBe('2026-03-24T09:00:00');
    const privateOne = events.find((e) => textOf(e, T, 'IsPrivate') === 'true')!;
    expect(first(privateOne, T, 'Subject')).toBeUndefined();
    expect(textOf(anna, T, 'MergedFreeBusy')).toHaveLength(48);
    expect(textOf(ghost, M, 'ResponseCode')).toBe('ErrorMailRecipientNotFound');

    const jan = await soap(sim, request(['jan.devries@contoso.com'], 'DetailedMerged'), { user: 'svc-delegate@contoso.com' });
    expect(textOf(jan.doc, T, 'FreeBusyViewType')).toBe('FreeBusyMerged');
    expect(first(jan.doc, T, 'CalendarEventDetails')).toBeUndefined();
    expect(all(jan.doc, T, 'CalendarEvent').length).toBeGreaterThan(0);
    expect(sim.counters.operation('GetUserAvailability')).toBe(2);
  });
});
