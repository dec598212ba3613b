// A zod issue reaches a person as an engine text in their language: a schema's own message is an engine key with
// the issue's params, and zod's built-in checks are problem.schema.* texts with the limits and values — never
// zod's English ("Invalid input: expected string, received undefined").
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from '../../../src/core/store/zod-issues.js';
import { freeBusyJobSchema } from '../../../src/core/freebusy/freebusy-job.js';
import { importJobSchema } from '../../../src/core/import/import-job.js';
import { renderEngineText } from '../../../src/shared/i18n/engine-texts.js';
import { jobSchema } from '../../../src/shared/job.js';
import { ewsProfileSchema } from '../../../src/shared/profile.js';

const schema = z
  .object({
    name: z.string().min(1),
    code: z.string().length(2).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    kind: z.enum(['ews', 'graph']).optional(),
    list: z.array(z.string()).min(1).optional(),
    url: z.string().url().optional(),
  })
  .strict();

function problemOf(s: z.ZodType, input: unknown, prefix = '') {
  const r = s.safeParse(input);
  if (r.success) throw new Error('parsed');
  return describeIssue(r.error, prefix);
}
const rendered = (s: z.ZodType, input: unknown) => {
  const { problem } = problemOf(s, input);
  return (['en', 'de', 'nl'] as const).map((l) => renderEngineText(problem, l));
};

describe('describeIssue', () => {
  it.each([
    [{}, 'name', { key: 'problem.schema.invalidType', params: { expected: 'string' } }],
    [{ name: '' }, 'name', { key: 'problem.schema.tooShort', params: { limit: 1, exact: 'no' } }],
    [{ name: 'a', code: 'abc' }, 'code', { key: 'problem.schema.tooLong', params: { limit: 2, exact: 'yes' } }],
    [{ name: 'a', port: 70000 }, 'port', { key: 'problem.schema.tooBig', params: { limit: 65535, inclusive: 'yes' } }],
    [{ name: 'a', kind: 'x' }, 'kind', { key: 'problem.schema.oneOf', params: { count: 2, values: '"ews", "graph"' } }],
    [{ name: 'a', list: [] }, 'list', { key: 'problem.schema.tooFew', params: { limit: 1 } }],
    [{ name: 'a', url: 'nope' }, 'url', { key: 'problem.schema.format', params: { format: 'url', detail: '' } }],
    [{ name: 'a', extra: 1 }, '(whole file)', { key: 'problem.schema.unknownKeys', params: { count: 1, keys: 'extra' } }],
  ])('%j: %s is %j', (input, field, problem) => {
    expect(problemOf(schema, input)).toEqual({ field, problem });
  });

  it("renders built-in checks in English, German and Dutch, never in zod's words", () => {
    expect(rendered(schema, {})).toEqual(['missing or not a text value', 'fehlt oder ist kein Text', 'ontbreekt of is geen tekst']);
    expect(rendered(schema, { name: '' })).toEqual(['must not be empty', 'darf nicht leer sein', 'mag niet leeg zijn']);
    expect(rendered(schema, { name: 'a', port: 70000 })).toEqual([
      'may be at most 65,535',
      'darf höchstens 65.535 sein',
      'mag hoogstens 65.535 zijn',
    ]);
    expect(rendered(schema, { name: 'a', kind: 'x' })[1]).toBe('muss einer dieser Werte sein: "ews", "graph"');
    expect(rendered(schema, { name: 'a', extra: 1, more: 2 })[2]).toBe('onbekende velden extra, more');
  });

  it('turns a schema message that is an engine key into that text, with the issue params', () => {
    const content = problemOf(jobSchema, {
      id: 'j',
      name: 'Contacts',
      profile: 'p',
      content: 'contacts',
      format: 'ics',
      mailboxes: { mode: 'list', list: ['a@contoso.com'] },
      target: { kind: 'folder', path: '/srv/out' },
    });
    expect(content).toEqual({
      field: 'format',
      problem: { key: 'problem.job.contentFormats', params: { content: 'contacts', formats: 'json, csv, vcard' } },
    });
    expect(renderEngineText(content.problem, 'de')).toBe('Kontakte werden als json, csv, vcard geschrieben');

    const window = problemOf(freeBusyJobSchema, { mailboxes: ['a@contoso.com'], from: new Date('2026-03-02'), to: new Date('2026-03-01') });
    expect(window.problem).toEqual({
      key: 'problem.window.order',
      params: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
    });

    expect(problemOf(importJobSchema, { id: 'bad id', source: { path: '/x.csv' } }, 'import')).toEqual({
      field: 'import.id',
      problem: { key: 'problem.name.idChars' },
    });
    expect(problemOf(importJobSchema, { id: 'x', source: {} }).problem).toEqual({ key: 'problem.import.pathOrUrl' });
    const url = problemOf(ewsProfileSchema, { id: 'p', name: 'P', kind: 'ews', username: 'svc@contoso.com' });
    expect(renderEngineText(url.problem, 'nl')).toContain('e-mailadres voor autodiscover');
  });
});
