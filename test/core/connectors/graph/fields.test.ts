// A field selection on the Graph read path: $select names only what places an event and the selected fields'
// properties (attendees and body only when their options let them through), a page in Graph's own shape maps
// with those fields, and against the simulator the selected fields still equal the truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../../../src/core/auth/http-send.js';
import { createGraphConnector } from '../../../../src/core/connectors/graph/index.js';
import { calendarSelect } from '../../../../src/core/connectors/graph/operations/calendar-view.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { expectedEvents } from '../../../../src/sim/world/expected.js';
import { collect, simGraphConnector, simGraphProfile, fixedTokens } from './support.js';

const PLACE = 'id,iCalUId,start,end,originalStart,originalStartTimeZone,isAllDay,type,seriesMasterId';

describe('Graph $select for a field selection', () => {
  it('names the placing properties and the selected fields’ only', () => {
    expect(calendarSelect({ fields: ['uid', 'subject', 'start', 'end', 'location', 'isAllDay'] })).toBe(`${PLACE},subject,location`);
    expect(calendarSelect({ fields: ['start', 'organizer', 'lastModified'] })).toBe(`${PLACE},organizer,lastModifiedDateTime`);
    expect(calendarSelect({ fields: ['attendees', 'body'], includeAttendees: false })).toBe(PLACE);
    expect(calendarSelect({ fields: ['attendees', 'body'], includeBody: true })).toBe(`${PLACE},attendees,body`);
    expect(calendarSelect({ includeAttendees: false })).not.toContain('attendees');
    expect(calendarSelect({})).toContain('organizer');
  });

  it('asks Graph with that $select and maps its answer (real Graph shape)', async () => {
    const requests: HttpRequest[] = [];
    const http = async (req: HttpRequest): Promise<HttpResponse> => {
      requests.push(req);
      return {
        status: 200,
        headers: { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8' },
        body: JSON.stringify({
          '@odata.context':
            "https://graph.microsoft.com/v1.0/$metadata#users('room1%40contoso.com')/calendar/calendarView(id,iCalUId,subject)",
          value: [
            {
              '@odata.etag': 'W/"DwAAABYAAAB0Dm8nFYz3TIt5Q6l4lqMGAABvyMXi"',
              id: 'AAMkAGI2TG93AAA=',
              iCalUId: '040000008200E00074C5B7101A82E00800000000D0AE4A2B3F5BDC01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90',
              subject: 'Board meeting',
              isAllDay: false,
              type: 'singleInstance',
              seriesMasterId: null,
              originalStartTimeZone: 'W. Europe Standard Time',
              start: { dateTime: '2026-11-25T09:00:00.0000000', timeZone: 'UTC' },
              end: { dateTime: '2026-11-25T10:00:00.0000000', timeZone: 'UTC' },
            },
          ],
        }),
      };
    };
    // No simulator behind this connector: the profile only needs hosts, and every request goes to `http`.
    const offline = { url: 'https://login.microsoftonline.com', caFile: '/nonexistent-ca.pem' } as RunningSimulator;
    const profile = simGraphProfile(offline, { graphHost: 'https://graph.microsoft.com', tls: {} });
    const connector = createGraphConnector(
      profile,
      { secrets: new MemorySecretStore(), logger: nullLogger },
      { http, tokens: fixedTokens },
    );
    const got = await collect(
      connector.calendarView('room1@contoso.com', 'calendar', new Date('2026-11-01Z'), new Date('2026-12-01Z'), {
        fields: ['uid', 'subject', 'start', 'end'],
      }),
    );
    expect(new URL(requests[0].url).searchParams.get('$select')).toBe(`${PLACE},subject`);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      subject: 'Board meeting',
      start: '2026-11-25T09:00:00.000Z',
      end: '2026-11-25T10:00:00.000Z',
      location: '',
    });
    expect(got[0].organizer).toBeUndefined();
  });
});

describe('Graph read with a field selection against the simulator', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ eventsPerMailbox: 200, mailboxes: 3 });
  }, 60_000);
  afterAll(async () => sim?.stop());
  const day = (n: number) => new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) + n * 86_400_000);

  it('the selected fields equal the truth; the others stay empty', async () => {
    const { connector } = await simGraphConnector(sim);
    const smtp = 'anna.schmidt@contoso.com';
    const got = await collect(
      connector.calendarView(smtp, 'calendar', day(-60), day(60), { fields: ['uid', 'subject', 'start', 'end', 'location', 'isAllDay'] }),
    );
    const want = expectedEvents(sim.world, smtp, 'calendar', day(-60), day(60));
    const pick = (e: { iCalUId: string; subject: string; start: string; end: string; location: string; isAllDay: boolean }) =>
      `${e.iCalUId}|${e.subject}|${e.start}|${e.end}|${e.location}|${e.isAllDay}`;
    expect(got.length).toBeGreaterThan(10);
    expect(got.map(pick).sort()).toEqual(want.map(pick).sort());
    expect(got.some((e) => e.organizer || e.categories.length)).toBe(false);
    await connector.close();
  }, 60_000);
});
