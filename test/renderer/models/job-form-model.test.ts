import { describe, expect, it } from 'vitest';
import { CONTENT_FORMATS, CONTENT_TARGETS, jobSchema } from '../../../src/shared/job.js';
import {
  emptyJobForm,
  formatsFor,
  jobFieldOf,
  jobFormFromEntry,
  jobFormFromJob,
  targetKindsFor,
  validateJobForm,
  withContent,
  type JobFormState,
} from '../../../src/renderer/models/job-form-model.js';

function form(patch: Partial<JobFormState> = {}): JobFormState {
  return {
    ...emptyJobForm('p1'),
    name: 'Rooms export',
    mailboxList: 'alice.smith@contoso.com\nroom.amsterdam@contoso.com, alice.smith@contoso.com',
    targetPath: '/tmp/out',
    ...patch,
  };
}
const errorsOf = (f: JobFormState) => {
  const r = validateJobForm(f);
  return r.ok ? {} : r.errors;
};

describe('job form', () => {
  it('builds a pump Job from the form (deduplicated mailboxes, parsed numbers)', () => {
    const r = validateJobForm(form({ daysBack: '3', daysAhead: '14', folders: 'calendar' }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.job).toMatchObject({
      profile: 'p1',
      mailboxes: { mode: 'list', list: ['alice.smith@contoso.com', 'room.amsterdam@contoso.com'] },
      folders: { ids: ['calendar'], includeSubfolders: false },
      window: { daysBack: 3, daysAhead: 14 },
      target: { kind: 'folder', path: '/tmp/out' },
      schedule: { kind: 'manual' },
      format: 'ics',
    });
    expect(r.value.secrets).toEqual({});
  });

  it('shows problems on the fields that caused them', () => {
    expect(errorsOf(form({ name: '' }))).toEqual({ name: 'validation.required' });
    expect(errorsOf(form({ mailboxList: 'alice' }))).toEqual({ mailboxList: 'validation.mailboxList' });
    expect(errorsOf(form({ mailboxList: '' }))).toEqual({ mailboxList: 'validation.required' });
    expect(errorsOf(form({ daysBack: 'abc' }))).toEqual({ daysBack: 'validation.days' });
    expect(errorsOf(form({ daysAhead: '0' }))).toEqual({ daysAhead: 'validation.daysAhead' });
    expect(errorsOf(form({ targetPath: '' }))).toEqual({ targetPath: 'validation.required' });
    expect(errorsOf(form({ targetKind: 'webhook', targetUrl: 'http://hooks.contoso.com/x' }))).toEqual({
      targetUrl: 'validation.webhookUrl',
    });
    expect(errorsOf(form({ scheduleKind: 'interval', intervalMinutes: '0' }))).toEqual({ intervalMinutes: 'validation.interval' });
    expect(errorsOf(form({ concurrency: '99' }))).toEqual({ concurrency: 'validation.concurrency' });
  });

  it('sends the webhook secret only for a webhook target and only when typed', () => {
    const hook = validateJobForm(form({ targetKind: 'webhook', targetUrl: 'https://hooks.contoso.com/x', webhookSecret: 'k3y' }));
    expect(hook.ok && hook.value.secrets).toEqual({ webhookSecret: 'k3y' });
    expect(hook.ok && JSON.stringify(hook.value.job)).not.toContain('k3y');
    const folder = validateJobForm(form({ webhookSecret: 'k3y' }));
    expect(folder.ok && folder.value.secrets).toEqual({});
  });

  it('builds a PostgreSQL target from the connection URL, sends its password as a secret, and round-trips it', () => {
    const pg = form({
      id: 'j1',
      targetKind: 'postgres',
      postgresUrl: 'postgresql://calpump@db.contoso.com:6543/calendars',
      postgresSchema: 'calpump',
      postgresCaFile: '/etc/ssl/contoso-ca.pem',
      postgresPassword: 'pg-s3cret',
    });
    const r = validateJobForm(pg);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.job.target).toEqual({
      kind: 'postgres',
      host: 'db.contoso.com',
      port: 6543,
      database: 'calendars',
      user: 'calpump',
      schema: 'calpump',
      tls: 'verify',
      caFile: '/etc/ssl/contoso-ca.pem',
    });
    expect(r.value.secrets).toEqual({ postgresPassword: 'pg-s3cret' });
    expect(JSON.stringify(r.value.job)).not.toContain('pg-s3cret');
    expect(jobFormFromJob(r.value.job)).toEqual({
      ...pg,
      keep: {},
      postgresPassword: '',
      targetPath: '',
      mailboxList: 'alice.smith@contoso.com\nroom.amsterdam@contoso.com',
    });

    expect(errorsOf(form({ targetKind: 'postgres', postgresUrl: 'postgresql://u:pw@db/x' }))).toEqual({
      postgresUrl: 'validation.postgresUrl',
    });
    expect(errorsOf(form({ targetKind: 'postgres', postgresUrl: 'db.contoso.com' }))).toEqual({ postgresUrl: 'validation.postgresUrl' });
    expect(errorsOf(form({ targetKind: 'postgres', postgresUrl: 'postgresql://u@db.contoso.com/x', postgresTls: 'off' }))).toEqual({
      postgresTls: 'validation.postgresTls',
    });
    expect(errorsOf(form({ targetKind: 'postgres', postgresUrl: 'postgresql://u@localhost/x', postgresTls: 'off' }))).toEqual({});
  });

  it('keeps series as series only for an ICS folder export, and round-trips the choice', () => {
    const r = validateJobForm(form({ icsSeries: true }));
    expect(r.ok && r.value.job.ics).toEqual({ series: true });
    expect(r.ok && jobFormFromJob(r.value.job).icsSeries).toBe(true);
    const json = validateJobForm(form({ icsSeries: true, format: 'json' }));
    expect(json.ok && json.value.job.ics).toBeUndefined();
  });

  it('round-trips a job through the form', () => {
    const r = validateJobForm(
      form({
        mailboxMode: 'search',
        mailboxSearch: 'room',
        scheduleKind: 'cron',
        cron: '*/15 * * * *',
        privateMode: 'skip',
        exclusionMarker: '##',
        id: 'j1',
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const back = jobFormFromJob(r.value.job);
    expect(back).toMatchObject({
      id: 'j1',
      mailboxMode: 'search',
      mailboxSearch: 'room',
      scheduleKind: 'cron',
      cron: '*/15 * * * *',
      privateMode: 'skip',
      exclusionMarker: '##',
    });
    const again = validateJobForm(back);
    expect(again.ok && again.value.job).toEqual(r.value.job);
  });

  it('keeps the job type: free/busy and import jobs round-trip, a job without a type stays without one', () => {
    const base = {
      id: 'j9',
      name: 'FB',
      profile: 'p1',
      mailboxes: { mode: 'list', list: ['jan.devries@contoso.com'] },
      target: { kind: 'folder', path: '/srv/fb' },
    };
    const fb = jobSchema.parse({ ...base, type: 'freebusy', freebusy: { includeFree: true, merge: false } });
    const back = validateJobForm(jobFormFromJob(fb));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.job).toMatchObject({ type: 'freebusy', freebusy: { includeFree: true, merge: false } });
    const imp = jobSchema.parse({ ...base, type: 'import', import: { id: 'abs', source: { path: '/srv/abs.csv' } } });
    const impBack = validateJobForm(jobFormFromJob(imp));
    if (!impBack.ok) throw new Error(JSON.stringify(impBack.errors));
    expect(impBack.value.job).toMatchObject({ type: 'import', import: { id: 'abs', source: { path: '/srv/abs.csv' } } });
    const plain = validateJobForm(jobFormFromJob(jobSchema.parse(base)));
    if (!plain.ok) throw new Error(JSON.stringify(plain.errors));
    expect(plain.value.job.type).toBeUndefined();
    expect(errorsOf(form({ jobType: 'freebusy', targetKind: 'sqlite' }))).toEqual({ targetKind: 'validation.freebusyTarget' });
  });

  it('CSV cells: neutralised unless the checkbox asks to keep them; a relative target path is a field error', () => {
    const plain = validateJobForm(form({ format: 'csv' }));
    if (!plain.ok) throw new Error(JSON.stringify(plain.errors));
    expect(plain.value.job.csv).toBeUndefined();
    const raw = validateJobForm(form({ format: 'csv', csvKeepFormulas: true }));
    if (!raw.ok) throw new Error(JSON.stringify(raw.errors));
    expect(raw.value.job.csv).toEqual({ keepFormulas: true });
    expect(jobFormFromJob(raw.value.job).csvKeepFormulas).toBe(true);
    // Only CSV has cells: the option is not sent for other formats.
    const ics = validateJobForm(form({ format: 'ics', csvKeepFormulas: true }));
    expect(ics.ok && ics.value.job.csv).toBeUndefined();
    expect(errorsOf(form({ targetPath: 'exports' }))).toEqual({ targetPath: 'validation.absolutePath' });
  });

  it('contacts and tasks: the content switches the default folder, the formats and the targets the job rules allow', () => {
    const contacts = withContent(form({ format: 'ics', targetKind: 'sqlite' }), 'contacts');
    expect(contacts.folders).toBe('contacts');
    expect(formatsFor(contacts)).toEqual(CONTENT_FORMATS.contacts);
    expect(targetKindsFor(contacts)).toEqual(CONTENT_TARGETS.contacts);
    expect(CONTENT_FORMATS.contacts).toContain(contacts.format);
    expect(CONTENT_TARGETS.contacts).toContain(contacts.targetKind);
    const r = validateJobForm(withContent(contacts, 'contacts'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // Contacts go to every target (their own tables in SQLite and PostgreSQL): the SQLite choice stays.
    expect(r.value.job).toMatchObject({ content: 'contacts', folders: { ids: ['contacts'] }, target: { kind: 'sqlite' } });
    expect(r.value.job.ics).toBeUndefined();
    // Round trip: a stored contacts job opens as one, and a chosen folder survives a switch to tasks and back.
    expect(jobFormFromJob(r.value.job).content).toBe('contacts');
    const picked = withContent(withContent({ ...contacts, folders: 'AAMkContactsSub' }, 'tasks'), 'contacts');
    expect(picked.folders).toBe('AAMkContactsSub');
    const tasks = withContent(contacts, 'tasks');
    expect(tasks.folders).toBe('tasks');
    expect(formatsFor(tasks)).toEqual(CONTENT_FORMATS.tasks);
    // Back to calendar: the default calendar folder, and a calendar job stores no content at all.
    const back = validateJobForm(withContent(tasks, 'calendar'));
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.job.folders.ids).toEqual(['calendar']);
    expect(back.value.job.content).toBeUndefined();
    // A webhook takes contacts as well.
    expect(errorsOf({ ...contacts, targetKind: 'webhook', targetUrl: 'https://hooks.contoso.com/x' })).toEqual({});
  });

  it('opens a broken jobs.json entry with its values as stored, the wrong one in its field, and saving repairs it', () => {
    const entry = {
      id: 'b-1',
      name: 'Door signs',
      profile: 'p1',
      mailboxes: { mode: 'list', list: ['room.amsterdam@contoso.com'] },
      target: { kind: 'folder', path: 'export' },
      schedule: { kind: 'interval', minutes: 'often' },
      window: { daysBack: 2 },
    };
    const f = jobFormFromEntry(entry);
    expect(f).toMatchObject({
      id: 'b-1',
      name: 'Door signs',
      targetPath: 'export',
      intervalMinutes: 'often',
      daysBack: '2',
      daysAhead: '90',
    });
    expect(jobFieldOf(f, 'jobs[3].target.path')).toBe('targetPath');
    expect(jobFieldOf(f, 'jobs[3].schedule.minutes')).toBe('intervalMinutes');
    expect(jobFieldOf(f, 'jobs[3].id')).toBeUndefined();
    expect(errorsOf(f)).toMatchObject({ targetPath: 'validation.absolutePath', intervalMinutes: 'validation.interval' });
    const r = validateJobForm({ ...f, targetPath: '/srv/signs', intervalMinutes: '15' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.job).toMatchObject({ id: 'b-1', target: { path: '/srv/signs' }, schedule: { kind: 'interval', minutes: 15 } });
    // Nothing usable at all still opens (every field from the defaults), never throws.
    expect(jobFormFromEntry({ folders: 'calendar', mailboxes: 7, name: 12 }).name).toBe('12');
  });
});
