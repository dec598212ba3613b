// Acceptance (issue 4, b): against the simulator through the real EWS connector, a changed, a moved and a deleted
// event show up correctly in every target after the next run, each unchanged folder costs exactly one request,
// and every target then holds what a clean run over the changed mailboxes produces.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/job.js';
import { createHarness, WEBHOOK_SECRET, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, singleEventsIn, startPumpSim, type PumpSim } from '../../support/sim-pump.js';
import { folderOutput, sqliteOutput, webhookOutput } from '../../support/target-outputs.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const MAILBOXES = [
  'anna.schmidt@contoso.com',
  'jan.devries@contoso.com',
  'alice.smith@contoso.com',
  'room.amsterdam@contoso.com',
  'bob.jones@contoso.com',
];
const UNCHANGED = ['room.amsterdam@contoso.com', 'bob.jones@contoso.com'];
const KINDS = ['folder', 'sqlite', 'webhook'] as const;
type Kind = (typeof KINDS)[number];

function jobsFor(h: Harness, rx: WebhookReceiver): Record<Kind, Job> {
  const base = { mailboxes: { mode: 'list', list: MAILBOXES }, window: { daysBack: 7, daysAhead: 21 }, filters: { private: 'mask' } };
  return {
    folder: h.job({ ...base, id: 'job-folder', name: 'folder', format: 'ics', target: { kind: 'folder', path: join(h.dir, 'ics') } }),
    sqlite: h.job({ ...base, id: 'job-sqlite', name: 'sqlite', target: { kind: 'sqlite', path: join(h.dir, 'cal.db') } }),
    webhook: h.job({ ...base, id: 'job-webhook', name: 'webhook', target: { kind: 'webhook', url: rx.url, batchSize: 25 } }),
  };
}

async function output(kind: Kind, h: Harness, rx: WebhookReceiver) {
  if (kind === 'folder') return folderOutput(join(h.dir, 'ics'));
  if (kind === 'sqlite') return sqliteOutput(join(h.dir, 'cal.db'));
  return webhookOutput(rx).state;
}

describe('acceptance: changes reach every target (simulator + EWS)', () => {
  let ps: PumpSim;
  let h: Harness;
  let rx: WebhookReceiver;
  let jobs: Record<Kind, Job>;
  const requestsPerFolder: Record<Kind, Record<string, number>> = { folder: {}, sqlite: {}, webhook: {} };
  let changed: { subject: string; iCalUId: string };
  let moved: { iCalUId: string; start: string };
  let deleted: { iCalUId: string };

  beforeAll(async () => {
    ps = await startPumpSim();
    h = await createHarness(SIM_ANCHOR);
    rx = await startWebhookReceiver(WEBHOOK_SECRET);
    jobs = jobsFor(h, rx);
    for (const kind of KINDS) expect((await h.run(jobs[kind], ps.connector())).record.status).toBe('ok');

    const from = '2026-02-24T00:00:00.000Z';
    const to = '2026-03-20T00:00:00.000Z';
    const [a] = singleEventsIn(ps.sim, 'anna.schmidt@contoso.com', from, to);
    const [j] = singleEventsIn(ps.sim, 'jan.devries@contoso.com', from, to);
    const [d] = singleEventsIn(ps.sim, 'alice.smith@contoso.com', from, to);
    ps.sim.world.mutate.changeSubject(a.id, 'Budget review (renamed)');
    changed = { subject: 'Budget review (renamed)', iCalUId: a.iCalUId };
    const newStart = new Date(Date.parse(j.start) + 2 * 86_400_000 + 3_600_000);
    ps.sim.world.mutate.moveEvent(j.id, newStart, new Date(newStart.getTime() + (Date.parse(j.end) - Date.parse(j.start))));
    moved = { iCalUId: j.iCalUId, start: newStart.toISOString() };
    ps.sim.world.mutate.deleteEvent(d.id);
    deleted = { iCalUId: d.iCalUId };

    for (const kind of KINDS) {
      ps.sim.counters.reset();
      expect((await h.run(jobs[kind], ps.connector())).record.status).toBe('ok');
      for (const m of MAILBOXES) requestsPerFolder[kind][m] = ps.sim.counters.folder(m, 'calendar');
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup(), rx?.close()]);
  });

  it.each(KINDS)('%s: an unchanged folder cost exactly one request; changed ones were re-read', (kind) => {
    for (const m of UNCHANGED) expect(requestsPerFolder[kind][m], m).toBe(1);
    for (const m of ['anna.schmidt@contoso.com', 'jan.devries@contoso.com']) expect(requestsPerFolder[kind][m], m).toBeGreaterThan(1);
  });

  it('sqlite: the renamed event has its new subject, the moved one its new start, the deleted one is gone', () => {
    const rows = sqliteOutput(join(h.dir, 'cal.db')) as Array<{
      ical_uid: string;
      subject: string;
      start: string;
      original_start: string | null;
    }>;
    expect(rows.filter((r) => r.ical_uid === changed.iCalUId).map((r) => r.subject)).toEqual([changed.subject]);
    expect(rows.filter((r) => r.ical_uid === moved.iCalUId).map((r) => r.start)).toEqual([moved.start]);
    expect(rows.some((r) => r.ical_uid === deleted.iCalUId)).toBe(false);
  });

  it('folder (ics) and webhook show the same three changes', async () => {
    const files = await folderOutput(join(h.dir, 'ics'));
    expect(files['anna.schmidt@contoso.com__calendar.ics']).toContain(`SUMMARY:${changed.subject}`);
    expect(files['alice.smith@contoso.com__calendar.ics']).not.toContain(`UID:${deleted.iCalUId}`);
    const hook = webhookOutput(rx).state;
    const jan = Object.values(hook['jan.devries@contoso.com/calendar']) as Array<{ iCalUId: string; start: string }>;
    expect(jan.filter((e) => e.iCalUId === moved.iCalUId).map((e) => e.start)).toEqual([moved.start]);
    expect(
      Object.values(hook['alice.smith@contoso.com/calendar']).some((e) => (e as { iCalUId: string }).iCalUId === deleted.iCalUId),
    ).toBe(false);
    expect(rx.deliveries.every((d) => d.signatureOk)).toBe(true);
  });

  it.each(KINDS)('%s: holds exactly what a clean run over the changed mailboxes produces', async (kind) => {
    const clean = await createHarness(SIM_ANCHOR);
    const rxClean = await startWebhookReceiver(WEBHOOK_SECRET);
    try {
      expect((await clean.run(jobsFor(clean, rxClean)[kind], ps.connector())).record.status).toBe('ok');
      expect(await output(kind, h, rx)).toEqual(await output(kind, clean, rxClean));
    } finally {
      await Promise.all([clean.cleanup(), rxClean.close()]);
    }
  });
});
