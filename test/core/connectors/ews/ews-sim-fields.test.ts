// A field selection on the EWS read path, counted at the simulator: FindItem carries only the properties the
// fields need, no ResolveNames without organizer, no series-master GetItem without seriesId, no GetItem pass
// without attendees or body — and the fields that were asked for still equal the truth. Requests stay valid
// against Microsoft's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../../../src/core/connectors/ews/index.js';
import { expectedEvents, startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import type { EventField } from '../../../../src/shared/event-fields.js';
import { validateEwsRequests } from '../../../support/ews-schema.js';
import { ANCHOR, collect, simConnector } from './sim-helpers.js';

const ANNA = 'anna.schmidt@contoso.com';
const NAIVE: EventField[] = ['id', 'uid', 'originalStart', 'subject', 'start', 'end', 'location', 'isAllDay'];

/** The FieldURIs of a FindItem request body. */
const fieldUris = (body: string) => [...body.matchAll(/FieldURI="([^"]+)"/g)].map((m) => m[1]).sort();

describe('EWS read with a field selection', () => {
  let sim: RunningSimulator;
  const requests: RecordedRequest[] = [];
  const day = (n: number) => new Date(Date.parse(sim.world.anchor) + n * 86_400_000);
  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, anchor: ANCHOR });
  });
  afterAll(async () => sim?.stop());

  const read = async (opts: Parameters<ReturnType<typeof simConnector>['connector']['calendarView']>[4]) => {
    requests.length = 0;
    const { connector } = simConnector(sim, {}, { recorder: (r) => requests.push(r) });
    sim.counters.reset();
    try {
      return await collect(connector.calendarView(ANNA, 'calendar', day(-60), day(60), opts));
    } finally {
      await connector.close();
    }
  };

  it('times, subject and location: one FindItem with only their properties, no ResolveNames, no GetItem', async () => {
    const got = await read({ includeAttendees: false, fields: NAIVE });
    const want = expectedEvents(sim.world, ANNA, 'calendar', day(-60), day(60));
    expect(got.length).toBe(want.length);
    const pick = (e: {
      iCalUId: string;
      originalStart?: string;
      subject: string;
      start: string;
      end: string;
      location: string;
      isAllDay: boolean;
    }) => `${e.iCalUId}|${e.originalStart ?? ''}|${e.subject}|${e.start}|${e.end}|${e.location}|${e.isAllDay}`;
    expect(got.map(pick).sort()).toEqual(want.map(pick).sort());
    // The series masters and organizers were never asked for.
    expect(got.some((e) => e.seriesId || e.organizer)).toBe(false);
    expect(sim.counters.operation('FindItem')).toBe(1);
    expect(sim.counters.operation('ResolveNames')).toBe(0);
    expect(sim.counters.operation('GetItem')).toBe(0);
    const find = requests.filter((r) => r.operation === 'FindItem');
    expect(fieldUris(find[0].body)).toEqual(
      [
        'calendar:UID',
        'calendar:RecurrenceId',
        'calendar:Start',
        'calendar:End',
        'calendar:OriginalStart',
        'calendar:IsAllDayEvent',
        'calendar:CalendarItemType',
        'calendar:StartTimeZoneId',
        'item:Subject',
        'calendar:Location',
      ].sort(),
    );
    expect(await validateEwsRequests(requests)).toEqual([]);
  });

  it('with seriesId: the series-master GetItem comes back, still no ResolveNames', async () => {
    const got = await read({ includeAttendees: false, fields: [...NAIVE, 'seriesId'] });
    expect(got.filter((e) => e.originalStart).every((e) => e.seriesId)).toBe(true);
    expect(sim.counters.operation('GetItem')).toBeGreaterThan(0);
    expect(sim.counters.operation('ResolveNames')).toBe(0);
  });

  it('with organizer: organizers are resolved to SMTP addresses as before', async () => {
    const got = await read({ includeAttendees: false, fields: [...NAIVE, 'organizer'] });
    expect(got.some((e) => e.organizer?.email?.endsWith('@contoso.com'))).toBe(true);
    expect(sim.counters.operation('ResolveNames')).toBeGreaterThan(0);
    expect(fieldUris(requests.find((r) => r.operation === 'FindItem')!.body)).toContain('calendar:Organizer');
  });

  it('attendees asked for by the option but not selected: no GetItem pass', async () => {
    await read({ includeAttendees: true, fields: NAIVE });
    expect(sim.counters.operation('GetItem')).toBe(0);
    await read({ includeAttendees: true, fields: [...NAIVE, 'attendees'] });
    const getItems = requests.filter((r) => r.operation === 'GetItem').map((r) => fieldUris(r.body));
    expect(getItems.some((uris) => uris.includes('calendar:RequiredAttendees'))).toBe(true);
    // The organizer is not selected: GetItem does not ask for it either.
    expect(getItems.some((uris) => uris.includes('calendar:Organizer'))).toBe(false);
  });
});
