import { describe, expect, it } from 'vitest';
import { dateOfInstant } from '../../src/shared/item-model.js';
import { jobSchema } from '../../src/shared/job.js';

describe('dateOfInstant', () => {
  it('reads local midnights and 11:59 birthdays as their date, other instants by their UTC date', () => {
    expect(dateOfInstant('2026-03-09T23:00:00Z')).toBe('2026-03-10'); // Berlin midnight
    expect(dateOfInstant('2026-03-10T04:00:00Z')).toBe('2026-03-10'); // New York midnight (EDT)
    expect(dateOfInstant('2026-03-10T00:00:00Z')).toBe('2026-03-10');
    expect(dateOfInstant('1975-04-30T11:59:00Z')).toBe('1975-04-30');
    expect(dateOfInstant('2026-03-10T23:12:45Z')).toBe('2026-03-10');
    expect(dateOfInstant('not a date')).toBeUndefined();
  });
});

describe('job content', () => {
  const base = {
    id: 'j',
    name: 'j',
    profile: 'p',
    mailboxes: { mode: 'list', list: ['a@b.c'] },
    target: { kind: 'folder', path: '/tmp/x' },
  };

  it('defaults contacts and tasks jobs to their folder and JSON', () => {
    const j = jobSchema.parse({ ...base, content: 'tasks' });
    expect(j.folders.ids).toEqual(['tasks']);
    expect(j.format).toBe('json');
    expect(jobSchema.parse(base).folders.ids).toEqual(['calendar']);
  });

  it('refuses formats and job types contacts and tasks cannot go to; takes every target', () => {
    const issues = (v: object) => jobSchema.safeParse(v).error?.issues.map((i) => i.path.join('.'));
    expect(issues({ ...base, content: 'contacts', format: 'ics' })).toEqual(['format']);
    expect(issues({ ...base, content: 'tasks', format: 'vcard' })).toEqual(['format']);
    expect(issues({ ...base, format: 'vcard' })).toEqual(['format']);
    expect(issues({ ...base, content: 'contacts', format: 'vcard' })).toBeUndefined();
    expect(issues({ ...base, content: 'contacts', target: { kind: 'sqlite', path: '/tmp/x.db' } })).toBeUndefined();
    expect(issues({ ...base, content: 'tasks', type: 'presence' })).toContain('content');
  });
});
