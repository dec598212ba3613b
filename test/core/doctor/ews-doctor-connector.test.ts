// The healthy EWS profile passes EVERY doctor step, the last two through the real EWS connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { runDoctor, type DoctorDeps } from '../../../src/core/doctor/run-doctor.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import type { EwsProfile, Profile } from '../../../src/shared/profile.js';
import { doctorDeps, ewsProfile } from './doctor-support.js';
import { stepDetail, stepError } from '../../support/rendered.js';

const ews: DoctorDeps['createConnector'] = async (profile: Profile, deps) => createEwsConnector(profile as EwsProfile, deps);

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ mailboxes: 6, eventsPerMailbox: 20 });
});
afterAll(async () => sim.stop());

describe('EWS doctor with the real connector', () => {
  it.each([
    ['impersonation', 'CONTOSO\\svc-calpump', 'anna.schmidt@contoso.com'],
    ['delegate', 'svc-delegate@contoso.com', 'alice.smith@contoso.com'],
  ] as const)('a healthy %s profile passes every step', async (access, username, mailbox) => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, { access, username, testMailbox: mailbox });
    const r = await runDoctor(p, doctorDeps(p, 'Passw0rd!', ews));
    expect(r.steps.filter((s) => s.status !== 'pass').map((s) => `${s.id}: ${s.error?.id} ${s.evidence}`)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.steps).toHaveLength(14);
    expect(stepDetail(r.steps.find((s) => s.id === 'calendar.view'))).toMatch(/^\d+ events? on \d{4}-\d\d-\d\d\.$/);
  });

  it('names the German calendar folder by the name the server gives it', async () => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, { testMailbox: 'anna.schmidt@contoso.com' });
    const r = await runDoctor(p, doctorDeps(p, 'Passw0rd!', ews));
    expect(r.steps.find((s) => s.id === 'calendar.folder')?.data?.calendar).toBe('Kalender');
  });

  it('delegate without Reviewer on that calendar → mailbox.access / ews.delegate.accessDenied', async () => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, {
      access: 'delegate',
      username: 'svc-delegate@contoso.com',
      testMailbox: 'jan.devries@contoso.com',
    });
    const r = await runDoctor(p, doctorDeps(p, 'Passw0rd!', ews));
    const f = r.steps.find((s) => s.status !== 'pass');
    expect({ step: f?.id, errorId: f?.error?.id }).toEqual({ step: 'mailbox.access', errorId: 'ews.delegate.accessDenied' });
    expect(stepError(f).fix).toContain('Reviewer');
  });

  it("UPN ≠ SMTP with the connector's directory lookup → mailbox.access / doctor.ews.upnNotSmtp", async () => {
    const p = ewsProfile(sim.ewsUrl, sim.caFile, { testMailbox: 'b.jones@corp.contoso.local' });
    const r = await runDoctor(p, doctorDeps(p, 'Passw0rd!', ews));
    const f = r.steps.find((s) => s.status !== 'pass');
    expect({ step: f?.id, errorId: f?.error?.id }).toEqual({ step: 'mailbox.access', errorId: 'doctor.ews.upnNotSmtp' });
    expect(stepError(f).message).toContain('bob.jones@contoso.com');
  });
});
