// The import form model: problems before sending, and a job document the host's import schema accepts.
import { describe, expect, it } from 'vitest';
import { importJobSchema } from '../../../src/core/import/import-job.js';
import { emptyImportForm, importProblems, jobFromImportForm, reportRows } from '../../../src/renderer/models/import-form-model.js';

describe('import form model', () => {
  it('names the fields that are missing or malformed', () => {
    expect(importProblems({ ...emptyImportForm(), jobId: 'bad id', mailboxes: 'alice' })).toEqual({
      jobId: 'name',
      path: 'required',
      mailboxes: 'mailboxList',
    });
    expect(importProblems({ ...emptyImportForm(), sourceKind: 'url', url: 'ftp://x', path: '' })).toEqual({ url: 'url' });
    expect(importProblems({ ...emptyImportForm(), path: '/a.csv', reminderOff: false, reminderMinutes: 'soon' })).toEqual({
      reminderMinutes: 'minutes',
    });
    expect(importProblems({ ...emptyImportForm(), path: '/a.csv' })).toEqual({});
  });

  it('builds a job the import schema accepts, with the options the form set', () => {
    const job = jobFromImportForm({
      ...emptyImportForm(),
      path: ' /srv/a.csv ',
      mailboxes: 'a@x.com\nb@x.com',
      showAs: 'busy',
      reminderOff: false,
      reminderMinutes: '30',
      category: 'HR',
      defaultSubject: 'Away',
      mailboxColumn: 'Email',
    });
    expect(importJobSchema.parse(job)).toMatchObject({
      id: 'absences',
      source: { path: '/srv/a.csv' },
      mailboxes: ['a@x.com', 'b@x.com'],
      showAs: 'busy',
      reminderMinutes: 30,
      categories: ['HR'],
      defaultSubject: 'Away',
      columns: { mailbox: 'Email' },
    });
    const plain = importJobSchema.parse(
      jobFromImportForm({ ...emptyImportForm(), sourceKind: 'url', url: 'https://hr.contoso.com/a.ics' }),
    );
    expect(plain.reminderMinutes).toBeUndefined();
    expect(plain.categories).toEqual([]);
    expect(plain.source).toEqual({ url: 'https://hr.contoso.com/a.ics' });
  });

  it('adds a totals row only when several mailboxes changed', () => {
    const m = (mailbox: string, creates: number) => ({
      mailbox,
      ok: true,
      creates,
      updates: 0,
      deletes: 1,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    const base = {
      job: 'j',
      dryRun: true,
      aborted: false,
      documents: [],
      rows: 3,
      rowErrors: [],
      totals: { creates: 3, updates: 0, deletes: 2, unchanged: 0, failed: 0 },
    };
    expect(reportRows({ ...base, mailboxes: [m('a', 1)] })).toHaveLength(1);
    expect(reportRows({ ...base, mailboxes: [m('a', 1), m('b', 2)] }).at(-1)).toMatchObject({ total: true, creates: 3, deletes: 2 });
  });
});
