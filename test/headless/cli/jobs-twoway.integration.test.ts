// `calpump jobs add --type twoway` against the simulator: the saved rule is checked at add time (an unknown id is
// exit 2 naming --rule-id and the saved rules; mailboxes or a target are refused), `jobs list` shows the rule,
// `jobs run --dry-run` shows per side what would propagate and writes nothing, a run mirrors, a second run writes
// nothing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { addSimProfile, cliJson, runCli, tempConfigDir, type ProfileJson } from './helpers.js';

let sim: RunningSimulator;
let dir: string;
let profileId: string;
const NOW = new Date('2026-03-03T12:00:00.000Z');
const ALICE = 'alice.smith@contoso.com';
const BOB = 'bob.jones@contoso.com';
const run = (argv: string[], input?: string) => runCli(['--config-dir', dir, ...argv], { input, now: () => NOW });

beforeAll(async () => {
  sim = await startSimulator({ seed: 61, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
  dir = await tempConfigDir();
  await addSimProfile(run, sim);
  profileId = cliJson<ProfileJson>(await run(['profiles', 'show', 'sim', '--json'])).profile.id;
  const file = join(dir, 'rule.json');
  await writeFile(
    file,
    JSON.stringify({
      id: 'alice-bob',
      a: { mailbox: ALICE, profile: 'sim' },
      b: { mailbox: BOB, profile: 'sim' },
      master: 'a',
      window: { daysBack: 0, daysAhead: 2 },
    }),
  );
  const save = await run(['twoway', '--rule-file', file, '--save']);
  expect(save.code, save.stderr).toBe(0);
});
afterAll(async () => {
  await sim?.stop();
});

describe('calpump jobs --type twoway', () => {
  it('refuses an unknown rule, mailboxes or a target, naming the option', async () => {
    const unknown = await run(['jobs', 'add', '--type', 'twoway', '--name', 'X', '--rule-id', 'nope', '--every', '15']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--rule-id');
    expect(unknown.stderr).toContain('alice-bob');
    const noRule = await run(['jobs', 'add', '--type', 'twoway', '--name', 'X']);
    expect(noRule.code).toBe(2);
    expect(noRule.stderr).toContain('--rule-id');
    const withMailbox = await run(['jobs', 'add', '--type', 'twoway', '--name', 'X', '--rule-id', 'alice-bob', '--mailbox', ALICE]);
    expect(withMailbox.code).toBe(2);
    expect(withMailbox.stderr).toContain('--mailbox');
    const withTarget = await run(['jobs', 'add', '--type', 'twoway', '--name', 'X', '--rule-id', 'alice-bob', '--out', join(dir, 'o')]);
    expect(withTarget.code).toBe(2);
    expect(withTarget.stderr).toContain('--out');
    const ruleOnExport = await run([
      'jobs',
      'add',
      '--name',
      'Y',
      '--profile',
      'sim',
      '--mailbox',
      ALICE,
      '--out',
      join(dir, 'o'),
      '--rule-id',
      'alice-bob',
    ]);
    expect(ruleOnExport.code).toBe(2);
    expect(ruleOnExport.stderr).toContain('--rule-id');
    expect(JSON.parse((await run(['jobs', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('adds a scheduled two-way job, lists its rule, dry-runs, runs, and a second run writes nothing', async () => {
    sim.world.mutate.addEvent(ALICE, 'calendar', { subject: 'Alice review', date: '2026-03-04', time: '10:00', timeZone: 'UTC' });
    const add = await run(['jobs', 'add', '--type', 'twoway', '--name', 'Alice-Bob', '--rule-id', 'Alice-Bob', '--every', '15', '--json']);
    expect(add.code, add.stderr).toBe(0);
    const job = cliJson<unknown>(add);
    expect(job).toMatchObject({
      type: 'twoway',
      twoway: { ruleId: 'alice-bob' },
      profile: profileId,
      schedule: { kind: 'interval', minutes: 15, active: true },
    });
    expect(job).not.toHaveProperty('target');
    const list = await run(['jobs', 'list']);
    expect(list.stdout).toMatch(
      /Alice-Bob\s+sim\s+alice\.smith@contoso\.com ⇄ bob\.jones@contoso\.com\s+⇄ rule alice-bob\s+twoway\s+every 15 min/,
    );

    const dry = await run(['jobs', 'run', 'Alice-Bob', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`✓ ${BOB.replace('.', '\\.')} \\(calendar\\): .*\\+[1-9]\\d* −0`));
    expect(dry.stdout).toContain('Dry run');
    const owned = () => [...sim.world.events.values()].filter((e) => e.extendedProperties.some((p) => p.value === 'alice-bob')).length;
    expect(owned()).toBe(0);

    const first = await run(['jobs', 'run', 'Alice-Bob', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const r1 = cliJson<{ itemsWritten: number }>(first);
    expect(r1).toMatchObject({ ok: true, status: 'ok', mailboxesOk: 2 });
    expect(r1.itemsWritten).toBeGreaterThan(0);
    expect(owned()).toBe(r1.itemsWritten);
    const second = cliJson<unknown>(await run(['jobs', 'run', 'Alice-Bob', '--json']));
    expect(second).toMatchObject({ ok: true, itemsWritten: 0 });
  });
});
