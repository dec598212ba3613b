import { describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { requireMailboxes, requireTarget } from '../../../src/core/sync/job-output.js';
import { jobSchema } from '../../../src/shared/job.js';

const importJob = jobSchema.parse({
  id: 'i1',
  name: 'absences',
  type: 'import',
  profile: 'p',
  import: { source: { kind: 'file', path: '/x.csv' } },
  mailboxes: { mode: 'list', list: ['a@contoso.com'] },
  target: { kind: 'folder', path: '/old-placeholder' },
});
const exportJob = jobSchema.parse({
  id: 'e1',
  name: 'rooms',
  profile: 'p',
  mailboxes: { mode: 'allRooms' },
  target: { kind: 'folder', path: '/out' },
});

describe('job output parts', () => {
  it('an import job has neither (placeholders dropped on load); a runner asking for them gets a field-named error', () => {
    expect(importJob.target).toBeUndefined();
    expect(importJob.mailboxes).toBeUndefined();
    for (const read of [requireTarget, requireMailboxes]) {
      let err: unknown;
      try {
        read(importJob);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(CalpumpError);
      expect((err as CalpumpError).id).toBe('input.invalid');
      expect((err as CalpumpError).params.field).toMatch(/^absences: (target|mailboxes)$/);
      expect((err as CalpumpError).params.problem).toMatchObject({
        key: expect.stringMatching(/^problem\.job\.needs(Target|Mailboxes)$/) as unknown,
        params: { type: 'import' },
      });
    }
  });

  it('an export job gives both as stored', () => {
    expect(requireTarget(exportJob)).toEqual({ kind: 'folder', path: '/out' });
    expect(requireMailboxes(exportJob)).toEqual({ mode: 'allRooms' });
  });
});
