// The field catalogue and the job schema's `fields`: known names only (the problem lists the allowed ones), kept
// in catalogue order; absent means every field, so stored jobs parse unchanged; refused where it cannot apply.
import { describe, expect, it } from 'vitest';
import { EVENT_FIELDS, eventFieldsSchema, fieldsSignature, parseFieldList } from '../../src/shared/event-fields.js';
import { jobSchema } from '../../src/shared/job.js';
import { normalisedEventSchema } from '../../src/shared/model.js';

const base = {
  id: 'j1',
  name: 'Door signs',
  profile: 'onprem',
  mailboxes: { mode: 'list', list: ['room1@contoso.com'] },
  target: { kind: 'folder', path: '/srv/out' },
};

describe('event fields', () => {
  it('names every exported event key once (uid for iCalUId), in the schema order', () => {
    const keys = Object.keys(normalisedEventSchema.shape).map((k) => (k === 'iCalUId' ? 'uid' : k));
    expect([...EVENT_FIELDS]).toEqual(keys);
  });

  it('parses a typed list into catalogue order, or names the first unknown field', () => {
    expect(parseFieldList(['start,uid', ' subject ', 'uid'])).toEqual({ fields: ['uid', 'subject', 'start'] });
    expect(parseFieldList(['uid,summary,start'])).toEqual({ unknown: 'summary' });
    expect(eventFieldsSchema.safeParse(['iCalUId']).success).toBe(false);
  });

  it('gives a selection a stable signature and none to the default', () => {
    expect(fieldsSignature(undefined)).toBe('');
    expect(fieldsSignature(['uid', 'start'])).toBe(fieldsSignature(['uid', 'start']));
    expect(fieldsSignature(['uid', 'start'])).not.toBe(fieldsSignature(['uid', 'end']));
  });
});

describe('job fields', () => {
  it('leaves a job without fields as it was (every field)', () => {
    expect(jobSchema.parse(base).fields).toBeUndefined();
  });

  it('stores a selection in catalogue order', () => {
    expect(jobSchema.parse({ ...base, fields: ['end', 'start', 'uid'] }).fields).toEqual(['uid', 'start', 'end']);
  });

  it('refuses an unknown field with the allowed names as params', () => {
    const r = jobSchema.safeParse({ ...base, fields: ['uid', 'summary'] });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0] as { message: string; path: PropertyKey[]; params?: Record<string, unknown> };
    expect(issue.message).toBe('problem.fields.unknown');
    expect(issue.path).toEqual(['fields']);
    expect(issue.params).toEqual({ name: 'summary', allowed: EVENT_FIELDS.join(', ') });
  });

  it('refuses an empty selection, and a selection for SQLite, PostgreSQL and non-calendar jobs', () => {
    const message = (input: object) => {
      const r = jobSchema.safeParse(input);
      return r.success ? undefined : r.error.issues[0].message;
    };
    expect(message({ ...base, fields: [] })).toBe('problem.fields.empty');
    expect(message({ ...base, fields: ['uid'], target: { kind: 'sqlite', path: '/srv/out.db' } })).toBe('problem.job.fieldsTarget');
    expect(
      message({ ...base, fields: ['uid'], target: { kind: 'postgres', host: 'localhost', database: 'c', user: 'c', tls: 'off' } }),
    ).toBe('problem.job.fieldsTarget');
    expect(message({ ...base, fields: ['uid'], content: 'contacts' })).toBe('problem.job.fieldsCalendarOnly');
    expect(message({ ...base, fields: ['uid'], type: 'presence' })).toBe('problem.job.fieldsCalendarOnly');
    expect(message({ ...base, fields: ['uid'], target: { kind: 'webhook', url: 'https://hooks.contoso.com/x' } })).toBeUndefined();
  });
});
