// The feed a folder-target job publishes serves the very file its target writes, in that file's extension.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderTarget } from '../../../src/core/export/targets/folder-target.js';
import type { SyncStateStore } from '../../../src/core/store/sync-state-store.js';
import { feedFileName, feedFormat } from '../../../src/core/sync/run-feeds.js';
import { jobSchema } from '../../../src/shared/job.js';

const base = {
  id: 'j',
  name: 'j',
  profile: 'p',
  mailboxes: { mode: 'list', list: ['anna@contoso.com'] },
  target: { kind: 'folder', path: '/tmp/out' },
};

describe('feeds of folder-target jobs', () => {
  it.each([
    [{}, 'ics', 'anna@contoso.com__calendar.ics'],
    [{ content: 'contacts', format: 'vcard' }, 'vcf', 'anna@contoso.com__contacts.vcf'],
    [{ content: 'tasks', format: 'ics' }, 'ics', 'anna@contoso.com__tasks.ics'],
    [{ content: 'contacts', format: 'csv' }, 'csv', 'anna@contoso.com__contacts.csv'],
  ])('%j serves .%s, the file the target writes', (over, ext, file) => {
    const job = jobSchema.parse({ ...base, ...over });
    expect(feedFormat(job)).toBe(ext);
    expect(feedFileName(job, 'anna@contoso.com', ext)).toBe(file);
    const target = new FolderTarget('/tmp/out', job.format, {} as SyncStateStore);
    expect(basename(target.fileFor('anna@contoso.com', job.folders.ids[0]))).toBe(file);
  });
});
