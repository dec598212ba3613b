// One source row → the appointment it means, for each mailbox it names. Missing values come from the job
// (show as, categories, subject); a row that cannot be read becomes a RowProblem with its line, and — when its
// id could be read — that id is kept so its appointment from an earlier run is not deleted.
import type { Appointment } from '../connectors/writer.js';
import { addDaysToDate, localToUtcMs } from '../connectors/zoned-time.js';
import type { ColumnMap, ImportJob } from './import-job.js';
import { parseBool, parseList, parseSensitivity, parseShowAs, parseWhen, RowValueError, type When } from './row-values.js';
import type { RawRow, RowProblem } from './source-row.js';

export interface ImportItem {
  key: string;
  mailboxes: string[];
  appointment: Appointment;
  file: string;
  line: number;
}

type Field = keyof Required<ColumnMap>;
const ALIASES: Record<Field, string[]> = {
  id: ['id', 'key', 'uid', 'sourcekey', 'absenceid'],
  mailbox: ['mailbox', 'email', 'e-mail', 'mail', 'smtp', 'upn', 'user', 'employee'],
  subject: ['subject', 'title', 'summary', 'reason', 'type', 'betreff', 'grund', 'onderwerp', 'reden'],
  start: ['start', 'from', 'startdate', 'begin', 'von', 'van'],
  end: ['end', 'to', 'enddate', 'until', 'bis', 'tot'],
  allDay: ['allday', 'isallday', 'all_day', 'all-day', 'ganztägig', 'heledag'],
  location: ['location', 'ort', 'locatie', 'where'],
  showAs: ['showas', 'status', 'freebusy', 'busy'],
  sensitivity: ['sensitivity', 'class', 'vertraulichkeit'],
  categories: ['categories', 'category', 'kategorie', 'categorie'],
  body: ['body', 'description', 'notes', 'beschreibung', 'omschrijving'],
};

function getter(row: RawRow, columns: ColumnMap) {
  const byLower = new Map(Object.entries(row.fields).map(([k, v]) => [k.toLowerCase(), v]));
  return (field: Field) => {
    const named = columns[field];
    const v = named ? byLower.get(named.toLowerCase()) : ALIASES[field].map((a) => byLower.get(a)).find((x) => x !== undefined && x !== '');
    return v === '' ? undefined : v;
  };
}

const str = (v: RawRow['fields'][string]) => (v === undefined ? undefined : Array.isArray(v) ? v.join(';') : String(v));

function instantOf(w: When, zone: string): number {
  return w.kind === 'instant' ? w.ms : localToUtcMs(zone, w.date);
}

/**
 * Values many rows share (mailbox lists, the job's categories): one copy each. A million-row import holds every
 * item until it is planned, so what each item owns alone decides its memory.
 */
export interface ItemCache {
  mailboxes: Map<string, string[]>;
  categories?: string[];
}

/** rowToItem for a whole run, sharing repeated values between items. */
export function itemMaker(job: ImportJob): (row: RawRow) => { item?: ImportItem; problem?: RowProblem } {
  const cache: ItemCache = { mailboxes: new Map() };
  return (row) => rowToItem(row, job, cache);
}

function shared(cache: ItemCache | undefined, mailboxes: string[]): string[] {
  const lower = mailboxes.map((m) => m.toLowerCase());
  if (!cache) return lower;
  const key = lower.join('\u0000');
  let list = cache.mailboxes.get(key);
  if (!list) {
    list = lower;
    // Bounded: a source with a distinct mailbox list on every row gains nothing from the cache.
    if (cache.mailboxes.size < 100_000) cache.mailboxes.set(key, list);
  }
  return list;
}

export function rowToItem(row: RawRow, job: ImportJob, cache?: ItemCache): { item?: ImportItem; problem?: RowProblem } {
  const get = getter(row, job.columns);
  const rawKey = str(get('id'));
  try {
    const mailboxes = get('mailbox') !== undefined ? parseList(get('mailbox') as string | string[]) : job.mailboxes;
    if (!mailboxes.length) throw new RowValueError('problem.row.noMailbox');
    for (const m of mailboxes) if (!/^[^\s@]+@[^\s@]+$/.test(m)) throw new RowValueError('problem.row.badMailbox', { mailbox: m });
    const subject = str(get('subject'))?.trim() || job.defaultSubject;
    if (!subject) throw new RowValueError('problem.row.noSubject');
    const startRaw = str(get('start'));
    if (!startRaw) throw new RowValueError('problem.row.noStart');
    const start = parseWhen('start', startRaw, job.timeZone);
    const endRaw = str(get('end'));
    const end = endRaw ? parseWhen('end', endRaw, job.timeZone) : undefined;
    const allDayValue = get('allDay');
    const isAllDay =
      allDayValue !== undefined
        ? parseBool('allDay', allDayValue as string | boolean)
        : start.kind === 'date' && (!end || end.kind === 'date');
    const endExclusive = row.fields.__endExclusive === true;
    let startIso: string;
    let endIso: string;
    if (isAllDay) {
      const first = start.kind === 'date' ? start.date : new Date(start.ms).toISOString().slice(0, 10);
      let last = end ? (end.kind === 'date' ? end.date : new Date(end.ms).toISOString().slice(0, 10)) : first;
      if (!end || (end.kind === 'date' && job.allDayEndInclusive && !endExclusive)) last = addDaysToDate(last, 1);
      if (last <= first) throw new RowValueError('problem.row.endBeforeStart', { end: endRaw ?? '', start: startRaw });
      startIso = `${first}T00:00:00.000Z`;
      endIso = `${last}T00:00:00.000Z`;
    } else {
      if (!end) throw new RowValueError('problem.row.noEnd');
      const s = instantOf(start, job.timeZone);
      const e = instantOf(end, job.timeZone);
      if (!(e > s)) throw new RowValueError('problem.row.endNotAfterStart', { end: endRaw ?? '', start: startRaw });
      startIso = new Date(s).toISOString();
      endIso = new Date(e).toISOString();
    }
    const showAs = get('showAs') !== undefined ? parseShowAs(str(get('showAs'))!) : job.showAs;
    const sensitivity = get('sensitivity') !== undefined ? parseSensitivity(str(get('sensitivity'))!) : job.sensitivity;
    const rowCategories = get('categories');
    const categories =
      rowCategories === undefined && cache
        ? (cache.categories ??= [...new Set(job.categories)])
        : [...new Set([...job.categories, ...(rowCategories !== undefined ? parseList(rowCategories as string | string[]) : [])])];
    const appointment: Appointment = {
      subject,
      start: startIso,
      end: endIso,
      isAllDay,
      timeZone: job.timeZone,
      location: str(get('location'))?.trim() ?? '',
      showAs,
      sensitivity,
      categories,
      reminderMinutes: job.reminderMinutes,
    };
    const body = str(get('body'));
    if (body !== undefined) appointment.body = body;
    // Without an id column, a row is identified by what does not change when it is corrected: who and when.
    const key = rawKey?.trim() || `${mailboxes.join(';').toLowerCase()}|${startIso}|${endIso}`;
    return { item: { key, mailboxes: shared(cache, mailboxes), appointment, file: row.file, line: row.line } };
  } catch (e) {
    if (!(e instanceof RowValueError)) throw e;
    return { problem: { file: row.file, line: row.line, problem: e.problem, key: rawKey?.trim() || undefined } };
  }
}
