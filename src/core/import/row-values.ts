// Reading the values of one row: dates (ISO, "YYYY-MM-DD HH:mm", German "DD.MM.YYYY"), booleans, free/busy
// words, lists. Each reader returns the value or throws a RowValueError naming what was expected, as an engine
// text (`problem.row.*` in shared/locales/<lang>/engine.json) the hosts render.
import type { TextRef } from '../../shared/errors.js';
import { text, type EngineTextKey } from '../../shared/i18n/engine-texts.js';
import type { Sensitivity, ShowAs } from '../../shared/model.js';
import { localToUtcMs } from '../connectors/zoned-time.js';

export class RowValueError extends Error {
  readonly problem: TextRef;
  constructor(key: EngineTextKey, params?: TextRef['params']) {
    super(key);
    this.problem = text(key, params);
  }
}

export type When = { kind: 'date'; date: string } | { kind: 'instant'; ms: number };

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parseWhen(field: string, raw: string, timeZone: string): When {
  const v = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) ?? null;
  let date: [number, number, number] | undefined;
  let rest = '';
  if (m) date = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](.*))?$/.exec(v))) {
    date = [+m[3], +m[2], +m[1]];
    rest = m[4] ?? '';
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})[ T](.*)$/.exec(v))) {
    date = [+m[1], +m[2], +m[3]];
    rest = m[4]!;
  }
  if (!date || !validDate(...date)) throw new RowValueError('problem.row.notDate', { field, value: raw });
  const day = `${date[0]}-${pad(date[1])}-${pad(date[2])}`;
  if (!rest) return { kind: 'date', date: day };
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(rest.trim());
  if (!t || +t[1] > 23 || +t[2] > 59) throw new RowValueError('problem.row.badTime', { field, value: raw });
  const time = `${pad(+t[1])}:${t[2]}:${t[3] ?? '00'}`;
  if (t[4]) {
    const offset = t[4].toUpperCase() === 'Z' ? 'Z' : t[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    return { kind: 'instant', ms: Date.parse(`${day}T${time}${offset}`) };
  }
  return { kind: 'instant', ms: localToUtcMs(timeZone, day, time) };
}

export function parseBool(field: string, raw: string | boolean): boolean {
  if (typeof raw === 'boolean') return raw;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'y', 'ja', 'j', 'x', 'wahr'].includes(v)) return true;
  if (['0', 'false', 'no', 'n', 'nein', 'nee', '', 'falsch'].includes(v)) return false;
  throw new RowValueError('problem.row.notBool', { field, value: raw });
}

const SHOW_AS: Record<string, ShowAs> = {
  free: 'free',
  frei: 'free',
  vrij: 'free',
  tentative: 'tentative',
  mitvorbehalt: 'tentative',
  voorlopig: 'tentative',
  busy: 'busy',
  gebucht: 'busy',
  bezet: 'busy',
  beschäftigt: 'busy',
  oof: 'oof',
  outofoffice: 'oof',
  abwesend: 'oof',
  afwezig: 'oof',
  away: 'oof',
  workingelsewhere: 'workingElsewhere',
  elsewhere: 'workingElsewhere',
  remote: 'workingElsewhere',
};

export function parseShowAs(raw: string): ShowAs {
  const v =
    SHOW_AS[
      raw
        .trim()
        .toLowerCase()
        .replace(/[\s_-]/g, '')
    ];
  if (!v) throw new RowValueError('problem.row.badShowAs', { value: raw });
  return v;
}

const SENSITIVITY: Record<string, Sensitivity> = {
  normal: 'normal',
  personal: 'personal',
  private: 'private',
  privat: 'private',
  prive: 'private',
  privé: 'private',
  confidential: 'confidential',
  vertraulich: 'confidential',
};

export function parseSensitivity(raw: string): Sensitivity {
  const v = SENSITIVITY[raw.trim().toLowerCase()];
  if (!v) throw new RowValueError('problem.row.badSensitivity', { value: raw });
  return v;
}

/** "a; b, c" or a JSON/iCalendar list → trimmed, non-empty values. */
export function parseList(raw: string | string[]): string[] {
  const parts = Array.isArray(raw) ? raw : raw.split(/[;,]/);
  return parts.map((p) => p.trim()).filter(Boolean);
}
