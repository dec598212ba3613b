// A pump run over Graph mailboxes asks every folder's changes up front in $batch requests of 20: a no-change run
// over 45 mailboxes is 3 requests (a new connector per run, as the scheduler builds one: no token or discovery
// request either), a changed mailbox is re-read alone, and every file still equals the simulator's truth.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { expandedItems, normaliseExpanded } from '../../../src/sim/world/index.js';
import { overlaps, jobWindow } from '../../../src/core/sync/window.js';
import { simGraphProfile } from '../connectors/graph/support.js';
import { createGraphConnector } from '../../../src/core/connectors/graph/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { secretKey } from '../../../src/shared/profile.js';
import { SIM_APP_DAEMON_SECRET } from '../../../src/sim/oauth/index.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';

const ANCHOR = '2026-03-02T06:00:00.000Z';
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 5, anchor: new Date(ANCHOR), mailboxes: 50, eventsPerMailbox: 10 });
}, 60_000);
afterAll(async () => sim?.stop());

describe('prefetched changes (Graph $batch across mailboxes)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(ANCHOR);
  });
  afterEach(() => h.cleanup());

  it('a no-change run over 45 mailboxes costs 3 requests; a change is picked up; the files stay true', async () => {
    const mailboxes = [...sim.world.mailboxes.keys()].filter((m) => m !== 'carol.evans@contoso.com').slice(0, 45);
    const job = h.job({ mailboxes: { mode: 'list', list: mailboxes }, format: 'json', window: { daysBack: 7, daysAhead: 30 } });
    // The hosts share one secret store (and so MSAL's token cache) between the connectors of their runs.
    const secrets = new MemorySecretStore();
    const profile = simGraphProfile(sim, { id: 'prefetch' });
    await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
    // Graph's delta window hangs off the connector's clock: the run's clock.
    const connector = async () => createGraphConnector(profile, { secrets, logger: nullLogger }, { now: () => h.clock.now });
    const first = await h.run(job, await connector());
    expect(first.record).toMatchObject({ status: 'ok', mailboxesOk: 45, mailboxesFailed: 0 });

    sim.counters.reset();
    const quiet = await h.run(job, await connector());
    expect(quiet.record).toMatchObject({ status: 'ok', mailboxesOk: 45, itemsWritten: 0 });
    expect(sim.counters.byOperation).toEqual({ 'Graph:$batch': 3, 'Graph:calendarViewDelta': 45 });
    expect(sim.counters.total).toBe(3);

    const changed = mailboxes[10];
    const w = jobWindow(h.clock.now, { daysBack: 7, daysAhead: 30 });
    const single = expandedItems(sim.world, changed, 'calendar', w.from, w.to).find((x) => x.kind === 'Single')!;
    sim.world.mutate.changeSubject(single.id, 'Renamed for the prefetch test');
    sim.counters.reset();
    const after = await h.run(job, await connector());
    expect(after.record).toMatchObject({ status: 'ok', mailboxesOk: 45 });
    expect(after.folders.filter((f) => f.upserts > 0).map((f) => f.mailbox)).toEqual([changed]);
    expect(sim.counters.operation('Graph:$batch')).toBe(3);
    expect(sim.counters.operation('Graph:calendarView')).toBe(1);

    for (const mailbox of [changed, mailboxes[0]]) {
      const file = JSON.parse(await readFile(join(h.dir, 'out', `${mailbox}__calendar.json`), 'utf8')) as Array<{ subject: string }>;
      const truth = expandedItems(sim.world, mailbox, 'calendar', new Date(w.from.getTime() - 2 * 86_400_000), w.to)
        .map(normaliseExpanded)
        .filter((e) => overlaps(e, w));
      expect(file.map((e) => e.subject).sort()).toEqual(truth.map((e) => e.subject).sort());
    }
  }, 120_000);
});
