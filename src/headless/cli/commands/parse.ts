// Argument parsers for commander: a bad value becomes a usage error (exit 2) that says what was expected.
import { InvalidArgumentError, Option } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { EVENT_FIELD_LIST, parseFieldList, type EventField } from '../../../shared/event-fields.js';

export function positiveInt(name: string, { allowZero = false } = {}) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || (!allowZero && n === 0)) {
      throw new InvalidArgumentError(`${name} must be a whole number${allowZero ? '' : ' greater than 0'}, got "${value}".`);
    }
    return n;
  };
}

export function fraction(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
      throw new InvalidArgumentError(`${name} must be between 0 and 1, got "${value}".`);
    return n;
  };
}

/** Repeatable option that also accepts comma-separated lists: --mailbox a@x --mailbox b@x,c@x. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

/** `--fields uid,subject,start` (repeatable), shared by `export` and `jobs add`. */
export function fieldsOption(): Option {
  return new Option(
    '--fields <fields>',
    `export only these fields, comma-separated (${EVENT_FIELD_LIST}); ics always writes UID, DTSTART, DTEND, DTSTAMP and RECURRENCE-ID, csv always mailbox, folder and eventKey`,
  )
    .argParser(collectList)
    .default(undefined, 'all');
}

/** The fields of --fields, or the catalogue error that lists the allowed names. */
export function fieldsOf(list: string[] | undefined): EventField[] | undefined {
  if (!list) return undefined;
  const parsed = parseFieldList(list);
  if ('unknown' in parsed) throw new CalpumpError('export.fields.unknown', { params: { name: parsed.unknown, allowed: EVENT_FIELD_LIST } });
  if (!parsed.fields.length) throw new CalpumpError('export.fields.unknown', { params: { name: '', allowed: EVENT_FIELD_LIST } });
  return parsed.fields;
}
