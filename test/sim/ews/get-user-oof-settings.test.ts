// GetUserOofSettings as the simulator answers it: the answer validates against Microsoft's schema, the seeded states
// (Scheduled / Enabled / Disabled) come out as stored, the owner rule holds (impersonation or FullAccess, not a
// calendar right), and exchangelib — an EWS client nobody here wrote — reads the same states and windows.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { M, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const request = (mailbox: string) =>
  `<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>${mailbox}</t:Address></t:Mailbox></m:GetUserOofSettingsRequest>`;

interface ExchangelibOof {
  mailbox: string;
  state?: string;
  start?: string;
  end?: string;
  externalAudience?: string;
  internalReply?: string;
  error?: string;
}

function exchangelib(mailboxes: string[], username: string, access: 'impersonation' | 'delegate'): Promise<ExchangelibOof[]> {
  const script = fileURLToPath(new URL('../support/exchangelib-oof.py', import.meta.url));
  const args = [script, '--url', sim.ewsUrl, '--ca', sim.caFile!, '--mailboxes', mailboxes.join(','), '--username', username];
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/python3', [...args, '--password', 'Passw0rd!', '--access', access], { timeout: 120_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`exchangelib-oof.py failed: ${stderr || err.message}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as ExchangelibOof[]);
    });
  });
}

describe('EWS GetUserOofSettings', () => {
  it('answers the seeded Scheduled window in UTC, schema-valid, for an impersonated owner', async () => {
    const r = await soap(sim, request('anna.schmidt@contoso.com'), { impersonate: 'anna.schmidt@contoso.com' });
    expect(r.status).toBe(200);
    expect(validateBody(r.body).errors).toBe('');
    expect(textOf(r.doc, M, 'ResponseCode')).toBe('NoError');
    expect(textOf(r.doc, T, 'OofState')).toBe('Scheduled');
    // Day +7 08:00 to day +9 17:00 Berlin time, after the change to summer time (UTC+2).
    expect(textOf(r.doc, T, 'StartTime')).toBe('2026-03-30T06:00:00Z');
    expect(textOf(r.doc, T, 'EndTime')).toBe('2026-04-01T15:00:00Z');
    expect(sim.counters.operation('GetUserOofSettings')).toBeGreaterThan(0);
  });

  it('refuses a caller with only a calendar right (ErrorAccessDenied) until FullAccess is granted', async () => {
    const denied = await soap(sim, request('alice.smith@contoso.com'), { user: 'svc-delegate@contoso.com' });
    expect(validateBody(denied.body).errors).toBe('');
    expect(textOf(denied.doc, M, 'ResponseCode')).toBe('ErrorAccessDenied');
    const ghost = await soap(sim, request('ghost@contoso.com'), { user: 'svc-delegate@contoso.com' });
    expect(textOf(ghost.doc, M, 'ResponseCode')).toBe('ErrorNonExistentMailbox');
    const alice = sim.world.mailboxes.get('alice.smith@contoso.com')!;
    alice.fullAccess.push('svc-delegate@contoso.com');
    try {
      const ok = await soap(sim, request('alice.smith@contoso.com'), { user: 'svc-delegate@contoso.com' });
      expect(textOf(ok.doc, T, 'OofState')).toBe('Disabled');
    } finally {
      alice.fullAccess.pop();
    }
  });

  it('exchangelib reads the same states and windows, and a state set in a test', async () => {
    sim.world.automaticReplies.set('jan.devries@contoso.com', {
      state: 'Scheduled',
      start: '2026-10-24T22:00:00.000Z',
      end: '2026-10-26T08:00:00.000Z',
      externalAudience: 'Known',
      internalReply: 'Ik ben er niet.',
      externalReply: '',
    });
    const mailboxes = ['anna.schmidt@contoso.com', 'bob.jones@contoso.com', 'jan.devries@contoso.com', 'alice.smith@contoso.com'];
    const got = await exchangelib(mailboxes, 'svc-calpump@contoso.com', 'impersonation');
    expect(got.map((g) => [g.mailbox, g.state, g.error])).toEqual([
      ['anna.schmidt@contoso.com', 'Scheduled', undefined],
      ['bob.jones@contoso.com', 'Enabled', undefined],
      ['jan.devries@contoso.com', 'Scheduled', undefined],
      ['alice.smith@contoso.com', 'Disabled', undefined],
    ]);
    expect(Date.parse(got[0].start!)).toBe(Date.parse('2026-03-30T06:00:00Z'));
    expect(Date.parse(got[0].end!)).toBe(Date.parse('2026-04-01T15:00:00Z'));
    expect(Date.parse(got[2].start!)).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(got[2].externalAudience).toBe('Known');
    expect(got[2].internalReply).toBe('Ik ben er niet.');
    const denied = await exchangelib(['alice.smith@contoso.com'], 'svc-delegate@contoso.com', 'delegate');
    expect(denied[0].error).toBe('ErrorAccessDenied');
  }, 180_000);
});
