// End to end (issue 16 items 1, 2 and 7): calendar and contacts jobs on a group (Sales, with nested EMEA Sales) into
// a real PostgreSQL server, through the real EWS connector and the simulator. A member added to the group in the
// simulator appears in the tables on the next run; a member who left has their rows (events, attendees, contacts and
// the sync_state rows) removed with formerMembers remove, and left exactly as they were with keep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobSecretKey, type Job } from '../../../src/shared/job.js';
import { expectedContacts } from '../../../src/sim/index.js';
import { addGroupMember, removeGroupMember } from '../../../src/sim/world/groups.js';
import { startPostgres, postgresTargetOn, type RunningPostgres } from '../../peers/postgres.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';

const SALES = ['alice.smith@contoso.com', 'anna.schneider@contoso.com', 'jan.devries@contoso.com'];
const ALICE = 'alice.smith@contoso.com';
const BOB = 'bob.jones@contoso.com';

describe('a group job into PostgreSQL', () => {
  let ps: PumpSim;
  let h: Harness;
  let server: RunningPostgres;
  const jobs: Record<string, Job[]> = {};

  beforeAll(async () => {
    [ps, h, server] = await Promise.all([startPumpSim({ eventsPerMailbox: 3 }), createHarness(SIM_ANCHOR), startPostgres()]);
    for (const policy of ['remove', 'keep'] as const) {
      const target = postgresTargetOn(server, policy);
      const base = { mailboxes: { mode: 'group', group: 'sales@contoso.com' }, formerMembers: policy, target };
      jobs[policy] = [
        h.job({ ...base, id: `cal-${policy}`, name: `cal-${policy}` }),
        h.job({ ...base, id: `contacts-${policy}`, name: `contacts-${policy}`, content: 'contacts' }),
      ];
      for (const j of jobs[policy]) await h.secrets.set(jobSecretKey(j.id, 'postgresPassword'), server.password);
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup(), server?.stop()]);
  });

  const runAll = async (policy: string) => {
    const records = [];
    for (const job of jobs[policy]) {
      const r = await h.run(job, ps.connector());
      expect(r.record.status).toBe('ok');
      records.push(r.record);
    }
    return records;
  };
  const mailboxesIn = async (schema: string, table: string) =>
    (await server.query<{ mailbox: string }>(`select distinct mailbox from ${schema}.${table} order by mailbox`)).map((r) => r.mailbox);
  const rowsOf = async (schema: string, mailbox: string) => ({
    events: await server.query(`select * from ${schema}.events where mailbox = $1 order by folder, event_key`, [mailbox]),
    attendees: await server.query(`select * from ${schema}.attendees where mailbox = $1 order by folder, event_key, position`, [mailbox]),
    contacts: await server.query(`select * from ${schema}.contacts where mailbox = $1 order by folder, item_id`, [mailbox]),
    state: await server.query(`select job_id, folder from ${schema}.sync_state where mailbox = $1 order by job_id, folder`, [mailbox]),
  });

  it('adds a new member’s rows on the next run and handles a leaver’s rows as the job’s policy says', async () => {
    for (const policy of ['remove', 'keep']) await runAll(policy);
    for (const schema of ['remove', 'keep']) {
      expect(await mailboxesIn(schema, 'events')).toEqual(SALES);
      expect(await mailboxesIn(schema, 'contacts')).toEqual(SALES);
    }
    const aliceBefore = await rowsOf('keep', ALICE);
    expect(aliceBefore.events.length).toBeGreaterThan(0);
    expect(aliceBefore.contacts).toHaveLength(3);
    expect(aliceBefore.state).toEqual([
      { job_id: 'cal-keep', folder: 'calendar' },
      { job_id: 'contacts-keep', folder: 'contacts' },
    ]);

    addGroupMember(ps.sim.world, 'emea.sales@contoso.com', BOB);
    removeGroupMember(ps.sim.world, 'sales@contoso.com', ALICE);
    try {
      const now = ['anna.schneider@contoso.com', BOB, 'jan.devries@contoso.com'];
      for (const [policy, output] of [
        ['remove', 'removed'],
        ['keep', 'kept'],
      ] as const) {
        const records = await runAll(policy);
        for (const r of records) {
          expect(r.mailboxes.map((m) => m.mailbox).sort()).toEqual(now);
          expect(r.formerMembers).toEqual([{ mailbox: ALICE, output }]);
        }
        // The new member is in the tables: his contacts field by field (as the JSON export writes them), his events.
        const bob = await rowsOf(policy, BOB);
        expect(bob.events.length).toBeGreaterThan(0);
        expect(bob.contacts.map((r) => r.item_id)).toEqual(expectedContacts(ps.sim.world, BOB).map((c) => c.id));
        expect(bob.contacts.map((r) => r.display_name)).toEqual(expectedContacts(ps.sim.world, BOB).map((c) => c.displayName));
      }
      // remove: every row of the leaver is gone, with the sync_state rows, in both tables; keep: nothing changed.
      expect(await rowsOf('remove', ALICE)).toEqual({ events: [], attendees: [], contacts: [], state: [] });
      expect(await mailboxesIn('remove', 'events')).toEqual(now);
      expect(await mailboxesIn('remove', 'contacts')).toEqual(now);
      expect(await rowsOf('keep', ALICE)).toEqual(aliceBefore);
      expect(await mailboxesIn('keep', 'contacts')).toEqual([ALICE, ...now]);

      // Handled once: the next run reports no former member and changes nothing.
      for (const policy of ['remove', 'keep']) for (const r of await runAll(policy)) expect(r.formerMembers).toBeUndefined();
      expect(await rowsOf('keep', ALICE)).toEqual(aliceBefore);
    } finally {
      removeGroupMember(ps.sim.world, 'emea.sales@contoso.com', BOB);
      addGroupMember(ps.sim.world, 'sales@contoso.com', ALICE);
    }

    // Back in the group, Alice's rows return under the remove policy (read in full again).
    await runAll('remove');
    expect(await mailboxesIn('remove', 'contacts')).toEqual(SALES);
    expect((await rowsOf('remove', ALICE)).contacts).toHaveLength(3);
  }, 240_000);
});
