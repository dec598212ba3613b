// A stored job of type 'freebusy' through the executor every host uses, against the simulator: svc-delegate
// cannot read jan.devries's calendar, yet the free/busy job writes his busy blocks to the folder target and the
// run lands in the history. The same job without a type is an export and fails on the missing read right.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { createJobExecutor } from '../../../src/core/scheduler/job-executor.js';
import { RunHistory } from '../../../src/core/store/run-history.js';
import { ewsProfileSchema, secretKey, type Profile } from '../../../src/shared/profile.js';
import type { PumpEvent } from '../../../src/shared/job.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { expectedBlocks } from '../freebusy/expected-blocks.js';
import { readJson } from '../../support/typed-json.js';

const JAN = 'jan.devries@contoso.com';
const NOW = new Date('2026-03-02T06:00:00Z');
// jobWindow(NOW, { daysBack: 0, daysAhead: 13 }) = [2026-03-02, 2026-03-16)
const FROM = new Date('2026-03-02T00:00:00Z');
const TO = new Date('2026-03-16T00:00:00Z');
let sim: RunningSimulator;
let h: Harness;
let profile: Profile;

beforeAll(async () => {
  sim = await startSimulator({ seed: 31, anchor: NOW, eventsPerMailbox: 4 });
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(async () => {
  h = await createHarness(NOW.toISOString());
  profile = ewsProfileSchema.parse({
    id: 'fb-ews',
    name: 'fb',
    kind: 'ews',
    url: sim.ewsUrl,
    username: 'svc-delegate@contoso.com',
    auth: 'basic',
    access: 'delegate',
    tls: { caFile: sim.caFile },
  });
  await h.secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
});
afterEach(async () => {
  await h.cleanup();
});

const janBlocks = () => expectedBlocks(sim, JAN, FROM, TO, 'Europe/Amsterdam');

function executor(history: RunHistory) {
  return createJobExecutor({
    profiles: { get: async () => profile },
    connectorFor: (p) => createEwsConnector(p as never, { secrets: h.secrets, logger: h.logger }),
    states: h.states,
    secrets: h.secrets,
    history,
    logger: h.logger,
    now: () => NOW,
  });
}

describe('free/busy job type', () => {
  it('writes the busy blocks of a mailbox the account cannot read and records the run', async () => {
    const history = new RunHistory(h.dir);
    const out = join(h.dir, 'fb');
    const job = h.job({
      type: 'freebusy',
      mailboxes: { mode: 'list', list: [JAN] },
      window: { daysBack: 0, daysAhead: 13 },
      format: 'json',
      target: { kind: 'folder', path: out },
    });
    const events: PumpEvent[] = [];
    const { record, folders } = await executor(history)(job, { trigger: 'schedule', runId: 'run-fb', onEvent: (e) => events.push(e) });

    const expected = janBlocks();
    expect(expected.length).toBeGreaterThan(5);
    expect(record).toMatchObject({
      runId: 'run-fb',
      status: 'ok',
      mailboxesOk: 1,
      mailboxesFailed: 0,
      items: expected.length,
      itemsWritten: expected.length,
      trigger: 'schedule',
    });
    expect(folders).toEqual([expect.objectContaining({ mailbox: JAN, ok: true, items: expected.length })]);
    expect(await readdir(out)).toEqual(['freebusy-jan.devries@contoso.com.json']);
    const file = await readJson<unknown>(join(out, 'freebusy-jan.devries@contoso.com.json'));
    expect(file).toMatchObject({ mailbox: JAN, from: FROM.toISOString(), to: TO.toISOString(), blocks: expected });
    expect(events.map((e) => e.type)).toEqual(['job.started', 'mailbox.progress', 'job.finished']);
    expect(events[1]).toMatchObject({ mailbox: JAN, done: 1, total: 1, ok: true, items: expected.length });
    const path = join(out, 'freebusy-jan.devries@contoso.com.json');
    expect(record.mailboxes).toEqual([{ mailbox: JAN, ok: true, items: expected.length, itemsWritten: expected.length }]);
    expect(record.outputs).toEqual([{ path, bytes: (await stat(path)).size, mailbox: JAN }]);
    expect(record.feeds).toEqual([{ mailbox: JAN, path: `/feeds/${encodeURIComponent(job.name)}/jan.devries%40contoso.com.json` }]);
    expect(await history.list(job.id, 5)).toEqual([record]);
  });

  it('writes a VFREEBUSY for format ics, and a dry run writes nothing', async () => {
    const history = new RunHistory(h.dir);
    const out = join(h.dir, 'fb-ics');
    const job = h.job({
      type: 'freebusy',
      mailboxes: { mode: 'list', list: [JAN] },
      window: { daysBack: 0, daysAhead: 13 },
      format: 'ics',
      target: { kind: 'folder', path: out },
    });
    const dry = await executor(history)(job, { trigger: 'manual', dryRun: true });
    expect(dry.record).toMatchObject({ status: 'ok', dryRun: true, itemsWritten: 0 });
    expect(dry.record.items).toBe(janBlocks().length);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });

    await executor(history)(job, { trigger: 'manual' });
    const ics = await readFile(join(out, 'freebusy-jan.devries@contoso.com.ics'), 'utf8');
    expect(ics).toContain('BEGIN:VFREEBUSY');
    expect(ics.match(/^FREEBUSY;FBTYPE=/gm)?.length).toBe(janBlocks().length);
  });

  it('refuses a non-folder target with a clear error in the run record', async () => {
    const history = new RunHistory(h.dir);
    const job = h.job({
      type: 'freebusy',
      mailboxes: { mode: 'list', list: [JAN] },
      target: { kind: 'sqlite', path: join(h.dir, 'x.db') },
    });
    const { record } = await executor(history)(job, { trigger: 'manual' });
    expect(record.status).toBe('failed');
    expect(record.errors[0].error).toMatchObject({ id: 'input.invalid' });
  });

  it('runs a job without a type as an export (which needs the read right svc-delegate lacks)', async () => {
    const history = new RunHistory(h.dir);
    const out = join(h.dir, 'export');
    const job = h.job({
      mailboxes: { mode: 'list', list: [JAN] },
      window: { daysBack: 0, daysAhead: 13 },
      format: 'json',
      target: { kind: 'folder', path: out },
    });
    expect(job.type).toBeUndefined();
    const { record, folders } = await executor(history)(job, { trigger: 'manual' });
    expect(record).toMatchObject({ status: 'failed', mailboxesFailed: 1 });
    expect(folders[0].error).toMatchObject({ id: 'ews.delegate.accessDenied' });
    expect((await readdir(out).catch(() => [])).filter((f) => f.startsWith('freebusy-'))).toEqual([]);
  });
});
