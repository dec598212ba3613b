import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeConnector, makeEvent } from '../../support/fake-connector.js';
import { readJson } from '../../support/typed-json.js';
import { allFiles, addDemoProfile, cliJson, runCli, tempConfigDir, type ProfileJson } from './helpers.js';

/** `calpump --config-dir DIR jobs add ARGS`. */
const jobsAdd = (dir: string, args: string[], opts?: Parameters<typeof runCli>[1]) =>
  runCli(['--config-dir', dir, 'jobs', 'add', ...args], opts);

const SECRET = 'hook-secret-9d1e';

async function setup() {
  const dir = await tempConfigDir();
  expect((await addDemoProfile(dir)).code).toBe(0);
  const fake = new FakeConnector();
  fake.put(
    'anna.schmidt@contoso.com',
    'calendar',
    makeEvent({ id: 'x1', subject: 'Planning', start: '2026-03-11T09:00:00.000Z', end: '2026-03-11T10:00:00.000Z' }),
  );
  fake.put(
    'anna.schmidt@contoso.com',
    'calendar',
    makeEvent({ id: 'x2', subject: 'Doctor', sensitivity: 'private', start: '2026-03-12T09:00:00.000Z', end: '2026-03-12T10:00:00.000Z' }),
  );
  const createConnector = async () => fake;
  return { dir, fake, createConnector };
}

