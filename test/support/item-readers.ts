// Readers for contacts and tasks exports, with libraries that are not ours: csv-parse for CSV, Python's icalendar for
// VTODO. Each turns a file back into normalised items, so an export compares field by field with the simulator.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { NormalisedContact, NormalisedTask } from '../../src/shared/item-model.js';

const run = promisify(execFile);

export type Row = Record<string, string>;

/** The rows of a CSV export (CRLF line ends checked). */
export async function csvRows(file: string): Promise<Row[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return parse<Row>(text, { columns: true, record_delimiter: '\r\n' });
}

/** The cell as written before neutralisation: a quote the encoder put in front of a formula character goes. */
const raw = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
const list = (cell: string) => (cell === '' ? [] : cell.split('; '));
const opt = <K extends string>(key: K, v: string) => (v === '' ? {} : ({ [key]: v } as Record<K, string>));

export function contactOfCsv(r: Row): NormalisedContact {
  const c = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, raw(v)]));
  return {
    kind: 'contact',
    id: c.id,
    displayName: c.displayName,
    givenName: c.givenName,
    middleName: c.middleName,
    surname: c.surname,
    nickname: c.nickname,
    companyName: c.companyName,
    jobTitle: c.jobTitle,
    department: c.department,
    emails: list(c.emails).map((e) => {
      const m = /^(.*) <(.*)>$/.exec(e);
      return m ? { address: m[2], name: m[1] } : { address: e };
    }),
    phones: (['business', 'home', 'mobile'] as const).flatMap((type) => list(c[`${type}Phones`]).map((n) => ({ type, number: raw(n) }))),
    addresses: (['business', 'home', 'other'] as const).flatMap((type) => {
      const f = (k: string) => c[`${type}${k}`];
      const a = {
        street: f('Street'),
        city: f('City'),
        state: f('State'),
        postalCode: f('PostalCode'),
        countryOrRegion: f('CountryOrRegion'),
      };
      return Object.values(a).some((v) => v !== '') ? [{ type, ...a }] : [];
    }),
    ...opt('birthday', c.birthday),
    categories: list(c.categories),
    notes: c.notes,
    lastModified: c.lastModified,
  };
}

export function taskOfCsv(r: Row): NormalisedTask {
  const t = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, raw(v)]));
  return {
    kind: 'task',
    id: t.id,
    subject: t.subject,
    status: t.status as NormalisedTask['status'],
    importance: t.importance as NormalisedTask['importance'],
    ...opt('startDate', t.startDate),
    ...opt('dueDate', t.dueDate),
    ...opt('completedDate', t.completedDate),
    categories: list(t.categories),
    body: t.body,
    lastModified: t.lastModified,
  };
}

// Each VTODO as the fields of a task, in Python's reading of the file.
const PYTHON = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for t in cal.walk('VTODO'):
    d = lambda k: t.decoded(k).isoformat()[:10] if k in t else None
    cats = t.get('CATEGORIES')
    out.append({
        'id': str(t['UID']), 'subject': str(t['SUMMARY']), 'status': str(t['X-CALPUMP-TASK-STATUS']),
        'icalStatus': str(t['STATUS']), 'priority': int(t['PRIORITY']),
        'startDate': d('DTSTART'), 'dueDate': d('DUE'), 'completedDate': d('COMPLETED'),
        'categories': [str(c) for c in cats.cats] if cats else [],
        'body': str(t.get('DESCRIPTION', '')), 'lastModified': t.decoded('LAST-MODIFIED').isoformat(),
    })
print(json.dumps(out))
`;
export interface PyTask {
  id: string;
  subject: string;
  status: NormalisedTask['status'];
  icalStatus: string;
  priority: number;
  startDate: string | null;
  dueDate: string | null;
  completedDate: string | null;
  categories: string[];
  body: string;
  lastModified: string;
}

/** Each VTODO of an iCalendar file as Python's icalendar reads it. */
export async function readVtodos(file: string): Promise<PyTask[]> {
  const { stdout } = await run('/usr/bin/python3', ['-c', PYTHON, file]);
  return JSON.parse(stdout) as PyTask[];
}

const IMPORTANCE = { 1: 'high', 5: 'normal', 9: 'low' } as const;
const ICAL_STATUS = { notStarted: 'NEEDS-ACTION', inProgress: 'IN-PROCESS', completed: 'COMPLETED' } as Record<string, string>;

export function taskOfVtodo(p: PyTask): NormalisedTask {
  expect(p.icalStatus).toBe(ICAL_STATUS[p.status] ?? 'NEEDS-ACTION');
  return {
    kind: 'task',
    id: p.id,
    subject: p.subject,
    status: p.status,
    importance: IMPORTANCE[p.priority as 1 | 5 | 9],
    ...(p.startDate ? { startDate: p.startDate } : {}),
    ...(p.dueDate ? { dueDate: p.dueDate } : {}),
    ...(p.completedDate ? { completedDate: p.completedDate } : {}),
    categories: p.categories,
    body: p.body,
    lastModified: new Date(p.lastModified).toISOString(),
  };
}
