// The issue-7 RPC methods through the dispatcher: contract checks first, document checks by the services
// (input.invalid naming the field), happy paths over an in-memory writer and a scripted connector.
import { readFile, writeFile } from 'node:fs/promises';
import { rendered } from '../../support/rendered.js';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { MemoryWriter } from '../../support/memory-writer.js';
import { ewsDraft, makeHarness, scriptedConnector } from './harness.js';

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

type H = Awaited<ReturnType<typeof makeHarness>>;
let h: H | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function harness(withWriter = true) {
  const writer = new MemoryWriter();
  const made = await makeHarness({ connector: scriptedConnector({ events: [meeting] }) });
  if (withWriter) {
    made.services.writerFor = async () => writer;
    made.services.stateDir = join(made.dir, 'state');
  }
  const created = await made.call('profiles.create', { profile: ewsDraft, secrets: { password: 'x' } });
  if (!created.ok) throw new Error(rendered(created.error).message);
  const profileId = (created.output as { profile: { id: string } }).profile.id;
  h = made;
  return { h: made, writer, profileId };
}

describe('write-direction RPC methods', () => {
  it('import.plan shows the creates, import.run writes them with progress events, a second plan is unchanged', async () => {
    const { h, writer, profileId } = await harness();
    const csv = join(h.dir, 'a.csv');
    await writeFile(csv, 'id,mailbox,start\n1,a@x.com,2026-04-01\n2,b@x.com,2026-04-02\nbad,,\n');
    const job = { id: 'ui', source: { path: csv }, defaultSubject: 'Away' };
    const plan = await h.call('import.plan', { profileId, job });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.output).toMatchObject({ dryRun: true, totals: { creates: 2 } });
    const report = plan.output as { rowErrors: Array<{ line: number }>; mailboxes: Array<{ mailbox: string; planned?: unknown[] }> };
    expect(report.rowErrors.map((e) => e.line)).toEqual([4]);
    expect(report.mailboxes.map((m) => [m.mailbox, m.planned?.length])).toEqual([
      ['a@x.com', 1],
      ['b@x.com', 1],
    ]);
    expect(writer.items.size).toBe(0);

    const progress: unknown[] = [];
    h.dispatcher.events.subscribe((name, p) => name === 'import.progress' && progress.push(p));
    const run = await h.call('import.run', { profileId, job, opId: 'op-1' });
    expect(run).toMatchObject({ ok: true, output: { dryRun: false, totals: { creates: 2 } } });
    expect(writer.items.size).toBe(2);
    expect(progress).toEqual([
      { opId: 'op-1', mailbox: 'a@x.com', action: 'create', items: 1, failed: 0 },
      { opId: 'op-1', mailbox: 'b@x.com', action: 'create', items: 1, failed: 0 },
    ]);
    expect(await h.call('import.plan', { profileId, job })).toMatchObject({ ok: true, output: { totals: { creates: 0, unchanged: 2 } } });
  });

  it('rejects a bad job document with input.invalid naming the field, and a missing job before any service runs', async () => {
    const { h, profileId, writer } = await harness();
    const bad = await h.call('import.plan', { profileId, job: { id: 'bad id', source: { path: 'x.csv' } } });
    expect(bad).toMatchObject({ ok: false, error: { id: 'input.invalid' } });
    if (!bad.ok) expect(rendered(bad.error).message).toContain('job.id');
    expect(await h.call('import.run', { profileId })).toMatchObject({ ok: false, error: { id: 'input.invalid' } });
    expect(await h.call('freebusy.blocks', { profileId, mailboxes: [], from: 'x', to: 'y' })).toMatchObject({
      ok: false,
      error: { id: 'input.invalid' },
    });
    expect(await h.call('twoway.conflicts', { ruleId: '' })).toMatchObject({ ok: false, error: { id: 'input.invalid' } });
    expect(writer.calls).toEqual([]);
  });

  it('answers rpc.notAvailable for writing when the host gives no writer', async () => {
    const { h, profileId } = await harness(false);
    const r = await h.call('import.plan', { profileId, job: { id: 'ui', source: { path: 'x.csv' } } });
    expect(r).toMatchObject({ ok: false, error: { id: 'rpc.notAvailable' } });
  });

  it('presence: default rules validate, a broken table says why, status maps the meeting with a given table', async () => {
    const { h, profileId } = await harness();
    const def = await h.call('presence.defaultRules', {});
    expect(def.ok).toBe(true);
    if (!def.ok) return;
    const table = (def.output as { table: { rules: Array<Record<string, unknown>> } }).table;
    expect(await h.call('presence.validateRules', { table })).toMatchObject({ ok: true, output: { ok: true } });
    const broken = await h.call('presence.validateRules', { table: { ...table, rules: [{ name: 'x' }] } });
    expect(broken).toMatchObject({ ok: true, output: { ok: false, error: { id: 'presence.rules.invalid' } } });

    const at = '2026-03-10T09:30:00Z';
    const withDefault = await h.call('presence.status', { profileId, mailboxes: ['anna.schmidt@contoso.com'], at });
    expect(withDefault).toMatchObject({
      ok: true,
      output: { mailboxes: [{ mailbox: 'anna.schmidt@contoso.com', ok: true, current: { status: 'InACall', rule: 'call' } }] },
    });
    const custom = { rules: [{ name: 'all', subject: '*', status: 'Busy' }] };
    const withCustom = await h.call('presence.status', { profileId, mailboxes: ['anna.schmidt@contoso.com'], at, rules: custom });
    expect(withCustom).toMatchObject({ ok: true, output: { mailboxes: [{ ok: true, current: { status: 'Busy', rule: 'all' } }] } });
    const badRules = await h.call('presence.status', { profileId, mailboxes: ['anna.schmidt@contoso.com'], at, rules: { rules: 'no' } });
    expect(badRules).toMatchObject({ ok: false, error: { id: 'presence.rules.invalid' } });
  });

  it('freebusy.blocks answers the blocks per mailbox, and a backend without free/busy says so', async () => {
    const { h, profileId } = await harness();
    const range = { from: '2026-03-10T00:00:00Z', to: '2026-03-11T00:00:00Z' };
    const none = await h.call('freebusy.blocks', { profileId, mailboxes: ['room.amsterdam@contoso.com'], ...range });
    expect(none).toMatchObject({ ok: false, error: { id: 'freebusy.notSupported' } });
    const { connector } = await h.dispatcher.connectors.get(profileId);
    const asked: string[][] = [];
    connector.availability = async (mailboxes) => {
      asked.push(mailboxes);
      return [
        { mailbox: 'room.amsterdam@contoso.com', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:00:00.000Z', showAs: 'busy' },
      ];
    };
    const r = await h.call('freebusy.blocks', {
      profileId,
      mailboxes: ['room.amsterdam@contoso.com', 'alice.smith@contoso.com'],
      ...range,
    });
    expect(r).toMatchObject({
      ok: true,
      output: {
        mailboxes: [
          { mailbox: 'room.amsterdam@contoso.com', ok: true, blocks: [{ start: '2026-03-10T09:00:00.000Z', showAs: 'busy' }] },
          { mailbox: 'alice.smith@contoso.com', ok: true, blocks: [] },
        ],
      },
    });
    expect(asked).toEqual([['room.amsterdam@contoso.com', 'alice.smith@contoso.com']]);
  });

  it('twoway.conflicts reads the newest entries of the rule log first, and none for an unknown rule', async () => {
    const { h } = await harness();
    expect(await h.call('twoway.conflicts', { ruleId: 'nothing' })).toMatchObject({ ok: true, output: { conflicts: [] } });
    const { conflictLogPath } = await import('../../../src/core/twoway/twoway-state.js');
    const file = conflictLogPath(join(h.dir, 'state'), 'r1');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(file, '..'), { recursive: true });
    const entry = (key: string) =>
      JSON.stringify({
        time: '2026-03-10T09:00:00.000Z',
        rule: 'r1',
        key,
        master: 'a',
        winner: 'a',
        action: 'update',
        a: { subject: 'A' },
        b: null,
      });
    await writeFile(file, `${entry('k1')}\n${entry('k2')}\n`);
    const r = await h.call('twoway.conflicts', { ruleId: 'r1', limit: 1 });
    expect(r).toMatchObject({ ok: true, output: { conflicts: [{ key: 'k2', a: { subject: 'A' }, b: null }] } });
    expect(await readFile(file, 'utf8')).toContain('k1');
  });
});
