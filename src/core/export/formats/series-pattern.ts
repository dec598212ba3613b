// The recurrence rule of a series, recovered from its occurrences in the export window: the connectors read
// occurrences (CalendarView), so the series-mode ICS describes the series as it appears in the window — DTSTART at
// the first occurrence, UNTIL at the last, EXDATE for slots the rule has but the calendar does not. Times are
// local wall-clock times in the series' zone, so a rule expands across DST transitions to the same instants.
// When no DAILY, WEEKLY or MONTHLY rule fits with few exclusions, the series is listed with RDATE.

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export interface SeriesPattern {
  /** The RRULE's parts without UNTIL (FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;WKST=MO), or undefined for RDATE. */
  rule?: string;
  /** Wall times (as UTC fields) the rule yields but the series lacks. */
  exdates: number[];
  /** Wall times listed one by one (when no rule fits), the first one excepted: it is DTSTART. */
  rdates: number[];
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const gcdAll = (xs: number[]) => xs.reduce((g, x) => gcd(g, x), 0) || 1;

/** Monday-based week number of a day index (day 0 = 1970-01-01, a Thursday). */
const weekOf = (day: number) => Math.floor((day + 3) / 7);

function candidate(rule: string, slots: number[], have: Set<number>) {
  return { rule, exdates: slots.filter((s) => !have.has(s)), fits: [...have].every((h) => slots.includes(h)) };
}

/** `walls`: the occurrences' original starts as wall times (UTC fields), sorted, unique. */
export function seriesPattern(walls: number[]): SeriesPattern {
  if (walls.length < 2) return { exdates: [], rdates: [] };
  const timeOfDay = walls[0] - Math.floor(walls[0] / DAY) * DAY;
  const listed: SeriesPattern = { exdates: [], rdates: walls.slice(1) };
  if (walls.some((w) => w - Math.floor(w / DAY) * DAY !== timeOfDay)) return listed;
  const days = walls.map((w) => Math.floor(w / DAY));
  const have = new Set(walls);
  const first = days[0];
  const last = days[days.length - 1];
  const at = (day: number) => day * DAY + timeOfDay;
  const options = [];

  const k = gcdAll(days.slice(1).map((d) => d - first));
  const daily: number[] = [];
  for (let d = first; d <= last; d += k) daily.push(at(d));
  options.push(candidate(`FREQ=DAILY;INTERVAL=${k}`, daily, have));

  const weekdays = [...new Set(days.map((d) => new Date(d * DAY).getUTCDay()))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const w = gcdAll(days.slice(1).map((d) => weekOf(d) - weekOf(first)));
  const weekly: number[] = [];
  for (let d = first; d <= last; d++)
    if ((weekOf(d) - weekOf(first)) % w === 0 && weekdays.includes(new Date(d * DAY).getUTCDay())) weekly.push(at(d));
  options.push(candidate(`FREQ=WEEKLY;INTERVAL=${w};BYDAY=${weekdays.map((x) => WEEKDAYS[x]).join(',')};WKST=MO`, weekly, have));

  const dates = days.map((d) => new Date(d * DAY));
  const monthDay = dates[0].getUTCDate();
  if (monthDay <= 28 && dates.every((x) => x.getUTCDate() === monthDay)) {
    const months = dates.map((x) => x.getUTCFullYear() * 12 + x.getUTCMonth());
    const m = gcdAll(months.slice(1).map((x) => x - months[0]));
    const monthly: number[] = [];
    for (let x = months[0]; x <= months[months.length - 1]; x += m)
      monthly.push(Date.UTC(Math.floor(x / 12), x % 12, monthDay) + timeOfDay);
    options.push(candidate(`FREQ=MONTHLY;INTERVAL=${m};BYMONTHDAY=${monthDay}`, monthly, have));
  }

  const best = options.filter((o) => o.fits).sort((a, b) => a.exdates.length - b.exdates.length)[0];
  // A rule that needs as many exclusions as the series has occurrences says less than the list itself.
  if (!best || best.exdates.length >= walls.length) return listed;
  return { rule: best.rule, exdates: best.exdates, rdates: [] };
}
