// Tasks as iCalendar VTODO (issue 16 item 2) through the real EWS connector and the simulator, read back with
// Python's icalendar (not ours): every seeded task comes back field by field, and commas, semicolons, line breaks
// and non-ASCII text in a subject or body survive the escaping and line folding.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedTask } from '../../../src/shared/item-model.js';
import type { Job } from '../../../src/shared/job.js';
import { expectedTasks } from '../../../src/sim/index.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';

const run = promisify(execFile);
const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];

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
interface PyTask {
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

async function readTasks(file: string): Promise<PyTask[]> {
  const { stdout } = await run('/usr/bin/python3', ['-c', PYTHON, file]);
  return JSON.parse(stdout) as PyTask[];
}

const IMPORTANCE = { 1: 'high', 5: 'normal', 9: 'low' } as const;
const ICAL_STATUS = { notStarted: 'NEEDS-ACTION', inProgress: 'IN-PROCESS', completed: 'COMPLETED' } as Record<string, string>;

function taskOf(p: PyTask): NormalisedTask {
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

describe('tasks as iCalendar VTODO', () => {
  let ps: PumpSim;
  let h: Harness;
  let tasks: Job;
  const fileOf = (m: string) => join(h.dir, 't', `${m}__tasks.ics`);

  beforeAll(async () => {
    ps = await startPumpSim({ eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
    tasks = h.job({
      mailboxes: { mode: 'list', list: MAILBOXES },
      filters: { includeBody: true },
      format: 'ics',
      id: 'tasks',
      name: 'tasks',
      content: 'tasks',
      target: { kind: 'folder', path: join(h.dir, 't') },
    });
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('exports the seeded tasks field by field', async () => {
    expect((await h.run(tasks, ps.connector())).record.status).toBe('ok');
    for (const m of MAILBOXES) {
      const t = await readTasks(fileOf(m));
      expect(t.map(taskOf)).toEqual(expectedTasks(ps.sim.world, m, 'tasks', true));
      expect(t).toHaveLength(5);
    }
  });

  it('escapes commas, semicolons, line breaks and non-ASCII text, folding long lines', async () => {
    const [anna] = MAILBOXES;
    const world = ps.sim.world;
    const task = [...world.items.values()].find((i) => i.mailbox === anna && i.kind === 'task')!;
    const subject = 'Angebot, Müller; "Söhne" \\ 日本語 – '.repeat(4);
    world.mutate.updateItem(task.id, { subject, body: 'Zeile 1\nZeile 2, mit Komma; und Semikolon', categories: ['A, B', 'C;D'] });
    expect((await h.run(tasks, ps.connector())).record.itemsWritten).toBe(1);
    const t = (await readTasks(fileOf(anna))).find((x) => x.id === task.id)!;
    expect(t.subject).toBe(subject);
    expect(t.body).toBe('Zeile 1\nZeile 2, mit Komma; und Semikolon');
    // Python's icalendar splits CATEGORIES at every comma, escaped or not: the escaping is checked on the text.
    expect(await readFile(fileOf(anna), 'utf8')).toContain('CATEGORIES:A\\, B,C\\;D\r\n');
    world.mutate.updateItem(task.id, { categories: ['C;D'] });
    await h.run(tasks, ps.connector());
    expect((await readTasks(fileOf(anna))).map(taskOf)).toEqual(expectedTasks(world, anna, 'tasks', true));
  });
});
