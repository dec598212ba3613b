// The simulator's /mailboxSettings and /mailboxSettings/automaticRepliesSetting as Graph answers them: the scheduled
// window in the mailbox's Windows zone (not UTC), the window kept when replies are off, MailboxSettings.Read needed.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { accessToken } from '../../../src/sim/oauth/issue.js';
import { SIM_APP_DAEMON, simTenant } from '../../../src/sim/oauth/index.js';

interface Setting {
  status: string;
  externalAudience: string;
  scheduledStartDateTime: { dateTime: string; timeZone: string };
  scheduledEndDateTime: { dateTime: string; timeZone: string };
}

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => sim?.stop());

function token(roles?: string[]): string {
  const t = simTenant(sim.world);
  const app = t.apps.get(SIM_APP_DAEMON)!;
  return accessToken(t, { aud: sim.url, app: roles ? { ...app, roles } : app, baseUrl: sim.url }).token;
}

function get(path: string, bearer: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(`/v1.0${path}`, sim.url),
      { ca: readFileSync(sim.caFile!), headers: { Authorization: `Bearer ${bearer}` } },
      (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('simulated Graph mailboxSettings', () => {
  it('gives the scheduled window in the mailbox zone, Windows-named, with an @odata.context', async () => {
    const r = await get('/users/anna.schmidt@contoso.com/mailboxSettings/automaticRepliesSetting', token());
    expect(r.status).toBe(200);
    expect(String(r.body['@odata.context'])).toMatch(/mailboxSettings\/automaticRepliesSetting$/);
    const s = r.body as unknown as Setting;
    expect(s.status).toBe('scheduled');
    expect(s.scheduledStartDateTime).toEqual({ dateTime: '2026-03-30T08:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    expect(s.scheduledEndDateTime).toEqual({ dateTime: '2026-04-01T17:00:00.0000000', timeZone: 'W. Europe Standard Time' });
  });

  it('the whole mailboxSettings carries the same setting; disabled keeps its old window', async () => {
    const r = await get('/users/jan.devries@contoso.com/mailboxSettings', token());
    expect(r.body.timeZone).toBe('W. Europe Standard Time');
    const s = r.body.automaticRepliesSetting as Setting;
    expect(s.status).toBe('disabled');
    expect(s.scheduledStartDateTime.dateTime).toMatch(/^2026-02-2\dT09:00:00\.0000000$/);
    const bob = await get('/users/bob.jones@contoso.com/mailboxSettings/automaticRepliesSetting', token());
    expect((bob.body as unknown as Setting).status).toBe('alwaysEnabled');
  });

  it('needs MailboxSettings.Read: 403 ErrorAccessDenied without it', async () => {
    const r = await get('/users/anna.schmidt@contoso.com/mailboxSettings', token(['Calendars.Read']));
    expect(r.status).toBe(403);
    expect((r.body.error as { code: string }).code).toBe('ErrorAccessDenied');
  });
});
