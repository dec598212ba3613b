// Series-mode ICS (issue 16, item 4): the seeded series (moved, renamed and deleted occurrences, across the US and
// EU DST changes of March 2026) exported once flattened and once as series must give the same occurrences when the
// series file is read back — through Calpump's own import (ical.js) and through Python's icalendar +
// recurring-ical-events (Debian packages, maintained by others).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputFileName } from '../../../../src/core/export/targets/file-name.js';
import { parseIcs } from '../../../../src/core/import/sources/parse-ics.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { SyncStateStore } from '../../../../src/core/store/sync-state-store.js';
import { runJob } from '../../../../src/core/sync/run-job.js';
import { jobSchema } from '../../../../src/shared/job.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../../support/sim-pump.js';

const run = promisify(execFile);
const MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'room.amsterdam@contoso.com'];

/** Occurrences as "uid | start | end | summary", UTC (all-day: dates). */
const PYTHON = `
import sys, datetime, icalendar, recurring_ical_events
def iso(v):
    if isinstance(v, datetime.datetime):
        return v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
    return v.isoformat()
mode, path = sys.argv[1], sys.argv[2]
cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
if mode == 'expand':
    events = recurring_ical_events.of(cal).between(datetime.datetime(2025, 1, 1), datetime.datetime(2028, 1, 1))
else:
    events = cal.walk('VEVENT')
for e in events:
    print('|'.join([str(e['UID']), iso(e['DTSTART'].dt), iso(e['DTEND'].dt), str(e.get('SUMMARY', ''))]))
`;

async function python(mode: 'expand' | 'list', file: string): Promise<string[]> {
  const { stdout } = await run('/usr/bin/python3', ['-c', PYTHON, mode, file], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean).sort();
}

const utc = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** Every VEVENT of a flattened file as an occurrence (each is one), read with ical.js. */
function flattenedOccurrences(text: string): string[] {
  const cal = ICAL.Component.fromString(text);
  return cal
    .getAllSubcomponents('vevent')
    .map((v) => {
      const e = new ICAL.Event(v);
      const at = (t: ICAL.Time) => (t.isDate ? t.toString() : utc(t.toUnixTime() * 1000));
      return [e.uid, at(e.startDate), at(e.endDate), e.summary ?? ''].join('|');
    })
    .sort();
}

describe('ICS series mode', () => {
  let sim: PumpSim;
  let dir: string;
  beforeAll(async () => {
    sim = await startPumpSim();
    dir = await mkdtemp(join(tmpdir(), 'calpump-ics-series-'));
    const connector = sim.connector();
    const states = new SyncStateStore(join(dir, 'state'), nullLogger);
    const base = {
      profile: 'sim',
      mailboxes: { mode: 'list', list: MAILBOXES },
      // 2026-02-27 … 2026-05-01: the US (8 March) and EU (29 March) DST changes are inside.
      window: { daysBack: 3, daysAhead: 60 },
      filters: { private: 'include' },
      format: 'ics',
    };
    for (const [id, series] of [
      ['flat', false],
      ['series', true],
    ] as const) {
      const job = jobSchema.parse({
        ...base,
        id,
        name: id,
        ...(series ? { ics: { series } } : {}),
        target: { kind: 'folder', path: join(dir, id) },
      });
      const r = await runJob(job, {
        connector,
        states,
        secrets: new MemorySecretStore(),
        logger: nullLogger,
        now: () => new Date(SIM_ANCHOR),
      });
      expect(r.record.status).toBe('ok');
    }
  }, 60_000);
  afterAll(async () => {
    await sim?.stop();
    if (dir && !process.env.KEEP) await rm(dir, { recursive: true, force: true });
  });

  const files = async (mailbox: string) => {
    const name = outputFileName(mailbox, 'calendar', 'ics');
    return { flat: join(dir, 'flat', name), series: join(dir, 'series', name) };
  };

  it.each(MAILBOXES.slice(0, 2))(
    '%s: the series file is a real series file (RRULE, EXDATE, RECURRENCE-ID, VTIMEZONE) with fewer VEVENTs',
    async (mailbox) => {
      const f = await files(mailbox);
      const [flat, series] = await Promise.all([readFile(f.flat, 'utf8'), readFile(f.series, 'utf8')]);
      const count = (s: string) => s.split('BEGIN:VEVENT').length - 1;
      expect(count(series)).toBeLessThan(count(flat));
      expect(series).toMatch(/^RRULE:FREQ=/m);
      expect(series).toMatch(/^BEGIN:VTIMEZONE/m);
      expect(series).toMatch(/^DTSTART;TZID=[A-Za-z_/]+:\d{8}T\d{6}\r$/m);
    },
  );

  it('has moved occurrences as RECURRENCE-ID overrides and deleted ones as EXDATE', async () => {
    const all = await Promise.all(MAILBOXES.map(async (m) => readFile((await files(m)).series, 'utf8')));
    expect(all.some((s) => /^RECURRENCE-ID;TZID=/m.test(s))).toBe(true);
    expect(all.some((s) => /^EXDATE;TZID=/m.test(s))).toBe(true);
  });

  it.each(MAILBOXES)(
    '%s: Python icalendar + recurring-ical-events expand the series file to the flattened occurrences',
    async (mailbox) => {
      const f = await files(mailbox);
      const flat = await python('list', f.flat);
      expect(flat.length).toBeGreaterThan(5);
      expect(flattenedOccurrences(await readFile(f.flat, 'utf8'))).toEqual(flat);
      expect(await python('expand', f.series)).toEqual(flat);
    },
  );

  it.each(MAILBOXES)("%s: Calpump's own import reads the series file to the flattened occurrences", async (mailbox) => {
    const f = await files(mailbox);
    const flat = flattenedOccurrences(await readFile(f.flat, 'utf8'));
    const doc = parseIcs(f.series, await readFile(f.series, 'utf8'), { now: new Date(SIM_ANCHOR), expandDays: 400, timeZone: 'UTC' });
    expect(doc.problems).toEqual([]);
    const rows = doc.rows
      .map((r) => {
        const v = r.fields as Record<string, string | boolean | undefined>;
        const at = (s: string) => s.replace(/\.000Z$/, 'Z');
        return [String(v.id).split('/')[0], at(String(v.start)), at(String(v.end)), v.subject ?? ''].join('|');
      })
      .sort();
    expect(rows).toEqual(flat);
  });
});
