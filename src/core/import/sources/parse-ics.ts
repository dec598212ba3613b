// iCalendar sources. Each VEVENT group (a master and its RECURRENCE-ID exceptions, by UID) is parsed on its
// own, so one broken event is reported with its line and the rest still import. Recurring events are expanded
// into single appointments within ±expandDays of now, keyed UID/original-start. TZID: IANA or Windows names
// through Intl, else the file's VTIMEZONE, else the job's zone (floating).
import ICAL from 'ical.js';
import { windowsToIana } from '../../../shared/time-zones.js';
import { isKnownZone, localToUtcMs } from '../../connectors/zoned-time.js';
import { text as textRef } from '../../../shared/i18n/engine-texts.js';
import type { ParsedDocument, RawRow, RowProblem } from '../source-row.js';

const MAX_OCCURRENCES = 1000;
const BUSY: Record<string, string> = {
  FREE: 'free',
  TENTATIVE: 'tentative',
  BUSY: 'busy',
  OOF: 'oof',
  WORKINGELSEWHERE: 'workingElsewhere',
};

interface Block {
  line: number;
  uid?: string;
  text: string;
}

function blocks(text: string, name: 'VEVENT' | 'VTIMEZONE'): Block[] {
  const out: Block[] = [];
  const lines = text.split(/\r?\n/);
  let current: Block | undefined;
  let depth = 0;
  lines.forEach((l, i) => {
    const upper = l.trim().toUpperCase();
    if (upper === `BEGIN:${name}`) {
      if (depth === 0) current = { line: i + 1, text: '' };
      depth++;
    }
    if (current) {
      current.text += `${l}\r\n`;
      // A long UID is folded over several lines (RFC 5545 3.1): read it whole.
      let unfolded = l;
      for (let j = i + 1; j < lines.length && /^[ \t]/.test(lines[j]); j++) unfolded += lines[j].slice(1);
      const uid = /^UID[;:](?:.*:)?(.*)$/i.exec(unfolded);
      if (uid && depth === 1 && current.uid === undefined) current.uid = uid[1].trim();
    }
    if (upper === `END:${name}` && current) {
      depth--;
      if (depth === 0) {
        out.push(current);
        current = undefined;
      }
    }
  });
  return out;
}

type Zones = Map<string, ICAL.Timezone>;

