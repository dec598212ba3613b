// presence.tables.* and twoway.rules.* through the dispatcher over the real stores in a temp config folder:
// contract checks, field-named refusals, change announcements, and presence.status using the saved table.
import type { RpcResult } from '../../../src/shared/rpc.js';
import { join } from 'node:path';
import { rendered } from '../../support/rendered.js';
import { afterEach, describe, expect, it } from 'vitest';
import { PresenceRuleStore } from '../../../src/core/store/presence-rule-store.js';
import { TwoWayRuleStore } from '../../../src/core/store/twoway-rule-store.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { ewsDraft, makeHarness, scriptedConnector } from './harness.js';

type H = Awaited<ReturnType<typeof makeHarness>>;
let h: H | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

const meeting: NormalisedEvent = {
  id: 'm1',
  iCalUId: 'u1',
  subject: 'Weekly call',
  start: '2026-03-10T09:00:00.000Z',
  end: '2026-03-10T10:00:00.000Z',
  timeZone: 'UTC',
  isAllDay: false,
  location: 'Room 1',
  showAs: 'busy',
  sensitivity: 'normal',
  isCancelled: false,
  categories: [],
  lastModified: '',
};

async function harness(stores = true) {
  const made = await makeHarness({ connector: scriptedConnector({ events: [meeting] }) });
  if (stores) {
    made.services.presenceRules = new PresenceRuleStore({ dir: made.dir });
    made.services.twowayRules = new TwoWayRuleStore({ dir: join(made.dir) });
  }
  const changes: unknown[] = [];
  made.dispatcher.events.subscribe((name, payload) => name === 'data.changed' && changes.push(payload));
  h = made;
  return { h: made, changes };
}

const ok = <T>(r: RpcResult): T => {
  if (!r.ok) throw new Error(`${r.error.id}: ${rendered(r.error).message}`);
  return r.output as T;
};

