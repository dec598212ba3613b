// The simulator's answer memo (benchmarks only) for Graph: a repeated calendarView of the same caller is the same
// bytes, still counted; a changed world, another caller or a staged fault gets an answer built anew.
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { accessToken } from '../../../src/sim/oauth/issue.js';
import { SIM_APP_DAEMON, simTenant } from '../../../src/sim/oauth/index.js';

let sim: RunningSimulator;
let appToken: string;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 5, answerCacheMb: 4 });
  const t = simTenant(sim.world);
  appToken = accessToken(t, { aud: sim.url, app: t.apps.get(SIM_APP_DAEMON)!, baseUrl: sim.url }).token;
});
afterAll(() => sim.stop());

async function get(path: string, token = appToken): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const headers = { Authorization: `Bearer ${token}`, Prefer: 'outlook.timezone="UTC"' };
  const res = await new Promise<IncomingMessage>((resolve, reject) =>
    request(new URL(path, sim.url), { ca: readFileSync(sim.caFile!), headers }, resolve)
      .on('error', reject)
      .end(),
  );
  res.setEncoding('utf8');
  let body = '';
  for await (const chunk of res) body += String(chunk);
  return { status: res.statusCode ?? 0, headers: res.headers, body };
}

const anna = 'anna.schmidt@contoso.com';
const view = (mailbox: string) =>
  `/v1.0/users/${encodeURIComponent(mailbox)}/calendar/calendarView?startDateTime=2026-03-23T00:00:00Z&endDateTime=2026-04-06T00:00:00Z&$select=id,subject`;
const subjects = (body: string) => (JSON.parse(body) as { value: Array<{ subject: string }> }).value.map((e) => e.subject);

describe('Graph answer memo (benchmarks only)', () => {
  it('answers a repeated calendarView from the memo, still counted, and a changed world anew', async () => {
    sim.counters.reset();
    const hits = sim.answerCache!().hits;
    const first = await get(view(anna));
    const again = await get(view(anna));
    expect(first.status).toBe(200);
    expect(subjects(first.body).length).toBeGreaterThan(0);
    expect(again.body).toBe(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['preference-applied']).toBe('outlook.timezone="UTC"');
    expect(sim.answerCache!().hits).toBe(hits + 1);
    expect(sim.counters.operation('Graph:calendarView')).toBe(2);
    expect(sim.counters.folder(anna, 'calendar')).toBe(2);

    const id = (JSON.parse(first.body) as { value: Array<{ id: string }> }).value[0].id;
    sim.world.mutate.changeSubject(id, 'Geändert nach dem ersten Lesen');
    const changed = await get(view(anna));
    expect(subjects(changed.body)).toContain('Geändert nach dem ersten Lesen');
    expect(sim.answerCache!().hits).toBe(hits + 1);
  });

  it('keeps answers per request and never serves one while a fault is staged', async () => {
    const other = await get(view('bob.jones@contoso.com'));
    expect(other.status).toBe(200);
    expect(other.body).not.toBe((await get(view(anna))).body);
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendarView' });
    const throttled = await get(view(anna));
    expect(throttled.status).toBe(429);
    expect(sim.faults.pending()).toEqual([]);
    const denied = await get(view(anna), 'not-a-token');
    expect(denied.status).toBe(401);
  });
});
