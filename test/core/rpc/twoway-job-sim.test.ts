// The UI job service runs a job of type 'twoway' against the simulator through the real core services: a rule
// saved with twoway.rules.save, a job created for it, run now → both sides in step and one history entry with a
// result per side; a second run writes nothing; the rule cannot be removed while the job uses it.
import { beforeAll, describe, expect, it } from 'vitest';
import { rendered } from '../../support/rendered.js';
import type { Dispatcher } from '../../../src/core/rpc/dispatcher.js';
import type { RunningSimulator } from '../../../src/sim/index.js';
import { useCoreSim } from './core-sim.js';
import { callOk, payloadsOf } from './typed-rpc.js';

const h = useCoreSim({ seed: 41, eventsPerMailbox: 0 }, 'calpump-rpc-twoway-');
let sim: RunningSimulator;
let d: Dispatcher;
const seen = h.seen;
beforeAll(() => void ({ sim, d } = h));

const ALICE = 'alice.smith@contoso.com';
const BOB = 'bob.jones@contoso.com';

async function finished(runId: string): Promise<string> {
  const done = () => payloadsOf(seen, 'job.status').find((p) => p.runId === runId && p.status !== 'running');
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error('run did not finish');
  return done()!.status;
}

describe('PumpJobService: twoway job type', () => {
  it('runs a saved rule as a job now, records one result per side, then writes nothing; the rule stays while used', async () => {
    const profile = (
      await callOk(d, 'profiles.create', {
        profile: {
          kind: 'ews',
          name: 'Sim',
          url: sim.ewsUrl,
          auth: 'basic',
          username: 'svc-calpump@contoso.com',
          tls: sim.caFile ? { caFile: sim.caFile } : {},
          proxy: { mode: 'none' },
        },
        secrets: { password: 'Passw0rd!' },
      })
    ).profile;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    sim.world.mutate.addEvent(ALICE, 'calendar', { subject: 'UI two-way', date: tomorrow, time: '10:00', timeZone: 'UTC' });
    await callOk(d, 'twoway.rules.save', {
      rule: {
        id: 'ui-rule',
        a: { profile: 'Sim', mailbox: ALICE },
        b: { profile: 'Sim', mailbox: BOB },
        master: 'a',
        window: { daysBack: 0, daysAhead: 3 },
      },
    });
    const view = await callOk(d, 'jobs.create', {
      job: {
        type: 'twoway',
        twoway: { ruleId: 'ui-rule' },
        name: 'UI both ways',
        profile: profile.id,
        schedule: { kind: 'interval', minutes: 15, active: true },
      },
    });
    expect(view.job).toMatchObject({ type: 'twoway', twoway: { ruleId: 'ui-rule' } });

    const { runId } = await callOk(d, 'jobs.runNow', { id: view.job.id });
    expect(await finished(runId)).toBe('ok');
    const { runs } = await callOk(d, 'jobs.history', { id: view.job.id });
    expect(runs[0]).toMatchObject({ runId, status: 'ok', mailboxesOk: 2, mailboxesFailed: 0 });
    expect(runs[0].itemsWritten).toBeGreaterThan(0);
    const copies = [...sim.world.events.values()].filter((e) => e.mailbox === BOB && e.subject === 'UI two-way');
    expect(copies).toHaveLength(1);

    const again = await callOk(d, 'jobs.runNow', { id: view.job.id });
    expect(await finished(again.runId)).toBe('ok');
    expect((await callOk(d, 'jobs.history', { id: view.job.id })).runs[0]).toMatchObject({ runId: again.runId, itemsWritten: 0 });

    const remove = await d.call('twoway.rules.remove', { id: 'ui-rule' });
    expect(remove.ok ? '' : rendered(remove.error).message).toContain('"UI both ways"');
  });
});
