// Request economy of the Graph connector: pages as large as calendarView serves, series UIDs read off the
// occurrences' GlobalObjectId-shaped iCalUIds (no master look-ups), masters that must be looked up gathered across
// pages into one $batch, and the delta rounds of many mailboxes in $batch requests of 20 (ids only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { expectedEvents } from '../../../../src/sim/world/expected.js';
import { createGraphConnector } from '../../../../src/core/connectors/graph/index.js';
import { seriesUidOfInstance } from '../../../../src/core/connectors/graph/operations/series-uid.js';
import type { HttpRequest, HttpResponse } from '../../../../src/core/auth/http-send.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { collect, comparable, simGraphConnector, simGraphProfile, fixedTokens } from './support.js';
import { calpumpFailure as failure } from '../../../support/calpump-failure.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 800, mailboxes: 50 });
}, 60_000);
afterAll(async () => sim?.stop());

const day = (n: number) => new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) + n * 86_400_000);

describe('Graph paging and batching', () => {
  it('reads a mailbox in pages of 1000 with no series-master look-ups, UIDs equal to the masters’', async () => {
    const { connector } = await simGraphConnector(sim);
    const smtp = 'anna.schmidt@contoso.com';
    sim.counters.reset();
    const got = await collect(connector.calendarView(smtp, 'calendar', day(-200), day(200), { includeAttendees: false }));
    const want = expectedEvents(sim.world, smtp, 'calendar', day(-200), day(200));
    expect(got.length).toBeGreaterThan(1000);
    expect(comparable(got)).toEqual(comparable(want));
    expect(got.some((e) => e.seriesId)).toBe(true);
    expect(sim.counters.operation('Graph:calendarView')).toBe(Math.ceil(got.length / 1000));
    expect(sim.counters.operation('Graph:$batch')).toBe(0);
    expect(sim.counters.operation('Graph:event')).toBe(0);
  }, 60_000);

  it('the series UID of an occurrence is its GlobalObjectId with the instance date zeroed; other UIDs are not guessed', () => {
    const master = '040000008200E00074C5B7101A82E00800000000D0AE4A2B3F5BDC01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const occurrence = `${master.slice(0, 32)}07EA0B1A${master.slice(40)}`;
    expect(seriesUidOfInstance(occurrence)).toBe(master);
    expect(seriesUidOfInstance(master)).toBe(master);
    expect(seriesUidOfInstance('7kq2r3bp9e8mhb9h8m5t1d3v0c@google.com')).toBeUndefined();
    expect(seriesUidOfInstance(undefined)).toBeUndefined();
  });

  it('masters that must be looked up are gathered across pages into one $batch', async () => {
    // Three pages, each with an occurrence of a different series whose UID is not GlobalObjectId-shaped.
    const occurrence = (n: number) => ({
      id: `occ-${n}`,
      iCalUId: `foreign-${n}@example.org`,
      subject: `Series ${n}`,
      type: 'occurrence',
      seriesMasterId: `master-${n}`,
      originalStart: `2026-11-2${n}T08:00:00Z`,
      start: { dateTime: `2026-11-2${n}T08:00:00.0000000`, timeZone: 'UTC' },
      end: { dateTime: `2026-11-2${n}T09:00:00.0000000`, timeZone: 'UTC' },
    });
    const requests: HttpRequest[] = [];
    const json = (body: unknown): HttpResponse => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const http = async (req: HttpRequest): Promise<HttpResponse> => {
      requests.push(req);
      if (req.url.endsWith('/$batch')) {
        const members = (JSON.parse(req.body!) as { requests: Array<{ id: string; url: string }> }).requests;
        return json({
          responses: members.map((m) => ({
            id: m.id,
            status: 200,
            headers: {},
            body: { id: /events\/([^?]+)/.exec(m.url)![1], iCalUId: `series-of-${/master-(\d)/.exec(m.url)![1]}@example.org` },
          })),
        });
      }
      const n = Number(new URL(req.url).searchParams.get('page') ?? 1);
      const next = n < 3 ? `https://graph.microsoft.com/v1.0/users/a%40contoso.com/calendar/calendarView?page=${n + 1}` : undefined;
      return json({ value: [occurrence(n)], ...(next ? { '@odata.nextLink': next } : {}) });
    };
    const profile = simGraphProfile(sim, { graphHost: 'https://graph.microsoft.com' });
    const connector = createGraphConnector(
      profile,
      { secrets: new MemorySecretStore(), logger: nullLogger },
      { http, tokens: fixedTokens },
    );
    const got = await collect(connector.calendarView('a@contoso.com', 'calendar', new Date('2026-11-01Z'), new Date('2026-12-01Z')));
    expect(got.map((e) => e.iCalUId)).toEqual([1, 2, 3].map((n) => `series-of-${n}@example.org`));
    expect(got.map((e) => e.seriesId)).toEqual(['master-1', 'master-2', 'master-3']);
    const batches = requests.filter((r) => r.url.endsWith('/$batch'));
    expect(batches).toHaveLength(1);
    expect((JSON.parse(batches[0].body!) as { requests: unknown[] }).requests).toHaveLength(3);
    expect(new URL(requests[0].url).searchParams.get('$top')).toBe('1000');
  });

  it('a calendarView page read straight off the transport fails as the client did, and a page that is not JSON is an error', async () => {
    const answers: HttpResponse[] = [
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Sign in to the proxy</body></html>' },
      {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ error: { code: 'ErrorInvalidUser', message: "The requested user 'a@contoso.com' is invalid." } }),
      },
    ];
    const http = async (): Promise<HttpResponse> => answers.shift()!;
    const profile = simGraphProfile(sim, { graphHost: 'https://graph.microsoft.com' });
    const connector = createGraphConnector(
      profile,
      { secrets: new MemorySecretStore(), logger: nullLogger },
      { http, tokens: fixedTokens },
    );
    const read = () => collect(connector.calendarView('a@contoso.com', 'calendar', new Date('2026-11-01Z'), new Date('2026-12-01Z')));
    const notJson = await failure(read());
    expect(notJson.id).toBe('graph.response.invalid');
    expect(notJson.params.problem).toEqual({ key: 'problem.graph.notJson', params: { status: 200, bytes: 46 } });
    const missing = await failure(read());
    expect(missing.id).toBe('graph.mailbox.notFound');
    expect(missing.params).toMatchObject({ operation: 'calendarView', mailbox: 'a@contoso.com', status: '404', code: 'ErrorInvalidUser' });
  });

  it('delta rounds of many mailboxes travel in $batch requests of 20, ids only, each followed to its deltaLink', async () => {
    const { connector } = await simGraphConnector(sim);
    const mailboxes = [...sim.world.mailboxes.keys()].filter((m) => m !== 'carol.evans@contoso.com').slice(0, 45);
    sim.counters.reset();
    const first = await connector.syncChangesMany!(
      mailboxes.map((mailbox) => ({ mailbox, folderId: 'calendar', state: undefined })),
      { idsOnly: true },
    );
    expect(first.every((r) => !(r instanceof Error))).toBe(true);
    // Initial rounds page through everything (1000 a page): every page of up to 20 mailboxes is one request.
    expect(sim.counters.operation('Graph:calendarViewDelta')).toBeGreaterThanOrEqual(45);
    // One discovery and one token for the connector, however many batches ask at once.
    expect(sim.counters.operation('OAuth:token')).toBe(1);
    expect(sim.counters.operation('OAuth:openid-configuration')).toBeLessThanOrEqual(1);
    expect(sim.counters.total).toBe(
      sim.counters.operation('Graph:$batch') + sim.counters.operation('OAuth:token') + sim.counters.operation('OAuth:openid-configuration'),
    );
    sim.counters.reset();
    const quiet = await connector.syncChangesMany!(
      mailboxes.map((mailbox, i) => ({ mailbox, folderId: 'calendar', state: (first[i] as { nextState: string }).nextState })),
      { idsOnly: true },
    );
    expect(quiet.map((r) => (r as { changeIds: unknown[] }).changeIds)).toEqual(mailboxes.map(() => []));
    expect(sim.counters.total).toBe(3);
    expect(sim.counters.operation('Graph:$batch')).toBe(3);

    // A change in one mailbox, an expired state in another: each answered alone, the rest unchanged.
    const changed = mailboxes[5];
    const target = expectedEvents(sim.world, changed, 'calendar', day(-10), day(10)).find((e) => !e.seriesId)!;
    sim.world.mutate.changeSubject(target.id, 'Renamed by the batching test');
    const states = quiet.map((r) => (r as { nextState: string }).nextState);
    states[7] = `${states[7].split('$deltatoken=')[0]}$deltatoken=not-a-token`;
    const after = await connector.syncChangesMany!(
      mailboxes.map((mailbox, i) => ({ mailbox, folderId: 'calendar', state: states[i] })),
      { idsOnly: true },
    );
    expect((after[5] as { changeIds: Array<{ kind: string; id: string }> }).changeIds).toContainEqual({ kind: 'update', id: target.id });
    expect((after[7] as { fullResync?: boolean }).fullResync).toBe(true);
    expect(after.filter((_, i) => i !== 5 && i !== 7).every((r) => (r as { changeIds: unknown[] }).changeIds.length === 0)).toBe(true);
  }, 120_000);
});