describe('presence.tables.* RPC', () => {
  it('lists the default, saves a table, reads it back after a new dispatcher (reload), resets it', async () => {
    const { h, changes } = await harness();
    expect(ok<{ tables: unknown[] }>(await h.call('presence.tables.list')).tables).toEqual([{ name: 'default', saved: false, rules: 9 }]);
    const table = { rules: [{ name: 'calls', subject: '*call*', status: 'OnThePhone' }], idleStatus: 'Available' };
    const saved = ok<{ name: string; saved: boolean; table: { rules: unknown[] } }>(
      await h.call('presence.tables.save', { name: 'default', table }),
    );
    expect(saved).toMatchObject({ name: 'default', saved: true });
    expect(changes).toContainEqual({ group: 'presenceRules', id: 'default' });
    // A new store over the same folder = the app restarted.
    h.services.presenceRules = new PresenceRuleStore({ dir: h.dir });
    const got = ok<{ saved: boolean; table: { rules: Array<{ status: string }> } }>(
      await h.call('presence.tables.get', { name: 'default' }),
    );
    expect(got.saved).toBe(true);
    expect(got.table.rules[0].status).toBe('OnThePhone');
    const reset = ok<{ saved: boolean; table: { rules: unknown[] } }>(await h.call('presence.tables.reset', { name: 'default' }));
    expect(reset.saved).toBe(false);
    expect(reset.table.rules).toHaveLength(9);
  });

  it('a bad table is refused with presence.rules.invalid naming the field; nothing is stored', async () => {
    const { h } = await harness();
    const r = await h.call('presence.tables.save', { name: 'lobby', table: { rules: [{ name: 'x', status: 'Busy', colour: 'red' }] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.id).toBe('presence.rules.invalid');
    expect(rendered(r.error).message).toContain('rules[0]');
    expect(rendered(r.error).message).not.toMatch(/at .*\.ts:\d+/);
    const missing = await h.call('presence.tables.get', { name: 'lobby' });
    expect(missing.ok ? '' : missing.error.id).toBe('presence.rules.notFound');
    const noName = await h.call('presence.tables.save', { table: {} });
    expect(noName.ok ? '' : noName.error.id).toBe('input.invalid');
  });

  it('presence.status without rules uses the saved table (by name, default "default")', async () => {
    const { h } = await harness();
    const created = ok<{ profile: { id: string } }>(await h.call('profiles.create', { profile: ewsDraft, secrets: { password: 'x' } }));
    ok(
      await h.call('presence.tables.save', {
        name: 'default',
        table: { rules: [{ name: 'calls', subject: '*call*', status: 'OnThePhone' }] },
      }),
    );
    ok(await h.call('presence.tables.save', { name: 'rooms', table: { rules: [{ name: 'all', status: 'Occupied' }] } }));
    const status = async (table?: string) =>
      ok<{ mailboxes: Array<{ current: { status: string } }> }>(
        await h.call('presence.status', {
          profileId: created.profile.id,
          mailboxes: ['anna.schmidt@contoso.com'],
          at: '2026-03-10T09:30:00Z',
          ...(table ? { table } : {}),
        }),
      ).mailboxes[0].current.status;
    expect(await status()).toBe('OnThePhone');
    expect(await status('rooms')).toBe('Occupied');
  });

  it('answers rpc.notAvailable when the host has no store', async () => {
    const { h } = await harness(false);
    const r = await h.call('presence.tables.list');
    expect(r.ok ? '' : r.error.id).toBe('rpc.notAvailable');
  });
});

describe('twoway.rules.* RPC', () => {
  const rule = {
    id: 'crm-anna',
    a: { mailbox: 'anna.schmidt@contoso.com' },
    b: { mailbox: 'crm.anna@contoso.com' },
    master: 'a',
    propagate: { bToA: { delete: false } },
  };

  it('saves, lists (after reload) and removes a rule, announcing each change', async () => {
    const { h, changes } = await harness();
    const saved = ok<{ rule: { id: string; propagate: { bToA: { delete: boolean; create: boolean } } } }>(
      await h.call('twoway.rules.save', { rule }),
    );
    expect(saved.rule.propagate.bToA).toEqual({ create: true, modify: true, delete: false });
    h.services.twowayRules = new TwoWayRuleStore({ dir: h.dir });
    expect(ok<{ rules: Array<{ id: string }> }>(await h.call('twoway.rules.list')).rules.map((r) => r.id)).toEqual(['crm-anna']);
    expect(ok(await h.call('twoway.rules.remove', { id: 'crm-anna' }))).toEqual({ removed: true });
    expect(ok<{ rules: unknown[] }>(await h.call('twoway.rules.list')).rules).toEqual([]);
    expect(changes).toEqual([
      { group: 'twowayRules', id: 'crm-anna' },
      { group: 'twowayRules', id: 'crm-anna' },
    ]);
  });

  it('refuses a bad rule naming the field, and a side whose profile does not exist', async () => {
    const { h } = await harness();
    const bad = await h.call('twoway.rules.save', { rule: { ...rule, a: { mailbox: 'x' } } });
    expect(bad.ok ? '' : `${bad.error.id} ${rendered(bad.error).message}`).toMatch(/^input\.invalid rule\.a\.mailbox/);
    const ghost = await h.call('twoway.rules.save', { rule: { ...rule, b: { mailbox: 'crm.anna@contoso.com', profile: 'Nowhere' } } });
    expect(ghost.ok).toBe(false);
    expect(ok<{ rules: unknown[] }>(await h.call('twoway.rules.list')).rules).toEqual([]);
  });
});

describe('presence tables and presence jobs', () => {
  const presenceJob = {
    type: 'presence',
    presence: { table: 'door-signs' },
    name: 'Door signs',
    profile: 'Contoso',
    mailboxes: { mode: 'allRooms' },
    target: { kind: 'folder', path: '/srv/signs' },
  };

  async function withJobs() {
    const { h } = await harness();
    const created: unknown[] = [];
    const views: Array<{ job: Record<string, unknown>; state: 'idle' }> = [];
    h.services.jobs = {
      list: async () => views as never,
      create: async (job: Record<string, unknown>) => {
        created.push(job);
        const view = { job: { ...job, id: `j${created.length}` }, state: 'idle' as const };
        views.push(view);
        return view as never;
      },
    } as unknown as NonNullable<typeof h.services.jobs>;
    ok(await h.call('profiles.create', { profile: ewsDraft, secrets: { password: 'x' } }));
    return { h, created };
  }

  it('jobs.create refuses a presence job whose rule table does not exist, naming the saved tables', async () => {
    const { h, created } = await withJobs();
    const r = await h.call('jobs.create', { job: presenceJob, secrets: {} });
    expect(r.ok ? '' : r.error.id).toBe('presence.rules.notFound');
    expect(r.ok ? '' : rendered(r.error).message).toContain('door-signs');
    expect(created).toEqual([]);
    ok(await h.call('presence.tables.save', { name: 'door-signs', table: { rules: [] } }));
    ok(await h.call('jobs.create', { job: presenceJob, secrets: {} }));
    expect(created).toHaveLength(1);
  });

  it('a table a presence job uses cannot be removed; the message names the job', async () => {
    const { h } = await withJobs();
    ok(await h.call('presence.tables.save', { name: 'door-signs', table: { rules: [] } }));
    ok(await h.call('jobs.create', { job: presenceJob, secrets: {} }));
    const r = await h.call('presence.tables.remove', { name: 'Door-Signs' });
    expect(r.ok ? '' : `${r.error.id} ${rendered(r.error).message}`).toMatch(/^input\.invalid name: .*"Door signs"/);
    expect(ok<{ tables: Array<{ name: string }> }>(await h.call('presence.tables.list')).tables.map((t) => t.name)).toEqual([
      'default',
      'door-signs',
    ]);
    ok(await h.call('presence.tables.save', { name: 'lobby', table: { rules: [] } }));
    expect(ok(await h.call('presence.tables.remove', { name: 'lobby' }))).toEqual({ removed: true });
  });
});
