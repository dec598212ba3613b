// The real client library the EWS connector uses must read the simulator's answers into the same truth
// expectedEvents() describes (times, all-day, series types), over NTLM and impersonation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, expectedEvents, type RunningSimulator } from '../../../src/sim/index.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ tls: false, anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 10 });
});
afterAll(() => sim.stop());

describe('ews-javascript-api against the simulator', () => {
  it('FindAppointments over NTLM + impersonation matches expectedEvents', async () => {
    const ews = (await import('ews-javascript-api')).default;
    const { XhrApi } = await import('@ewsjs/xhr');
    ews.ConfigurationApi.ConfigureXHR(new XhrApi({}).useNtlmAuthentication('CONTOSO\\svc-calpump', 'Passw0rd!'));
    const svc = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
    svc.Credentials = new ews.WebCredentials('CONTOSO\\svc-calpump', 'Passw0rd!');
    svc.Url = new ews.Uri(sim.ewsUrl);
    svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, 'jan.devries@contoso.com');
    const from = new Date('2026-03-23T00:00:00Z');
    const to = new Date('2026-04-06T00:00:00Z');
    const res = await svc.FindAppointments(
      ews.WellKnownFolderName.Calendar,
      new ews.CalendarView(new ews.DateTime(from.getTime()), new ews.DateTime(to.getTime())),
    );
    const got = res.Items.map((a) => ({
      subject: a.Subject,
      start: a.Start.ToISOString(),
      end: a.End.ToISOString(),
      isAllDay: a.IsAllDayEvent,
      uid: a.ICalUid,
    }));
    const expected = expectedEvents(sim.world, 'jan.devries@contoso.com', 'calendar', from, to);
    expect(got.map((g) => g.subject)).toEqual(expected.map((e) => e.subject));
    for (const [i, e] of expected.entries()) {
      expect(got[i].uid).toBe(e.iCalUId);
      if (!e.isAllDay) expect([got[i].start, got[i].end]).toEqual([e.start, e.end]);
      else expect(got[i].isAllDay).toBe(true); // on the wire: local midnight in Europe/Amsterdam
    }
  });
});