function utcMs(t: ICAL.Time, tzid: string | undefined, zones: Zones, fallbackZone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  if (t.zone === ICAL.Timezone.utcTimezone) return wall;
  const date = `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  const time = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}:${String(t.second).padStart(2, '0')}`;
  if (tzid) {
    const iana = windowsToIana(tzid.replace(/^\/.*?\//, ''));
    if (isKnownZone(iana)) return localToUtcMs(iana, date, time);
    const vtz = zones.get(tzid);
    if (vtz) return wall - vtz.utcOffset(t) * 1000;
  }
  return localToUtcMs(fallbackZone, date, time);
}

function dateOf(t: ICAL.Time): string {
  return `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

export interface IcsOptions {
  now: Date;
  expandDays: number;
  /** Zone for floating times. */
  timeZone: string;
}

export function parseIcs(file: string, text: string, opts: IcsOptions): ParsedDocument {
  if (!/BEGIN:VCALENDAR/i.test(text)) return { rows: [], problems: [{ file, line: 1, problem: textRef('problem.row.notICalendar') }] };
  const zones: Zones = new Map();
  const tzText = blocks(text, 'VTIMEZONE')
    .map((b) => b.text)
    .join('');
  for (const b of blocks(text, 'VTIMEZONE')) {
    try {
      const comp = ICAL.Component.fromString(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${b.text}END:VCALENDAR\r\n`).getFirstSubcomponent(
        'vtimezone',
      )!;
      const tz = new ICAL.Timezone(comp);
      zones.set(tz.tzid, tz);
    } catch {
      // An unreadable VTIMEZONE only matters to events that use it; they fall back to the job's zone.
    }
  }
  const groups = new Map<string, Block[]>();
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  for (const b of blocks(text, 'VEVENT')) {
    if (!b.uid) {
      problems.push({ file, line: b.line, problem: textRef('problem.row.noUid') });
      continue;
    }
    groups.set(b.uid, [...(groups.get(b.uid) ?? []), b]);
  }
  const from = opts.now.getTime() - opts.expandDays * 86_400_000;
  const to = opts.now.getTime() + opts.expandDays * 86_400_000;
  for (const [uid, group] of groups) {
    const line = group[0].line;
    try {
      const cal = ICAL.Component.fromString(
        `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${tzText}${group.map((g) => g.text).join('')}END:VCALENDAR\r\n`,
      );
      const comps = cal.getAllSubcomponents('vevent');
      const master = comps.find((c) => !c.hasProperty('recurrence-id')) ?? comps[0];
      const event = new ICAL.Event(master, { exceptions: comps.filter((c) => c !== master && c.hasProperty('recurrence-id')) });
      if (!event.startDate) {
        problems.push({ file, line, problem: textRef('problem.row.noStart'), key: uid });
        continue;
      }
      const tzOf = (prop: string, c = master) => (c.getFirstProperty(prop)?.getParameter('tzid') as string | undefined) ?? undefined;
      const base = fieldsOf(master);
      const emit = (key: string, s: ICAL.Time, e: ICAL.Time | undefined, comp: ICAL.Component) => {
        const fields: RawRow['fields'] = { ...base, ...fieldsOf(comp), id: key };
        if (s.isDate) {
          fields.start = dateOf(s);
          fields.end = e ? dateOf(e) : undefined;
          fields.allDay = true;
          fields.__endExclusive = true;
        } else {
          fields.start = new Date(utcMs(s, tzOf('dtstart', comp), zones, opts.timeZone)).toISOString();
          fields.end = e ? new Date(utcMs(e, tzOf('dtend', comp) ?? tzOf('dtstart', comp), zones, opts.timeZone)).toISOString() : undefined;
          fields.allDay = false;
        }
        rows.push({ file, line, fields });
      };
      if (!event.isRecurring()) {
        emit(uid, event.startDate, event.endDate, master);
        continue;
      }
      const it = event.iterator();
      for (let n = 0, next = it.next(); next && n < MAX_OCCURRENCES * 4; next = it.next(), n++) {
        const d = event.getOccurrenceDetails(next);
        const startMs = d.startDate.isDate
          ? Date.parse(`${dateOf(d.startDate)}T00:00:00Z`)
          : utcMs(d.startDate, tzOf('dtstart', d.item.component), zones, opts.timeZone);
        if (startMs > to) break;
        if (startMs < from) continue;
        const original = d.recurrenceId.isDate
          ? dateOf(d.recurrenceId)
          : new Date(utcMs(d.recurrenceId, tzOf('dtstart'), zones, opts.timeZone)).toISOString();
        emit(`${uid}/${original}`, d.startDate, d.endDate, d.item.component);
        if (rows.length >= MAX_OCCURRENCES * 100) break;
      }
    } catch (e) {
      problems.push({ file, line, problem: textRef('problem.row.unreadableEvent', { uid, detail: (e as Error).message }), key: uid });
    }
  }
  return { rows, problems };
}

function fieldsOf(c: ICAL.Component): RawRow['fields'] {
  const text = (name: string) => {
    const v = c.getFirstPropertyValue(name);
    return v === null || v === undefined ? undefined : String(v);
  };
  const fields: RawRow['fields'] = {};
  const set = (k: string, v: RawRow['fields'][string]) => {
    if (v !== undefined) fields[k] = v;
  };
  set('subject', text('summary'));
  set('location', text('location'));
  set('body', text('description'));
  const categories = c.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  if (categories.length) fields.categories = categories;
  const busy = text('x-microsoft-cdo-busystatus')?.toUpperCase();
  if (busy && BUSY[busy]) fields.showAs = BUSY[busy];
  else if (text('transp')?.toUpperCase() === 'TRANSPARENT') fields.showAs = 'free';
  const cls = text('class')?.toUpperCase();
  if (cls === 'PRIVATE') fields.sensitivity = 'private';
  else if (cls === 'CONFIDENTIAL') fields.sensitivity = 'confidential';
  set('mailbox', text('x-calpump-mailbox'));
  return fields;
}
