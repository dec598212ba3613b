// Two-way jobs over RPC: jobs.create/jobs.update refuse a rule id that is not saved (naming the field and the
// saved rules), accept a saved one without mailboxes or target, and a rule a job runs cannot be removed (the
// message names the job) — as presence jobs and their rule tables.
import type { RpcResult } from '../../../src/shared/rpc.js';
import { afterEach, describe, expect, it } from 'vitest';
import { rendered } from '../../support/rendered.js';
import { TwoWayRuleStore } from '../../../src/core/store/twoway-rule-store.js';
import { ewsDraft, makeHarness, scriptedConnector } from './harness.js';

type H = Awaited<ReturnType<typeof makeHarness>>;
let h: H | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

const ok = <T>(r: RpcResult): T => {
  if (!r.ok) throw new Error(`${r.error.id}: ${rendered(r.error).message}`);
  return r.output as T;
};

const rule = { id: 'crm-anna', a: { mailbox: 'anna.schmidt@contoso.com' }, b: { mailbox: 'crm.anna@contoso.com' }, master: 'a' };
const twoWayJob = {
  type: 'twoway',
  twoway: { ruleId: 'crm-anna' },
  name: 'CRM both ways',
  profile: 'Contoso',
  schedule: { kind: 'interval', minutes: 15, active: true },
};

async function withJobs() {
  const made = await makeHarness({ connector: scriptedConnector({ events: [] }) });
  h = made;
  made.services.twowayRules = new TwoWayRuleStore({ dir: made.dir });
  const created: Array<Record<string, unknown>> = [];
  const views: Array<{ job: Record<string, unknown>; state: 'idle' }> = [];
  made.services.jobs = {
    list: async () => views as never,
    create: async (job: Record<string, unknown>) => {
      created.push(job);
      const view = { job: { ...job, id: `j${created.length}` }, state: 'idle' as const };
      views.push(view);
      return view as never;
    },
    update: async (job: Record<string, unknown>) => ({ job, state: 'idle' }) as never,
  } as unknown as NonNullable<typeof made.services.jobs>;
  ok(await made.call('profiles.create', { profile: ewsDraft, secrets: { password: 'x' } }));
  return { h: made, created };
}

describe('two-way jobs and saved two-way rules', () => {
  it('jobs.create refuses a rule id that is not saved, naming the field; a saved rule is accepted without mailboxes or target', async () => {
    const { h, created } = await withJobs();
    const r = await h.call('jobs.create', { job: twoWayJob, secrets: {} });
    expect(r.ok ? '' : `${r.error.id} ${rendered(r.error).message}`).toMatch(/^input\.invalid twoway\.ruleId: .*"crm-anna"/);
    expect(created).toEqual([]);
    ok(await h.call('twoway.rules.save', { rule }));
    ok(await h.call('jobs.create', { job: twoWayJob, secrets: {} }));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ type: 'twoway', twoway: { ruleId: 'crm-anna' } });
    expect(created[0]).not.toHaveProperty('mailboxes');
    expect(created[0]).not.toHaveProperty('target');
  });

  it('jobs.update refuses a job switched to a rule that is not saved', async () => {
    const { h } = await withJobs();
    ok(await h.call('twoway.rules.save', { rule }));
    const r = await h.call('jobs.update', { job: { ...twoWayJob, id: 'j1', twoway: { ruleId: 'nope' } }, secrets: {} });
    expect(r.ok ? '' : `${r.error.id} ${rendered(r.error).message}`).toMatch(/^input\.invalid twoway\.ruleId: .*"nope".*crm-anna/);
  });

  it('a rule a two-way job runs cannot be removed; the message names the job', async () => {
    const { h } = await withJobs();
    ok(await h.call('twoway.rules.save', { rule }));
    ok(await h.call('twoway.rules.save', { rule: { ...rule, id: 'spare' } }));
    ok(await h.call('jobs.create', { job: twoWayJob, secrets: {} }));
    const r = await h.call('twoway.rules.remove', { id: 'CRM-Anna' });
    expect(r.ok ? '' : `${r.error.id} ${rendered(r.error).message}`).toMatch(/^input\.invalid id: .*"CRM both ways"/);
    expect(ok<{ rules: Array<{ id: string }> }>(await h.call('twoway.rules.list')).rules.map((x) => x.id)).toEqual(['crm-anna', 'spare']);
    expect(ok(await h.call('twoway.rules.remove', { id: 'spare' }))).toEqual({ removed: true });
  });
});
