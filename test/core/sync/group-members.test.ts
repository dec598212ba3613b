// Acceptance (issue 16, item 1): a job on a group re-reads the membership at every run — a member added in the
// simulator is exported on the next run, a removed one stops being exported and its output is kept or removed as the
// job says; nested groups are expanded once each, and the Sales ↔ EMEA Sales cycle ends. Through the real EWS
// connector (ExpandDL, one level per request) and the real Graph connector (transitiveMembers).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputFileName } from '../../../src/core/export/targets/file-name.js';
import { addGroupMember, removeGroupMember } from '../../../src/sim/world/groups.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';
import { folderOutput, sqliteOutput } from '../../support/target-outputs.js';
import { simGraphConnector } from '../connectors/graph/support.js';

const SALES = ['alice.smith@contoso.com', 'anna.schneider@contoso.com', 'jan.devries@contoso.com'];
const file = (mailbox: string) => outputFileName(mailbox, 'calendar', 'json');
const ALICE = 'alice.smith@contoso.com';

describe('mailboxes by group (simulator)', () => {
  let ps: PumpSim;
  let h: Harness;

  /** Runs `fn` while Alice is out of Sales, and puts her back whatever happens. */
  async function whileAliceLeft(fn: () => Promise<void>): Promise<void> {
    removeGroupMember(ps.sim.world, 'sales@contoso.com', ALICE);
    try {
      await fn();
    } finally {
      addGroupMember(ps.sim.world, 'sales@contoso.com', ALICE);
    }
  }

  beforeAll(async () => {
    ps = await startPumpSim();
    h = await createHarness(SIM_ANCHOR);
  });

  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('EWS: nested groups expanded once each, contacts left out, the cycle ends', async () => {
    const c = ps.connector();
    ps.sim.counters.reset();
    const members = await c.groupMembers!('Sales@contoso.com');
    expect(members.map((m) => m.smtp).sort()).toEqual(SALES);
    // Sales, then EMEA Sales; Sales named again inside EMEA Sales is not asked for a second time.
    expect(ps.sim.counters.operation('ExpandDL')).toBe(2);
    await expect(c.groupMembers!('nobody@contoso.com')).rejects.toMatchObject({ id: 'pump.group.notFound' });
    expect((await c.roomListMembers!('roomlist.amsterdam@contoso.com')).map((m) => [m.smtp, m.kind])).toEqual([
      ['room.amsterdam@contoso.com', 'room'],
      ['room.amsterdam.small@contoso.com', 'room'],
    ]);
    await expect(c.roomListMembers!('sales@contoso.com')).rejects.toMatchObject({ id: 'pump.group.notFound' });
  });

  it('Graph: transitiveMembers gives the same mailboxes; room lists through /places', async () => {
    const { connector } = await simGraphConnector(ps.sim);
    try {
      expect((await connector.groupMembers!('sales@contoso.com')).map((m) => m.smtp).sort()).toEqual(SALES);
      await expect(connector.groupMembers!('nobody@contoso.com')).rejects.toMatchObject({ id: 'pump.group.notFound' });
      expect((await connector.roomListMembers!('roomlist.berlin@contoso.com')).map((m) => m.smtp)).toEqual(['room.berlin@contoso.com']);
    } finally {
      await connector.close();
    }
  });

  it('a job picks up an added member next run and removes the output of one who left (formerMembers: remove)', async () => {
    const out = join(h.dir, 'remove');
    const job = h.job({
      id: 'job-group-remove',
      name: 'group-remove',
      mailboxes: { mode: 'group', group: 'sales@contoso.com' },
      formerMembers: 'remove',
      format: 'json',
      target: { kind: 'folder', path: out },
    });
    const first = await h.run(job, ps.connector());
    expect(first.record.status).toBe('ok');
    expect(Object.keys(await folderOutput(out)).sort()).toEqual(SALES.map(file).sort());

    addGroupMember(ps.sim.world, 'emea.sales@contoso.com', 'bob.jones@contoso.com');
    removeGroupMember(ps.sim.world, 'sales@contoso.com', 'alice.smith@contoso.com');
    try {
      const second = await h.run(job, ps.connector());
      expect(second.record.status).toBe('ok');
      expect(second.record.mailboxes.map((m) => m.mailbox).sort()).toEqual([
        'anna.schneider@contoso.com',
        'bob.jones@contoso.com',
        'jan.devries@contoso.com',
      ]);
      expect(second.record.formerMembers).toEqual([{ mailbox: 'alice.smith@contoso.com', output: 'removed' }]);
      const files = Object.keys(await folderOutput(out)).sort();
      expect(files).toContain(file('bob.jones@contoso.com'));
      expect(files).not.toContain(file('alice.smith@contoso.com'));
      expect(await h.states.load({ jobId: job.id, mailbox: 'alice.smith@contoso.com', folder: 'calendar' })).toBeUndefined();

      // Handled once: the next run has no former member left to report.
      const third = await h.run(job, ps.connector());
      expect(third.record.formerMembers).toBeUndefined();
    } finally {
      removeGroupMember(ps.sim.world, 'emea.sales@contoso.com', 'bob.jones@contoso.com');
      addGroupMember(ps.sim.world, 'sales@contoso.com', 'alice.smith@contoso.com');
    }
  });

  it('keep (the default) leaves the former member’s rows in SQLite and reports it once', async () => {
    const db = join(h.dir, 'keep.db');
    const job = h.job({
      id: 'job-group-keep',
      name: 'group-keep',
      mailboxes: { mode: 'group', group: 'sales@contoso.com' },
      target: { kind: 'sqlite', path: db },
    });
    expect((await h.run(job, ps.connector())).record.status).toBe('ok');
    const before = sqliteOutput(db).filter((r) => r.mailbox === 'alice.smith@contoso.com').length;
    expect(before).toBeGreaterThan(0);
    await whileAliceLeft(async () => {
      const second = await h.run(job, ps.connector());
      expect(second.record.formerMembers).toEqual([{ mailbox: 'alice.smith@contoso.com', output: 'kept' }]);
      expect(sqliteOutput(db).filter((r) => r.mailbox === 'alice.smith@contoso.com')).toHaveLength(before);
      expect((await h.run(job, ps.connector())).record.formerMembers).toBeUndefined();
    });
  });

  it('removal from SQLite takes the rows; a group the directory no longer knows fails the run and removes nothing', async () => {
    const db = join(h.dir, 'remove.db');
    const job = h.job({
      id: 'job-group-sqlite',
      name: 'group-sqlite',
      mailboxes: { mode: 'group', group: 'sales@contoso.com' },
      formerMembers: 'remove',
      target: { kind: 'sqlite', path: db },
    });
    expect((await h.run(job, ps.connector())).record.status).toBe('ok');
    await whileAliceLeft(async () => {
      expect((await h.run(job, ps.connector())).record.formerMembers).toEqual([{ mailbox: 'alice.smith@contoso.com', output: 'removed' }]);
      expect(sqliteOutput(db).filter((r) => r.mailbox === 'alice.smith@contoso.com')).toEqual([]);
      const rows = sqliteOutput(db).length;
      expect(rows).toBeGreaterThan(0);

      const gone = h.job({ ...job, mailboxes: { mode: 'group', group: 'gone@contoso.com' } });
      const failed = await h.run(gone, ps.connector());
      expect(failed.record.status).toBe('failed');
      expect(failed.record.errors[0]?.error.id).toBe('pump.group.notFound');
      expect(sqliteOutput(db)).toHaveLength(rows);
      expect(existsSync(db)).toBe(true);
    });
  });
});
