// Series patterns read from the masters (GetItem, calendar:Recurrence) on an answer shaped as Exchange 2019 sends
// it: one message per id, range dates with the zone's offset, Weekday for Monday–Friday, and a master deleted
// meanwhile (ErrorItemNotFound) that simply has no pattern. The request is validated against Microsoft's schema.
import { describe, expect, it } from 'vitest';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';
import { FixtureHttp, fixtureConnector } from './fixture-http.js';
import { EVERY_OTHER_MON_WED } from '../../../support/sample-recurrence.js';

const schema = recordEwsRequestsForSchema();
const ids = [
  'AAMkAGI2TG93AAA=weekly',
  'AAMkAGI2TG93AAA=monthly',
  'AAMkAGI2TG93AAA=yearly',
  'AAMkAGI2TG93AAA=gone',
  'AAMkAGI2TG93AAA=birthday',
];

describe('EWS series patterns', () => {
  it('reads every pattern and range of the masters, in calendar dates', async () => {
    const http = new FixtureHttp().on('GetItem', 'get-item-series-recurrence-2019.xml');
    const { connector } = fixtureConnector(http, {}, { recorder: schema.recorder });
    const patterns = await connector.seriesRecurrence!('anna.schmidt@contoso.com', [...ids, ids[0]]);
    expect(http.pending()).toEqual([]);
    const body = http.requests.at(-1)!.body ?? '';
    expect(body).toContain('<t:FieldURI FieldURI="calendar:Recurrence"/>');
    // Each master once, asked for by its own id.
    expect(body.match(/<t:ItemId /g)).toHaveLength(5);
    expect(Object.fromEntries(patterns)).toEqual({
      'AAMkAGI2TG93AAA=weekly': EVERY_OTHER_MON_WED,
      'AAMkAGI2TG93AAA=monthly': {
        type: 'relativeMonthly',
        interval: 1,
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        index: 'last',
        range: 'noEnd',
        startDate: '2026-01-30',
      },
      'AAMkAGI2TG93AAA=yearly': {
        type: 'relativeYearly',
        interval: 1,
        daysOfWeek: ['sunday'],
        index: 'last',
        month: 10,
        range: 'numbered',
        startDate: '2026-10-25',
        count: 5,
      },
      'AAMkAGI2TG93AAA=birthday': {
        type: 'absoluteYearly',
        interval: 1,
        dayOfMonth: 24,
        month: 12,
        range: 'noEnd',
        startDate: '2020-12-24',
      },
    });
  });

  it('an error other than a deleted master is thrown with its code', async () => {
    const http = new FixtureHttp().on('GetItem', 'get-item-access-denied-2019.xml');
    const { connector } = fixtureConnector(http, {}, { recorder: schema.recorder });
    const err = await calpumpFailure(connector.seriesRecurrence!('anna.schmidt@contoso.com', ['AAMkAGI2TG93AAA=weekly']));
    expect(err.params.code).toBe('ErrorAccessDenied');
  });
});
