// `calpump presence` and `calpump twoway` with saved rules against the simulator: a table saved with
// --save --table NAME is what presence uses by default or by --table; a rule saved with --save runs with --rule-id;
// `jobs add --type presence` refuses an unknown table and its run writes <mailbox>.json.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { readJson } from '../../support/typed-json.js';
import { addSimProfile, cliJson, runCli, tempConfigDir } from './helpers.js';

/** The part of `presence --json` these tests read. */
interface PresenceJson {
  mailboxes: Array<{ current: { status: string } }>;
}

let sim: RunningSimulator;
let dir: string;
const NOW = new Date('2026-03-03T14:05:00.000Z');
const ALICE = 'alice.smith@contoso.com';
const run = (argv: string[], input?: string) => runCli(['--config-dir', dir, ...argv], { input, now: () => NOW });

beforeAll(async () => {
  sim = await startSimulator({ seed: 51, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
  dir = await tempConfigDir();
  await addSimProfile(run, sim);
});
afterAll(async () => {
  await sim?.stop();
});

describe('calpump presence with saved tables', () => {
  it('uses the saved "default" table, a named one with --table, and lists them', async () => {
    const before = await run(['presence', '--profile', 'sim', '--mailbox', ALICE, '--json']);
    expect(cliJson<PresenceJson>(before).mailboxes[0].current.status).toBe('InAMeeting'); // the built-in table
    await writeFile(join(dir, 'mine.json'), JSON.stringify({ rules: [{ name: 'all', status: 'Occupied' }] }));
    const saved = await run(['presence', '--save', '--table', 'default', '--table-file', join(dir, 'mine.json')]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Saved rule table "default" (1 rules).');
    const after = await run(['presence', '--profile', 'sim', '--mailbox', ALICE, '--json']);
    expect(cliJson<PresenceJson>(after).mailboxes[0].current.status).toBe('Occupied');

    await writeFile(join(dir, 'signs.json'), JSON.stringify({ rules: [{ name: 'all', status: 'Engaged' }] }));
    expect((await run(['presence', '--save', '--table', 'door-signs', '--table-file', join(dir, 'signs.json')])).code).toBe(0);
    const named = await run(['presence', '--profile', 'sim', '--mailbox', ALICE, '--table', 'Door-Signs', '--json']);
    expect(cliJson<PresenceJson>(named).mailboxes[0].current.status).toBe('Engaged');
    const list = await run(['presence', '--list']);
    expect(list.stdout).toMatch(/default\s+1\s+yes/);
    expect(list.stdout).toMatch(/door-signs\s+1\s+yes/);

    const unknown = await run(['presence', '--profile', 'sim', '--mailbox', ALICE, '--table', 'lobby']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('lobby');
    expect(unknown.stderr).toContain('default, door-signs');
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ rules: [{ name: 'x' }] }));
    const bad = await run(['presence', '--save', '--table', 'x', '--table-file', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('rules[0].status');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('jobs add --type presence checks the table, and the run writes <mailbox>.json', async () => {
    const out = join(dir, 'signs');
    const missing = await run([
      'jobs',
      'add',
      '--type',
      'presence',
      '--name',
      'Signs',
      '--profile',
      'sim',
      '--mailbox',
      ALICE,
      '--table',
      'lobby',
      '--out',
      out,
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('lobby');
    const add = await run([
      'jobs',
      'add',
      '--type',
      'presence',
      '--name',
      'Signs',
      '--profile',
      'sim',
      '--mailbox',
      ALICE,
      '--table',
      'door-signs',
      '--lookahead-hours',
      '8',
      '--out',
      out,
      '--json',
    ]);
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      type: 'presence',
      presence: { table: 'door-signs', lookaheadHours: 8 },
      format: 'json',
    });
    const list = await run(['jobs', 'list']);
    expect(list.stdout).toMatch(/Signs\s+sim\s+alice\.smith@contoso\.com\s+door-signs → \S+\s+presence/);
    const r = await run(['jobs', 'run', 'Signs', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = await readJson<unknown>(join(out, `${ALICE}.json`));
    expect(doc).toMatchObject({ mailbox: ALICE, computedAt: NOW.toISOString(), table: 'door-signs', current: { status: 'Engaged' } });
  });
});

describe('calpump twoway with saved rules', () => {
  it('saves a rule from a file, lists it and runs it by id', async () => {
    const file = join(dir, 'rule.json');
    await writeFile(
      file,
      JSON.stringify({
        id: 'saved-rule',
        a: { mailbox: ALICE, profile: 'sim' },
        b: { mailbox: 'bob.jones@contoso.com', profile: 'sim' },
        master: 'a',
        window: { daysBack: 0, daysAhead: 2 },
      }),
    );
    const save = await run(['twoway', '--rule-file', file, '--save']);
    expect(save.code, save.stderr).toBe(0);
    expect(save.stdout).toContain('Saved two-way rule "saved-rule".');
    expect((await run(['twoway', '--list'])).stdout).toMatch(
      /saved-rule\s+alice\.smith@contoso\.com \(sim\)\s+bob\.jones@contoso\.com \(sim\)\s+A/,
    );
    const first = await run(['twoway', '--rule-id', 'saved-rule', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(cliJson<{ rule: string }>(first).rule).toBe('saved-rule');
    const neither = await run(['twoway']);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--rule-id');
    const unknown = await run(['twoway', '--rule-id', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('saved-rule');
  });

  it('--mode overwrite saves an overwrite rule; --dry-run lists its writes per side and writes nothing', async () => {
    const file = join(dir, 'ow.json');
    const target = 'jan.devries@contoso.com';
    sim.world.mutate.addEvent(ALICE, 'calendar', { subject: 'Overwrite me', date: '2026-03-04', time: '10:00', timeZone: 'UTC' });
    const own = sim.world.mutate.addEvent(target, 'calendar', { subject: 'Jan own', date: '2026-03-04', time: '12:00', timeZone: 'UTC' });
    await writeFile(
      file,
      JSON.stringify({
        id: 'ow',
        a: { mailbox: ALICE, profile: 'sim' },
        b: { mailbox: target, profile: 'sim' },
        master: 'a',
        window: { daysBack: 0, daysAhead: 2 },
      }),
    );
    expect((await run(['twoway', '--rule-file', file, '--save', '--mode', 'overwrite'])).code).toBe(0);
    expect((await run(['twoway', '--list'])).stdout).toMatch(
      /ow\s+alice\.smith@contoso\.com \(sim\)\s+jan\.devries@contoso\.com \(sim\)\s+A\s+overwrite/,
    );
    sim.counters.reset();
    const dry = await run(['twoway', '--rule-id', 'ow', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Overwrite: A replaces every Calpump copy in B');
    expect(dry.stdout).toMatch(/A \(alice\.smith@contoso\.com\): 0 writes planned/);
    expect(dry.stdout).toMatch(/create\s+Overwrite me/);
    expect(dry.stdout).not.toContain('Jan own');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(sim.counters.operation('CreateItem') + sim.counters.operation('UpdateItem') + sim.counters.operation('DeleteItem')).toBe(0);
    const wet = await run(['twoway', '--rule-id', 'ow', '--json']);
    expect(wet.code, wet.stderr).toBe(0);
    const report = JSON.parse(wet.stdout) as { mode: string; created: { a: number; b: number } };
    expect(report.mode).toBe('overwrite');
    expect(report.created.a).toBe(0);
    expect(report.created.b).toBeGreaterThan(0);
    expect(sim.world.events.get(own.id)?.subject).toBe('Jan own');
    const again = await run(['twoway', '--rule-id', 'ow', '--dry-run']);
    expect(again.stdout).toMatch(/B \(jan\.devries@contoso\.com\): 0 writes planned/);
  });
});
