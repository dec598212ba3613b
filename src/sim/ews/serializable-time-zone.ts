// The legacy SerializableTimeZone (Bias + Standard/Daylight rules) that GetUserAvailability speaks:
// request times are local wall-clock times in this zone, and so are the times in the answer.
import { childText, child } from '../xml/safe-parse.js';
import { NS } from './soap.js';

interface Rule {
  bias: number;
  time: string;
  dayOrder: number;
  month: number;
  dayOfWeek: number;
}

export interface SerializableZone {
  bias: number;
  std: Rule;
  dst: Rule;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function rule(el: Element | undefined): Rule {
  return {
    bias: Number(childText(el, 'Bias', NS.t) ?? 0),
    time: childText(el, 'Time', NS.t) ?? '00:00:00',
    dayOrder: Number(childText(el, 'DayOrder', NS.t) ?? 0),
    month: Number(childText(el, 'Month', NS.t) ?? 0),
    dayOfWeek: Math.max(0, DAYS.indexOf(childText(el, 'DayOfWeek', NS.t) ?? 'Sunday')),
  };
}

export function parseSerializableZone(el: Element | undefined): SerializableZone {
  return {
    bias: Number(childText(el, 'Bias', NS.t) ?? 0),
    std: rule(child(el, 'StandardTime', NS.t)),
    dst: rule(child(el, 'DaylightTime', NS.t)),
  };
}

/** Local wall-clock ms (as if UTC) of a rule's transition in a year. */
function transitionLocal(r: Rule, year: number): number {
  const [hh, mm, ss] = r.time.split(':').map(Number) as [number, number, number];
  let day: number;
  if (r.dayOrder >= 5) {
    const last = new Date(Date.UTC(year, r.month, 0));
    day = last.getUTCDate() - ((last.getUTCDay() - r.dayOfWeek + 7) % 7);
  } else {
    const first = new Date(Date.UTC(year, r.month - 1, 1)).getUTCDay();
    day = 1 + ((r.dayOfWeek - first + 7) % 7) + (r.dayOrder - 1) * 7;
  }
  return Date.UTC(year, r.month - 1, day, hh || 0, mm || 0, ss || 0);
}

/** Minutes to add to UTC to get local time at a UTC instant. */
export function zoneOffsetMinutes(z: SerializableZone, utcMs: number): number {
  const stdOffset = -(z.bias + z.std.bias);
  if (!z.dst.month || !z.std.month) return stdOffset;
  const dstOffset = -(z.bias + z.dst.bias);
  const year = new Date(utcMs).getUTCFullYear();
  const start = transitionLocal(z.dst, year) - stdOffset * 60_000;
  const end = transitionLocal(z.std, year) - dstOffset * 60_000;
  const inDst = start < end ? utcMs >= start && utcMs < end : utcMs >= start || utcMs < end;
  return inDst ? dstOffset : stdOffset;
}

export function localToUtcMs(z: SerializableZone, localMs: number): number {
  const guess = localMs - zoneOffsetMinutes(z, localMs) * 60_000;
  return localMs - zoneOffsetMinutes(z, guess) * 60_000;
}

/** `2026-03-24T09:00:00` (no zone designator), the way availability answers are written. */
export function formatLocal(z: SerializableZone, utcMs: number): string {
  return new Date(utcMs + zoneOffsetMinutes(z, utcMs) * 60_000).toISOString().slice(0, 19);
}

/** A request time: absolute when it carries Z/offset, else local in the request zone. */
export function parseRequestTime(z: SerializableZone, value: string): number {
  if (/(Z|[+-]\d\d:\d\d)$/.test(value)) return Date.parse(value);
  return localToUtcMs(z, Date.parse(value + 'Z'));
}

/** SerializableTimeZone for the zones the seed uses (mailbox working hours). */
export function serializableZoneXml(iana: string): string {
  const z =
    iana === 'America/New_York'
      ? { bias: 300, std: ['0', '02:00:00', 1, 11], dst: ['-60', '02:00:00', 2, 3] }
      : iana === 'Europe/Berlin' || iana === 'Europe/Amsterdam'
        ? { bias: -60, std: ['0', '03:00:00', 5, 10], dst: ['-60', '02:00:00', 5, 3] }
        : iana === 'Europe/London'
          ? { bias: 0, std: ['0', '02:00:00', 5, 10], dst: ['-60', '01:00:00', 5, 3] }
          : { bias: 0, std: ['0', '00:00:00', 0, 0], dst: ['0', '00:00:00', 0, 0] };
  const part = (tag: string, [bias, time, order, month]: (string | number)[]) =>
    `<t:${tag}><t:Bias>${bias}</t:Bias><t:Time>${time}</t:Time><t:DayOrder>${order}</t:DayOrder><t:Month>${month}</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek></t:${tag}>`;
  return `<t:TimeZone><t:Bias>${z.bias}</t:Bias>${part('StandardTime', z.std)}${part('DaylightTime', z.dst)}</t:TimeZone>`;
}
