import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDemoProfile, cliJson, fakeFactory, PASSWORD, runCli, tempConfigDir, type ExportJson } from './helpers.js';
import type { Mailbox } from '../../../src/shared/model.js';

async function withDemo(password = PASSWORD) {
  const dir = await tempConfigDir();
  expect((await addDemoProfile(dir, password)).code).toBe(0);
  return dir;
}

describe('calpump mailboxes', () => {
  it('follows cursors and prints a table; --json prints only JSON', async () => {
    const dir = await withDemo();
    const { factory, calls } = fakeFactory();
    const r = await runCli(['--config-dir', dir, 'mailboxes', '--profile', 'demo'], { createConnector: factory });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/DISPLAY NAME\s+SMTP\s+UPN\s+KIND/);
    expect(r.stdout).toMatch(/Bob Jones\s+bob\.jones@contoso\.com\s+b\.jones@corp\.contoso\.local\s+user/);
    expect(r.stdout).toContain('5 mailboxes');
    expect(calls.filter((c) => c.startsWith('list'))).toEqual(['list  ', 'list  2', 'list  4']);
    expect(calls.at(-1)).toBe('close');

    const json = await runCli(['--config-dir', dir, 'mailboxes', '--profile', 'demo', '--rooms', '--json'], { createConnector: factory });
    expect(cliJson<Mailbox[]>(json).map((m) => m.smtp)).toEqual(['room.amsterdam@contoso.com', 'room.berlin@contoso.com']);
  });

  it('--limit stops paging; --search is passed on; a bad --limit is a usage error', async () => {
    const dir = await withDemo();
    const { factory, calls } = fakeFactory();
    const r = await runCli(['--config-dir', dir, 'mailboxes', '--profile', 'demo', '--limit', '3', '--json', '--search', 'o'], {
      createConnector: factory,
    });
    expect(JSON.parse(r.stdout)).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith('list'))).toEqual(['list o ', 'list o 2']);
    const bad = await runCli(['--config-dir', dir, 'mailboxes', '--profile', 'demo', '--limit', 'lots'], { createConnector: factory });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit must be a whole number');
    const missing = await runCli(['--config-dir', dir, 'mailboxes'], { createConnector: factory });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--profile <profile>'");
  });
});