describe('calpump jobs', () => {
  it('add --fields stores the selection, runs with it, and refuses it for SQLite and for unknown names', async () => {
    const { dir, createConnector } = await setup();
    const out = join(dir, 'export');
    const base = ['--config-dir', dir, 'jobs', 'add', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com'];
    const add = await runCli([...base, '--name', 'Signs', '--format', 'csv', '--out', out, '--fields', 'start,end,subject', '--json']);
    expect(add.code, add.stderr).toBe(0);
    expect(cliJson<{ fields?: string[] }>(add).fields).toEqual(['subject', 'start', 'end']);
    const run = await runCli(['--config-dir', dir, 'jobs', 'run', 'Signs'], { createConnector });
    expect(run.code, run.stderr).toBe(0);
    const [file] = await readdir(out);
    expect((await readFile(join(out, file), 'utf8')).split('\r\n')[0]).toBe('mailbox,folder,eventKey,subject,start,end');

    const sqlite = await runCli([...base, '--name', 'Db', '--sqlite', join(dir, 'x.db'), '--fields', 'start,end']);
    expect(sqlite.code).toBe(2);
    expect(sqlite.stderr).toContain('fixed columns');
    const unknown = await runCli([...base, '--name', 'Bad', '--out', out, '--fields', 'start,room']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"room" is not a field Calpump exports');
  });

  it('adds, lists, runs (incrementally) and removes a folder job', async () => {
    const { dir, fake, createConnector } = await setup();
    const out = join(dir, 'export');
    const add = await jobsAdd(dir, [
      '--name',
      'Anna',
      '--profile',
      'demo',
      '--mailbox',
      'anna.schmidt@contoso.com',
      '--format',
      'json',
      '--out',
      out,
      '--every',
      '15',
      '--json',
    ]);
    expect(add.code).toBe(0);
    const job = cliJson<unknown>(add);
    // The job stores the profile's id (a name is a label): renaming the profile keeps the job working.
    const profileId = cliJson<ProfileJson>(await runCli(['--config-dir', dir, 'profiles', 'show', 'demo', '--json'])).profile.id;
    expect(job).toMatchObject({
      name: 'Anna',
      profile: profileId,
      schedule: { kind: 'interval', minutes: 15, active: true },
      filters: { private: 'mask' },
      target: { kind: 'folder', path: out },
    });
    expect((await runCli(['--config-dir', dir, 'profiles', 'edit', 'demo', '--name', 'Contoso'])).code).toBe(0);

    const run = await runCli(['--config-dir', dir, 'jobs', 'run', 'anna'], { createConnector });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ anna.schmidt@contoso.com (calendar)');
    const written = await readJson<Array<{ subject: string }>>(join(out, 'anna.schmidt@contoso.com__calendar.json'));
    expect(written.map((e) => e.subject)).toEqual(['Planning', 'Private appointment']);

    const before = fake.requests.length;
    const again = await runCli(['--config-dir', dir, 'jobs', 'run', 'Anna', '--json'], { createConnector });
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, status: 'ok', itemsWritten: 0, trigger: 'cli' });
    expect(fake.requests.slice(before).map((r) => r.op)).toEqual(['syncChanges']);

    const list = await runCli(['--config-dir', dir, 'jobs', 'list']);
    expect(list.stdout).toMatch(/Anna\s+Contoso\s+\S+\s+json → .*every 15 min\s+\S+ ok/);
    const history = await runCli(['--config-dir', dir, 'jobs', 'history', 'Anna', '--json']);
    expect(JSON.parse(history.stdout)).toHaveLength(2);

    const removed = await runCli(['--config-dir', dir, 'jobs', 'remove', 'Anna']);
    expect(removed.code).toBe(0);
    expect(await readdir(join(dir, 'state'))).toEqual([]);
    expect((await runCli(['--config-dir', dir, 'jobs', 'run', 'Anna'], { createConnector })).code).toBe(1);
  });

  it('dry run prints counts and a sample and writes no export, state or history', async () => {
    const { dir, createConnector } = await setup();
    const out = join(dir, 'export');
    await jobsAdd(dir, ['--name', 'dry', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com', '--out', out]);
    const r = await runCli(['--config-dir', dir, 'jobs', 'run', 'dry', '--dry-run'], { createConnector });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Planning');
    expect(r.stdout).toContain('Dry run');
    expect(await readdir(out).catch(() => 'absent')).toBe('absent');
    expect(await readdir(dir)).not.toContain('state');
    expect(await readdir(dir)).not.toContain('runs');
  });

  it('stores a webhook secret from stdin, never on disk in plaintext, and refuses a webhook without one', async () => {
    const { dir } = await setup();
    const ok = await runCli(
      [
        '--config-dir',
        dir,
        'jobs',
        'add',
        '--name',
        'hook',
        '--profile',
        'demo',
        '--rooms',
        '--webhook',
        'https://hooks.contoso.com/cal',
        '--webhook-secret-stdin',
      ],
      { input: `${SECRET}\n` },
    );
    expect(ok.code).toBe(0);
    for (const f of await allFiles(dir)) expect(f.text, f.path).not.toContain(SECRET);
    const missing = await jobsAdd(dir, ['--name', 'hook2', '--profile', 'demo', '--rooms', '--webhook', 'https://hooks.contoso.com/cal']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--webhook-secret-stdin');
  });

  it('stores a group job with its former-members policy, and a room-list job', async () => {
    const { dir } = await setup();
    const add = (...args: string[]) => jobsAdd(dir, ['--profile', 'demo', '--json', ...args]);
    const group = await add('--name', 'sales', '--group', 'sales@contoso.com', '--former-members', 'remove', '--out', join(dir, 'o'));
    expect(group.code).toBe(0);
    expect(JSON.parse(group.stdout)).toMatchObject({ mailboxes: { mode: 'group', group: 'sales@contoso.com' }, formerMembers: 'remove' });
    const rooms = await add('--name', 'rooms', '--room-list', 'roomlist.amsterdam@contoso.com', '--out', join(dir, 'r'));
    expect(JSON.parse(rooms.stdout)).toMatchObject({ mailboxes: { mode: 'roomList', roomList: 'roomlist.amsterdam@contoso.com' } });
    expect(cliJson<{ formerMembers?: string }>(rooms).formerMembers).toBeUndefined();
  });

  it('adds contacts and tasks jobs that read their own folder into JSON or into a database, refusing a calendar in vCard', async () => {
    const { dir } = await setup();
    const add = (...args: string[]) => jobsAdd(dir, ['--profile', 'demo', '--json', '--rooms', ...args]);
    const contacts = await add('--name', 'crm', '--content', 'contacts', '--out', join(dir, 'c'));
    expect(contacts.code).toBe(0);
    expect(JSON.parse(contacts.stdout)).toMatchObject({ content: 'contacts', folders: { ids: ['contacts'] }, format: 'json' });
    const vcard = await add('--name', 'crm-vcf', '--content', 'contacts', '--format', 'vcard', '--out', join(dir, 'v'));
    expect(JSON.parse(vcard.stdout)).toMatchObject({ content: 'contacts', format: 'vcard' });
    const calendarVcard = await add('--name', 'cal-vcf', '--format', 'vcard', '--out', join(dir, 'v'));
    expect(calendarVcard.code).toBe(2);
    const sqlite = await add('--name', 'erp', '--content', 'tasks', '--sqlite', join(dir, 't.db'));
    expect(sqlite.code).toBe(0);
    expect(JSON.parse(sqlite.stdout)).toMatchObject({ content: 'tasks', target: { kind: 'sqlite' } });
  });

  it("lists a broken entry with its field and problem in the reader's language, never in zod's English", async () => {
    const { dir } = await setup();
    const add = await jobsAdd(dir, ['--name', 'Anna', '--profile', 'demo', '--rooms', '--out', join(dir, 'o')]);
    expect(add.code).toBe(0);
    const file = join(dir, 'jobs.json');
    const doc = await readJson<{ jobs: Array<Record<string, unknown>> }>(file);
    const noProfile: Record<string, unknown> = { ...doc.jobs[0], id: 'b2', name: 'No profile' };
    delete noProfile.profile;
    doc.jobs.push({ ...doc.jobs[0], id: 'b1', name: 'bad/name' }, noProfile);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, JSON.stringify(doc));
    const lines = async (lang: string) => (await runCli(['--config-dir', dir, '--lang', lang, 'jobs', 'list'])).stderr;
    const en = await lines('en');
    expect(en).toContain('✗ Job entry jobs[1].name is invalid: letters, digits, space, dot, dash or underscore; up to 64');
    expect(en).toContain('✗ Job entry jobs[2].profile is invalid: missing or not a text value');
    expect(en).not.toMatch(/Invalid input|expected string/);
    const de = await lines('de');
    expect(de).toContain(
      '✗ Jobeintrag jobs[1].name ist ungültig: Buchstaben, Ziffern, Leerzeichen, Punkt, Bindestrich oder Unterstrich; höchstens 64',
    );
    expect(de).toContain('✗ Jobeintrag jobs[2].profile ist ungültig: fehlt oder ist kein Text');
    expect(de).toContain('Dieser Job läuft erst, wenn er korrigiert ist');
    expect(await lines('nl')).toContain('✗ Taakvermelding jobs[2].profile is ongeldig: ontbreekt of is geen tekst');
  });

  it('adds a PostgreSQL target from --postgres URL, with the password from stdin in the secret store only', async () => {
    const { dir } = await setup();
    const PW = 'pg-pass-77c1';
    const args = ['--config-dir', dir, 'jobs', 'add', '--profile', 'demo', '--rooms', '--postgres'];
    const ok = await runCli(
      [
        ...args,
        'postgresql://calpump@db.contoso.com/calendars',
        '--name',
        'pg',
        '--postgres-schema',
        'cal',
        '--postgres-password-stdin',
        '--json',
      ],
      {
        input: `${PW}\n`,
      },
    );
    expect(ok.code, ok.stderr).toBe(0);
    const series = await jobsAdd(dir, [
      '--name',
      'series',
      '--profile',
      'demo',
      '--rooms',
      '--out',
      join(dir, 's'),
      '--ics-series',
      '--json',
    ]);
    expect(cliJson<{ ics?: unknown }>(series).ics).toEqual({ series: true });
    expect(cliJson<{ target?: unknown }>(ok).target).toEqual({
      kind: 'postgres',
      host: 'db.contoso.com',
      port: 5432,
      database: 'calendars',
      user: 'calpump',
      schema: 'cal',
      tls: 'verify',
    });
    for (const f of await allFiles(dir)) expect(f.text, f.path).not.toContain(PW);
    const list = await runCli(['--config-dir', dir, 'jobs', 'list']);
    expect(list.stdout).toContain('postgres → postgresql://calpump@db.contoso.com:5432/calendars#cal');

    const inUrl = await runCli([...args, 'postgresql://calpump:pw@db.contoso.com/calendars', '--name', 'pg2']);
    expect(inUrl.code).toBe(2);
    expect(inUrl.stderr).toContain('--postgres');
    const plain = await runCli([...args, 'postgresql://calpump@db.contoso.com/calendars', '--name', 'pg3', '--postgres-tls', 'off']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/TLS can be off only/);
  });

  it.each([
    [['--mailbox', 'a@contoso.com', '--rooms', '--out', 'x'], '--mailbox'],
    [['--group', 'sales@contoso.com', '--room-list', 'roomlist.berlin@contoso.com', '--out', 'x'], '--room-list'],
    [['--group', 'sales', '--out', 'x'], 'mailboxes.group'],
    [['--group', 'sales@contoso.com', '--former-members', 'delete', '--out', 'x'], '--former-members'],
    [['--mailbox', 'a@contoso.com'], '--out'],
    [['--mailbox', 'a@contoso.com', '--out', 'x', '--cron', 'every day'], 'schedule.cron'],
    [['--mailbox', 'a@contoso.com', '--webhook', 'http://example.com/h', '--webhook-secret-env', 'S'], 'target.url'],
  ])('rejects bad input %j with exit 2 naming %s', async (args, field) => {
    const { dir } = await setup();
    const r = await runCli(['--config-dir', dir, 'jobs', 'add', '--name', 'bad', '--profile', 'demo', ...args], { env: { S: 'x' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(field);
  });

  it('a failing mailbox makes the run exit 1 with the catalogue entry, the other mailbox is written', async () => {
    const { dir, createConnector } = await setup();
    const out = join(dir, 'export');
    await jobsAdd(dir, ['--name', 'two', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com,nobody@contoso.com', '--out', out]);
    const r = await runCli(['--config-dir', dir, 'jobs', 'run', 'two'], { createConnector });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ews.mailbox.notFound');
    expect(await readdir(out)).toEqual(['anna.schmidt@contoso.com__calendar.ics']);
  });
});

describe('calpump export --job', () => {
  it('runs a saved job once, and refuses --job mixed with --profile/--mailbox or neither given', async () => {
    const { dir, createConnector } = await setup();
    const out = join(dir, 'export');
    expect(
      (
        await jobsAdd(dir, [
          '--name',
          'Anna',
          '--profile',
          'demo',
          '--mailbox',
          'anna.schmidt@contoso.com',
          '--format',
          'json',
          '--out',
          out,
        ])
      ).code,
    ).toBe(0);

    const run = await runCli(['--config-dir', dir, 'export', '--job', 'Anna'], { createConnector });
    expect(run.code).toBe(0);
    const written = await readJson<Array<{ subject: string }>>(join(out, 'anna.schmidt@contoso.com__calendar.json'));
    expect(written.map((e) => e.subject)).toEqual(['Planning', 'Private appointment']);

    const mixed = await runCli(['--config-dir', dir, 'export', '--job', 'Anna', '--profile', 'demo'], { createConnector });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--job');
    const neither = await runCli(['--config-dir', dir, 'export', '--days-back', '1', '--days-ahead', '1'], { createConnector });
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('--profile');
  });
});

describe('calpump jobs --type freebusy', () => {
  it('adds a free/busy job, lists its type, runs it to one file per mailbox, and refuses one without --out', async () => {
    const { dir, fake } = await setup();
    const calls: Array<{ mailboxes: string[]; from: Date; to: Date }> = [];
    const availability = async (mailboxes: string[], from: Date, to: Date) => {
      calls.push({ mailboxes, from, to });
      const day = from.getTime() + 86_400_000;
      return [
        {
          mailbox: mailboxes[0],
          start: new Date(day + 9 * 3_600_000).toISOString(),
          end: new Date(day + 10 * 3_600_000).toISOString(),
          showAs: 'busy' as const,
        },
        {
          mailbox: mailboxes[0],
          start: new Date(day + 11 * 3_600_000).toISOString(),
          end: new Date(day + 12 * 3_600_000).toISOString(),
          showAs: 'free' as const,
        },
      ];
    };
    const createConnector = async () => Object.assign(fake, { availability });
    const out = join(dir, 'fb');
    const add = await jobsAdd(dir, [
      '--type',
      'freebusy',
      '--name',
      'FB',
      '--profile',
      'demo',
      '--mailbox',
      'anna.schmidt@contoso.com',
      '--format',
      'json',
      '--out',
      out,
      '--json',
    ]);
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      type: 'freebusy',
      freebusy: { includeFree: false, merge: true },
      target: { kind: 'folder', path: out },
    });
    await jobsAdd(dir, ['--name', 'Plain', '--profile', 'demo', '--mailbox', 'anna.schmidt@contoso.com', '--out', join(dir, 'plain')]);

    const list = await runCli(['--config-dir', dir, 'jobs', 'list']);
    expect(list.stdout).toMatch(/FB\s+demo\s+\S+\s+json → \S+\s+freebusy\s+manual/);
    expect(list.stdout).toMatch(/Plain\s+demo\s+\S+\s+ics → \S+\s+export\s+manual/);
    const listJson = cliJson<Array<{ name: string; type: string }>>(await runCli(['--config-dir', dir, 'jobs', 'list', '--json']));
    expect(listJson.map((j) => [j.name, j.type])).toEqual([
      ['FB', 'freebusy'],
      ['Plain', 'export'],
    ]);

    const run = await runCli(['--config-dir', dir, 'jobs', 'run', 'FB', '--json'], { createConnector });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, status: 'ok', mailboxesOk: 1, items: 1, itemsWritten: 1, trigger: 'cli' });
    expect(calls).toHaveLength(1);
    expect(fake.requests.map((r) => r.op)).not.toContain('syncChanges');
    expect(await readdir(out)).toEqual(['freebusy-anna.schmidt@contoso.com.json']);
    const file = await readJson<{ blocks: Array<{ showAs: string }> }>(join(out, 'freebusy-anna.schmidt@contoso.com.json'));
    expect(file.blocks.map((b) => b.showAs)).toEqual(['busy']);
    const history = cliJson<unknown[]>(await runCli(['--config-dir', dir, 'jobs', 'history', 'FB', '--json']));
    expect(history).toHaveLength(1);

    const noOut = await jobsAdd(dir, [
      '--type',
      'freebusy',
      '--name',
      'Bad',
      '--profile',
      'demo',
      '--mailbox',
      'anna.schmidt@contoso.com',
      '--sqlite',
      join(dir, 'x.db'),
    ]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
  });
});

describe('calpump jobs --type import', () => {
  it('stores the import job file as the job (source made absolute, mailboxes from the file) and lists its type', async () => {
    const { dir } = await setup();
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'imp'));
    await writeFile(
      join(dir, 'imp', 'absences.csv'),
      'id,mailbox,subject,start,end\nA1,anna.schmidt@contoso.com,Vacation,2026-04-01,2026-04-02\n',
    );
    await writeFile(
      join(dir, 'imp', 'job.json'),
      JSON.stringify({ profile: 'demo', source: { path: 'absences.csv' }, mailboxes: ['anna.schmidt@contoso.com'] }),
    );
    const add = await jobsAdd(dir, [
      '--type',
      'import',
      '--name',
      'Absences',
      '--profile',
      'demo',
      '--job-file',
      join(dir, 'imp', 'job.json'),
      '--every',
      '60',
      '--json',
    ]);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const stored = cliJson<{ import: { profile?: string }; mailboxes?: unknown; target?: unknown }>(add);
    expect(stored).toMatchObject({
      type: 'import',
      import: { id: 'Absences', source: { path: join(dir, 'imp', 'absences.csv') }, mailboxes: ['anna.schmidt@contoso.com'] },
    });
    // The job names its profile by id only: the file's profile name is not kept beside it.
    expect(stored.import.profile).toBeUndefined();
    // The mailboxes come from the import file and there is no export target: the job carries neither.
    expect(stored.mailboxes).toBeUndefined();
    expect(stored.target).toBeUndefined();
    const list = await runCli(['--config-dir', dir, 'jobs', 'list']);
    expect(list.stdout).toMatch(/Absences\s+demo\s+1 \(import file\)\s+← \S+absences\.csv\s+import\s+every 60 min/);
    const withTarget = await jobsAdd(dir, [
      '--type',
      'import',
      '--name',
      'Z',
      '--profile',
      'demo',
      '--job-file',
      join(dir, 'imp', 'job.json'),
      '--out',
      join(dir, 'x'),
    ]);
    expect(withTarget.code).toBe(2);
    expect(withTarget.stderr).toContain('no target');

    const missing = await jobsAdd(dir, ['--type', 'import', '--name', 'X', '--profile', 'demo']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--job-file');
    await writeFile(join(dir, 'imp', 'bad.json'), JSON.stringify({ source: {} }));
    const bad = await jobsAdd(dir, ['--type', 'import', '--name', 'Y', '--profile', 'demo', '--job-file', join(dir, 'imp', 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--job-file source');
  });
});
