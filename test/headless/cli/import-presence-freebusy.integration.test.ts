// The write-direction commands end to end against the simulator with a profile made by the CLI itself:
// import (dry run, run, unchanged re-run, a bad row with its line, bad input), presence, freebusy and twoway.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { main } from '../../../src/headless/cli/main.js';
import { Readable } from 'node:stream';
import { parseJson, readJson } from '../../support/typed-json.js';
import { addSimProfile, cliJson, runCli, tempConfigDir } from './helpers.js';

/** The part of `import --json` these tests read. */
interface ImportJson {
  totals: { creates: number };
  mailboxes: Array<{ mailbox: string; planned: Array<{ action: string; key: string }> }>;
}

let sim: RunningSimulator;
let dir: string;
const NOW = new Date('2026-03-03T14:05:00.000Z');
const run = (argv: string[], input?: string) => runCli(['--config-dir', dir, ...argv], { input, now: () => NOW });

beforeAll(async () => {
  sim = await startSimulator({ seed: 51, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
  dir = await tempConfigDir();
  await addSimProfile(run, sim);
  const delegate = await run(
    [
      'profiles',
      'add',
      '--name',
      'delegate',
      '--url',
      sim.ewsUrl,
      '--username',
      'svc-delegate@contoso.com',
      '--auth',
      'basic',
      '--access',
      'delegate',
      '--password-stdin',
      '--ca-file',
      sim.caFile!,
    ],
    'Passw0rd!\n',
  );
  expect(delegate.code, delegate.stderr).toBe(0);
});
afterAll(async () => {
  await sim?.stop();
});

const CSV =
  'id,mailbox,subject,start,end\nA1,anna.schmidt@contoso.com,Urlaub,2026-03-16,2026-03-18\nA2,jan.devries@contoso.com,Vakantie,2026-03-17,2026-03-17\nA3,anna.schmidt@contoso.com,Training,2026-03-19 09:00,2026-03-19 12:00\n';

describe('calpump import', () => {
  it('dry run lists changes per mailbox, the run writes them, an unchanged re-run writes nothing', async () => {
    const csv = join(dir, 'absences.csv');
    await writeFile(csv, CSV);
    const dry = await run([
      'import',
      '--profile',
      'sim',
      '--source',
      csv,
      '--category',
      'Absence',
      '--time-zone',
      'Europe/Berlin',
      '--dry-run',
      '--json',
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = cliJson<ImportJson>(dry);
    expect(plan).toMatchObject({ ok: true, job: 'absences', dryRun: true, totals: { creates: 3 } });
    expect(plan.mailboxes.find((m) => m.mailbox === 'anna.schmidt@contoso.com')?.planned.map((p) => [p.action, p.key])).toEqual([
      ['create', 'A1'],
      ['create', 'A3'],
    ]);
    expect(sim.counters.operation('CreateItem')).toBe(0);

    const done = await run(['import', '--profile', 'sim', '--source', csv, '--category', 'Absence', '--time-zone', 'Europe/Berlin']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/✓ anna\.schmidt@contoso\.com: 2 created, 0 updated, 0 deleted, 0 unchanged/);
    const training = [...sim.world.events.values()].find((e) => e.subject === 'Training' && e.mailbox === 'anna.schmidt@contoso.com')!;
    expect(training).toMatchObject({ start: '2026-03-19T08:00:00.000Z', showAs: 'oof', categories: ['Absence'] });

    sim.counters.reset();
    const again = await run([
      'import',
      '--profile',
      'sim',
      '--source',
      csv,
      '--category',
      'Absence',
      '--time-zone',
      'Europe/Berlin',
      '--json',
    ]);
    expect(cliJson<ImportJson>(again).totals).toMatchObject({ creates: 0, updates: 0, deletes: 0, unchanged: 3 });
    expect(sim.counters.operation('CreateItem') + sim.counters.operation('UpdateItem') + sim.counters.operation('DeleteItem')).toBe(0);
  });

  it('a malformed row: line number on stderr, the rest applied, exit 1', async () => {
    const csv = join(dir, 'bad.csv');
    await writeFile(
      csv,
      'id,mailbox,start,end\nB1,alice.smith@contoso.com,2026-03-20,2026-03-20\nB2,alice.smith@contoso.com,20.13.2026,2026-03-21\n',
    );
    const r = await run(['import', '--profile', 'sim', '--source', csv, '--subject', 'Out of office']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${csv} line 3`);
    expect(r.stderr).toContain('[import.row.invalid]');
    expect(r.stdout).toMatch(/alice\.smith@contoso\.com: 1 created/);
  });

  it('bad input is exit 2 with the field named; a missing source is exit 1 with its entry', async () => {
    const noSource = await run(['import', '--profile', 'sim']);
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain('--source');
    const badId = await run(['import', '--profile', 'sim', '--source', join(dir, 'x.csv'), '--id', 'bad id!']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('id');
    const missing = await run(['import', '--profile', 'sim', '--source', join(dir, 'nope.csv'), '--json']);
    expect(missing.code).toBe(1);
    expect(cliJson<{ error: { id: string } }>(missing).error.id).toBe('import.source.unreadable');
  });

  it('a job file sets columns, mailboxes and the id', async () => {
    const src = join(dir, 'holidays');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'nl.csv'), 'Datum;Naam\n2026-04-27;Koningsdag\n');
    const job = join(dir, 'holidays.json');
    await writeFile(
      job,
      JSON.stringify({
        id: 'nl-holidays',
        profile: 'sim',
        source: { path: src },
        mailboxes: ['jan.devries@contoso.com'],
        showAs: 'free',
        columns: { start: 'Datum', subject: 'Naam' },
      }),
    );
    const r = await run(['import', '--job-file', job, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ job: 'nl-holidays', totals: { creates: 1 } });
  });
});

describe('calpump import --every', () => {
  it('runs a round, then stops when signalled instead of waiting for the next one', async () => {
    const csv = join(dir, 'polled.csv');
    await writeFile(csv, 'id,mailbox,start\nP1,bob.jones@contoso.com,2026-03-23\n');
    const stop = new AbortController();
    let out = '';
    let rounds = 0;
    const code = await main(
      ['--config-dir', dir, 'import', '--profile', 'sim', '--source', csv, '--subject', 'Polled', '--every', '1', '--json'],
      {
        stdout: {
          write: (c: string) => {
            out += c;
            if (c.includes('"job"') && ++rounds === 1) stop.abort();
            return true;
          },
        },
        stderr: { write: () => true },
        stdin: Readable.from([]) as unknown as NodeJS.ReadableStream,
        env: {},
        now: () => NOW,
        signal: stop.signal,
      },
    );
    expect(code).toBe(0);
    expect(rounds).toBe(1);
    expect(parseJson<ImportJson>(out).totals.creates).toBe(1);
  });
});

describe('calpump presence / freebusy / twoway', () => {
  it('presence prints the status and writes JSON files', async () => {
    const out = join(dir, 'presence');
    const r = await run(['presence', '--profile', 'sim', '--mailbox', 'alice.smith@contoso.com', '--lookahead-hours', '8', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    // The project review (with a room) runs 14:00–15:00Z; the daily stand-up inside it ends sooner and shows.
    expect(r.stdout).toMatch(/alice\.smith@contoso\.com: InAMeeting until 2026-03-03T14:15:00\.000Z/);
    expect(r.stdout).toContain('then Busy 2026-03-03T14:15:00.000Z – 2026-03-03T14:30:00.000Z');
    expect(r.stdout).toContain('then InAMeeting 2026-03-03T14:30:00.000Z – 2026-03-03T15:00:00.000Z');
    const file = await readJson<{ current: { status: string } }>(join(out, 'alice.smith@contoso.com.json'));
    expect(file.current.status).toBe('InAMeeting');
    const rules = await run(['presence', '--print-default-rules']);
    expect(cliJson<{ rules: unknown[] }>(rules).rules[0]).toMatchObject({ name: 'out-of-office', status: 'OutOfOffice' });
    await writeFile(join(dir, 'rules.json'), JSON.stringify({ rules: [{ name: 'x', status: 'Busy', showAs: 'maybe' }] }));
    const bad = await run([
      'presence',
      '--profile',
      'sim',
      '--mailbox',
      'alice.smith@contoso.com',
      '--table-file',
      join(dir, 'rules.json'),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('rules[0].showAs');
  });

  it('freebusy exports a mailbox the delegate cannot read', async () => {
    const out = join(dir, 'fb');
    const r = await run([
      'freebusy',
      '--profile',
      'delegate',
      '--mailbox',
      'jan.devries@contoso.com',
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-15',
      '--format',
      'ics',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ics = await readFile(join(out, 'freebusy-jan.devries@contoso.com.ics'), 'utf8');
    expect(ics).toContain('FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:');
    const denied = await run([
      'export',
      '--profile',
      'delegate',
      '--mailbox',
      'jan.devries@contoso.com',
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-15',
      '--format',
      'json',
      '--dry-run',
      '--json',
    ]);
    expect(denied.code).toBe(1);
  });

  it('twoway runs a rule file and reports per side', async () => {
    const rule = join(dir, 'rule.json');
    await writeFile(
      rule,
      JSON.stringify({
        id: 'cli-rule',
        a: { mailbox: 'alice.smith@contoso.com' },
        b: { mailbox: 'bob.jones@contoso.com' },
        master: 'a',
        window: { daysBack: 0, daysAhead: 2 },
      }),
    );
    const first = await run(['twoway', '--rule-file', rule, '--profile', 'sim', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const report = cliJson<{ created: { a: number; b: number } }>(first);
    expect(report.created.a + report.created.b).toBeGreaterThan(0);
    const second = await run(['twoway', '--rule-file', rule, '--profile', 'sim']);
    expect(second.stdout).toContain('Rule cli-rule: created 0/0, updated 0/0, deleted 0/0 (A/B), 0 conflict(s)');
  });
});