describe('calpump folders', () => {
  it('prints the tree with counts and the --folder to use', async () => {
    const dir = await withDemo();
    const { factory, calls } = fakeFactory();
    const r = await runCli(['--config-dir', dir, 'folders', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com'], {
      createConnector: factory,
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Kalender \(42\)\s+--folder calendar$/);
    expect(lines[1]).toMatch(/^├─ Projekte \(3\)\s+--folder p1$/);
    expect(lines[2]).toMatch(/^│  └─ Alt \(0\)/);
    expect(lines[3]).toMatch(/^└─ Urlaub \(7\)/);
    expect(calls[0]).toBe('folders anna.schmidt@contoso.com ');
    await runCli(['--config-dir', dir, 'folders', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com', '--all-kinds', '--json'], {
      createConnector: factory,
    });
    expect(calls).toContain('folders anna.schmidt@contoso.com calendar,contacts,tasks,mail,other');
  });
});

describe('calpump profiles test', () => {
  it('prints each step with ✓ and the connection in use; exit 0', async () => {
    const dir = await withDemo();
    const { factory, calls } = fakeFactory();
    const r = await runCli(['--config-dir', dir, 'profiles', 'test', 'demo', '--mailbox', 'anna.schmidt@contoso.com'], {
      createConnector: factory,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('proxy: none (direct)');
    expect(r.stdout).toMatch(/✓ TLS \(3 ms\)\n\s+issuer: Calpump Sim CA/);
    expect(r.stdout).toContain('All 3 steps passed.');
    expect(calls[0]).toBe('test anna.schmidt@contoso.com');
  });

  it('defaults to the service account mailbox; a failed step prints ✗ with fix and exits 1', async () => {
    const dir = await withDemo('wrong-password');
    const { factory, calls } = fakeFactory();
    const r = await runCli(['--config-dir', dir, 'profiles', 'test', 'demo'], { createConnector: factory });
    expect(calls[0]).toBe('test svc-calpump@contoso.com');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Sign-in');
    expect(r.stdout).toContain('401 Unauthorized for svc-calpump@contoso.com');
    expect(r.stdout).toContain('Fix: Check the user name');
    const json = await runCli(['--config-dir', dir, 'profiles', 'test', 'demo', '--json'], { createConnector: factory });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      steps: [{ status: 'pass' }, { status: 'fail', errorId: 'ews.auth.unauthorized' }],
    });
  });
});

describe('operation failures render the catalogue entry and exit 1', () => {
  it('wrong password', async () => {
    const dir = await withDemo('wrong-password');
    const r = await runCli(['--config-dir', dir, 'mailboxes', '--profile', 'demo'], { createConnector: fakeFactory().factory });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ Exchange rejected the credentials (HTTP 401)');
    expect(r.stderr).toContain('Fix: Check the user name');
    expect(r.stderr).toContain('Evidence: HTTP 401');
    expect(r.stderr).toContain('[ews.auth.unauthorized]');
  });

  it('unknown mailbox', async () => {
    const dir = await withDemo();
    const r = await runCli(['--config-dir', dir, 'folders', '--profile', 'demo', '--mailbox', 'nobody@contoso.com', '--json'], {
      createConnector: fakeFactory().factory,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Exchange does not know the mailbox nobody@contoso.com');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { id: 'ews.mailbox.notFound' } });
  });

  it('unreachable server', async () => {
    const dir = await withDemo();
    const r = await runCli(['--config-dir', dir, '--lang', 'de', 'mailboxes', '--profile', 'demo'], {
      createConnector: fakeFactory({ unreachable: true }).factory,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Der Server ist nicht erreichbar');
    expect(r.stderr).toContain('Behebung:');
  });

  it('an unexpected error: internal.unexpected without a stack, the stack only with --log-level debug', async () => {
    const dir = await withDemo();
    const crash = new TypeError(`cannot read properties of undefined (password ${PASSWORD})`);
    const quiet = await runCli(['--config-dir', dir, 'mailboxes', '--profile', 'demo'], {
      createConnector: fakeFactory({ crash }).factory,
    });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('Unexpected error');
    expect(quiet.stderr).toContain('cannot read properties of undefined');
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const verbose = await runCli(['--config-dir', dir, '--log-level', 'debug', 'mailboxes', '--profile', 'demo'], {
      createConnector: fakeFactory({ crash }).factory,
    });
    expect(verbose.stderr).toMatch(/\n\s+at /);
    // Registered when the connector read it: scrubbed from the message as well.
    expect(verbose.stderr).not.toContain(PASSWORD);
  });
});

describe('calpump export', () => {
  it('writes one file per mailbox; a failing mailbox is reported and the others complete (exit 1)', async () => {
    const dir = await withDemo();
    const out = join(dir, 'out');
    const { factory, calls } = fakeFactory();
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'export',
        '--profile',
        'demo',
        '--mailbox',
        'anna.schmidt@contoso.com,nobody@contoso.com',
        '--mailbox',
        'bob.jones@contoso.com',
        '--days-back',
        '1',
        '--days-ahead',
        '6',
        '--format',
        'json',
        '--out',
        out,
      ],
      { createConnector: factory },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✓ anna\.schmidt@contoso\.com \(calendar\): 3 items → .*\.json/);
    expect(r.stdout).toContain('✗ nobody@contoso.com (calendar)');
    expect(r.stderr).toContain('Exchange does not know the mailbox nobody@contoso.com');
    expect(r.stderr).toContain('1 of 3 mailboxes failed.');
    // Window: today (2026-03-10) minus 1 day to today plus 6 days, whole UTC days, today included.
    expect(calls).toContain('view anna.schmidt@contoso.com calendar 2026-03-09T00:00:00.000Z 2026-03-17T00:00:00.000Z');
    const file = /anna\.schmidt@contoso\.com \(calendar\): 3 items → (\S+)/.exec(r.stdout)![1];
    expect(await readFile(file, 'utf8')).toContain('Standup anna.schmidt@contoso.com');
  });

  it('says on stderr when the server asked to wait, how long and why (stdout and --json stay clean)', async () => {
    const dir = await withDemo();
    const { factory } = fakeFactory({ serverWaitMs: 45_000 });
    const argv = ['--config-dir', dir, 'export', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com', '--days-back', '1'];
    const r = await runCli([...argv, '--dry-run', '--json'], { createConnector: factory });
    expect(r.code).toBe(0);
    expect(cliJson<ExportJson>(r).ok).toBe(true);
    expect(r.stderr).toMatch(
      /Waiting 45 s: the server asked Calpump to back off \(ErrorServerBusy\) while reading anna\.schmidt@contoso\.com/,
    );
    const de = await runCli(['--lang', 'de', ...argv, '--dry-run'], { createConnector: factory });
    expect(de.stderr).toContain('Warte 45 s');
  });

  it('--dry-run --json: report only, nothing written; --from/--to dates are inclusive', async () => {
    const dir = await withDemo();
    const { factory, calls } = fakeFactory();
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'export',
        '--profile',
        'demo',
        '--mailbox',
        'anna.schmidt@contoso.com',
        '--from',
        '2026-01-01',
        '--to',
        '2026-01-31',
        '--dry-run',
        '--json',
      ],
      { createConnector: factory },
    );
    expect(r.code).toBe(0);
    const report = cliJson<ExportJson>(r);
    expect(report).toMatchObject({
      ok: true,
      dryRun: true,
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-02-01T00:00:00.000Z',
      mailboxes: [{ ok: true, items: 3 }],
    });
    expect(report.mailboxes[0].file).toBeUndefined();
    expect(report.mailboxes[0].sample).toHaveLength(3);
    expect(calls[0]).toBe('view anna.schmidt@contoso.com calendar 2026-01-01T00:00:00.000Z 2026-02-01T00:00:00.000Z');
    expect(calls[1]).toBe('view options attendees=true body=false');
  });

  it('--no-attendees and --include-body reach the connector', async () => {
    const dir = await withDemo();
    const { factory, calls } = fakeFactory();
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'export',
        '--profile',
        'demo',
        '--mailbox',
        'anna.schmidt@contoso.com',
        '--days-back',
        '0',
        '--days-ahead',
        '1',
        '--no-attendees',
        '--include-body',
        '--dry-run',
        '--json',
      ],
      { createConnector: factory },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(calls).toContain('view options attendees=false body=true');
  });

  it('--fields: the files hold those fields, the connector is asked for no more; an unknown name lists the allowed ones', async () => {
    const dir = await withDemo();
    const out = join(dir, 'out');
    const { factory, calls } = fakeFactory();
    const argv = ['--config-dir', dir, 'export', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com', '--days-back', '1'];
    const r = await runCli([...argv, '--format', 'json', '--out', out, '--fields', 'uid,subject,start', '--fields', 'end'], {
      createConnector: factory,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(calls).toContain('view fields end,id,originalStart,start,subject,uid');
    const file = /→ (\S+)/.exec(r.stdout)![1];
    const rows = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Object.keys(row)).toEqual(['iCalUId', 'subject', 'start', 'end']);

    const bad = await runCli([...argv, '--out', out, '--fields', 'uid,summary'], { createConnector: factory });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"summary" is not a field Calpump exports');
    expect(bad.stderr).toContain('uid, subject, start, end');
  });

  it('window mistakes are bad input (exit 2)', async () => {
    const dir = await withDemo();
    const base = ['--config-dir', dir, 'export', '--profile', 'demo', '--mailbox', 'a@contoso.com', '--out', join(dir, 'o')];
    const factory = fakeFactory().factory;
    for (const [extra, text] of [
      [[], 'give the window'],
      [['--days-back', '1', '--from', '2026-01-01'], 'not both'],
      [['--from', '2026-01-01'], 'give both --from and --to'],
      [['--from', '2026-02-01', '--to', '2026-01-01'], 'must end after it starts'],
      [['--from', '01.02.2026', '--to', '2026-03-01'], 'is not a date'],
      [['--days-back', '-3'], 'whole number'],
      [['--days-back', '1', '--format', 'xml'], 'Allowed choices are ics, json, csv'],
    ] as Array<[string[], string]>) {
      const r = await runCli([...base, ...extra], { createConnector: factory });
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr, extra.join(' ')).toContain(text);
    }
  });
});

describe('calpump sim', () => {
  it('passes its options to the simulator runner', async () => {
    let got: unknown;
    const r = await runCli(
      ['sim', '--port', '0', '--mailboxes', '5', '--events', '10', '--seed', '7', '--latency-ms', '20', '--fault-rate', '0.1'],
      {
        runSimCommand: async (opts) => {
          got = opts;
          return 0;
        },
      },
    );
    expect(r.code).toBe(0);
    expect(got).toEqual({ port: 0, host: '127.0.0.1', mailboxes: 5, eventsPerMailbox: 10, seed: 7, latencyMs: 20, faultRate: 0.1 });
    const bad = await runCli(['sim', '--fault-rate', '2'], { runSimCommand: async () => 0 });
    expect(bad.code).toBe(2);
  });
});
