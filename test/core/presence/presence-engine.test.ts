// Presence, table-driven: every default rule, rule order, exclusions, overlaps (the item that ends soonest wins),
// all-day items on their local dates, horizons, and rule-table validation.
import { describe, expect, it } from 'vitest';
import {
  computePresence,
  DEFAULT_RULE_TABLE,
  parseRuleTable,
  wildcard,
  type PresenceTableInput,
} from '../../../src/core/presence/index.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
let n = 0;
function ev(over: Partial<NormalisedEvent>): NormalisedEvent {
  n++;
  return {
    id: `e${n}`,
    iCalUId: `uid${n}`,
    subject: 'Item',
    start: '2026-03-10T08:30:00.000Z',
    end: '2026-03-10T09:30:00.000Z',
    timeZone: 'UTC',
    isAllDay: false,
    location: '',
    showAs: 'busy',
    sensitivity: 'normal',
    isCancelled: false,
    categories: [],
    lastModified: '2026-03-01T00:00:00.000Z',
    ...over,
  };
}

const statusAt = (events: NormalisedEvent[], now = NOW, table = DEFAULT_RULE_TABLE) => computePresence(events, now, table).current;

describe('default rules', () => {
  it.each<[string, Partial<NormalisedEvent>, string, string]>([
    ['out of office', { showAs: 'oof', subject: 'Vacation' }, 'OutOfOffice', 'out-of-office'],
    ['focus time', { subject: 'Focus time: report' }, 'DoNotDisturb', 'focus-time'],
    ['call', { subject: 'Call with New York office' }, 'InACall', 'call'],
    ['presentation', { subject: 'Quarterly presentation' }, 'Presenting', 'presentation'],
    ['working elsewhere', { showAs: 'workingElsewhere', subject: 'Offsite day' }, 'Away', 'working-elsewhere'],
    ['personal', { sensitivity: 'personal', subject: 'Birthday party' }, 'Away', 'personal'],
    ['Teams meeting', { location: 'Microsoft Teams Meeting', subject: 'Sync' }, 'InAMeeting', 'online-meeting'],
    ['meeting in a room', { location: 'Room Amsterdam', subject: 'Project review' }, 'InAMeeting', 'meeting-with-location'],
    ['busy without a location', { subject: 'Writing' }, 'Busy', 'busy'],
    ['rule order: a call in Teams is a call', { subject: 'Call: supplier', location: 'Microsoft Teams Meeting' }, 'InACall', 'call'],
    ['rule order: out of office beats focus', { subject: 'Focus retreat', showAs: 'oof' }, 'OutOfOffice', 'out-of-office'],
    ['subject wildcards ignore case', { subject: 'FOCUS' }, 'DoNotDisturb', 'focus-time'],
  ])('%s', (_name, over, status, rule) => {
    expect(statusAt([ev(over)])).toMatchObject({ status, rule, start: '2026-03-10T08:30:00.000Z', end: '2026-03-10T09:30:00.000Z' });
  });

  it('no item → idle status until the horizon', () => {
    expect(computePresence([], NOW, DEFAULT_RULE_TABLE)).toEqual({
      current: { status: 'Available', start: NOW.toISOString(), end: '2026-03-11T09:00:00.000Z' },
      upcoming: [],
    });
  });
});

describe('exclusions', () => {
  it.each<[string, Partial<NormalisedEvent>]>([
    ['private', { sensitivity: 'private' }],
    ['tentative', { showAs: 'tentative' }],
    ['free', { showAs: 'free' }],
    ['cancelled', { isCancelled: true }],
    ['marker ##', { subject: 'Deep work ## not shown' }],
  ])('%s items do not count', (_name, over) => {
    expect(statusAt([ev(over)]).status).toBe('Available');
  });

  it('each exclusion can be switched off', () => {
    const table = parseRuleTable(
      { ...structuredClone(DEFAULT_RULE_TABLE), exclusions: { private: false, tentative: false, free: true, cancelled: true, marker: '' } },
      't.json',
    );
    expect(statusAt([ev({ sensitivity: 'private' })], NOW, table).status).toBe('Busy');
    expect(statusAt([ev({ subject: 'x ## y' })], NOW, table).status).toBe('Busy');
    // Tentative is no longer excluded but no rule matches it: it still does not count.
    expect(statusAt([ev({ showAs: 'tentative' })], NOW, table).status).toBe('Available');
  });
});

describe('overlaps: the item that ends soonest wins', () => {
  it('a meeting inside an all-day absence shows while it runs', () => {
    const r = computePresence(
      [
        ev({ showAs: 'oof', isAllDay: true, start: '2026-03-10T00:00:00.000Z', end: '2026-03-11T00:00:00.000Z', subject: 'Vacation' }),
        ev({ location: 'Teams', start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T10:30:00.000Z' }),
      ],
      NOW,
      DEFAULT_RULE_TABLE,
    );
    expect(r.current).toMatchObject({ status: 'OutOfOffice', start: '2026-03-10T00:00:00.000Z', end: '2026-03-10T10:00:00.000Z' });
    expect(r.upcoming.map((s) => [s.status, s.start, s.end])).toEqual([
      ['InAMeeting', '2026-03-10T10:00:00.000Z', '2026-03-10T10:30:00.000Z'],
      ['OutOfOffice', '2026-03-10T10:30:00.000Z', '2026-03-11T00:00:00.000Z'],
      ['Available', '2026-03-11T00:00:00.000Z', '2026-03-11T09:00:00.000Z'],
    ]);
  });

  it('a short call inside a long meeting, then the meeting again', () => {
    const r = computePresence(
      [
        ev({ subject: 'Workshop', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T11:00:00.000Z' }),
        ev({ subject: 'Call', start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T10:15:00.000Z' }),
      ],
      NOW,
      DEFAULT_RULE_TABLE,
    );
    expect([r.current, ...r.upcoming].map((s) => [s.status, s.start.slice(11, 16), s.end.slice(11, 16)])).toEqual([
      ['Busy', '09:00', '10:00'],
      ['InACall', '10:00', '10:15'],
      ['Busy', '10:15', '11:00'],
      ['Available', '11:00', '09:00'],
    ]);
  });

  it('back-to-back items with the same status are one span', () => {
    const r = computePresence(
      [
        ev({ start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:00:00.000Z' }),
        ev({ start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T11:00:00.000Z' }),
      ],
      NOW,
      DEFAULT_RULE_TABLE,
    );
    expect(r.current).toMatchObject({ status: 'Busy', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T11:00:00.000Z' });
  });

  it('equal ends: the earlier rule in the table wins', () => {
    const r = statusAt([ev({ subject: 'Writing' }), ev({ subject: 'Focus' })]);
    expect(r.status).toBe('DoNotDisturb');
  });
});

describe('all-day items cover their local dates', () => {
  const berlinDay = ev({
    showAs: 'oof',
    isAllDay: true,
    timeZone: 'Europe/Berlin',
    start: '2026-03-10T00:00:00.000Z',
    end: '2026-03-11T00:00:00.000Z',
  });
  it.each<[string, string]>([
    ['2026-03-09T22:59:00.000Z', 'Available'],
    ['2026-03-09T23:30:00.000Z', 'OutOfOffice'],
    ['2026-03-10T22:30:00.000Z', 'OutOfOffice'],
    ['2026-03-10T23:00:00.000Z', 'Available'],
  ])('at %s the Berlin absence of 10 March gives %s', (at, status) => {
    expect(statusAt([berlinDay], new Date(at)).status).toBe(status);
  });

  it('an all-day item tomorrow is upcoming, from local midnight', () => {
    const r = computePresence(
      [
        ev({
          isAllDay: true,
          showAs: 'oof',
          timeZone: 'America/New_York',
          start: '2026-03-11T00:00:00.000Z',
          end: '2026-03-12T00:00:00.000Z',
        }),
      ],
      NOW,
      DEFAULT_RULE_TABLE,
      { horizonHours: 48 },
    );
    expect(r.current.status).toBe('Available');
    expect(r.upcoming[0]).toMatchObject({ status: 'OutOfOffice', start: '2026-03-11T04:00:00.000Z', end: '2026-03-12T04:00:00.000Z' });
  });

  it('an all-day rule condition', () => {
    const input: PresenceTableInput = {
      rules: [
        { name: 'all-day', allDay: true, status: 'Away' },
        { name: 'timed', allDay: false, status: 'Busy' },
      ],
    };
    const table = parseRuleTable(input, 't.json');
    expect(statusAt([berlinDay], new Date('2026-03-10T12:00:00Z'), table)).toMatchObject({ status: 'Away', rule: 'all-day' });
    expect(statusAt([ev({})], NOW, table)).toMatchObject({ status: 'Busy', rule: 'timed' });
  });
});

describe('rule table', () => {
  it.each<[unknown, string]>([
    [{ rules: [{ name: 'x' }] }, 'rules[0].status'],
    [{ rules: [{ name: 'x', status: 'Busy', showAs: 'sometimes' }] }, 'rules[0].showAs'],
    [{ rules: [{ name: 'x', status: 'Busy', colour: 'red' }] }, 'rules[0]'],
    [{ rules: [], horizonHours: 0 }, 'horizonHours'],
  ])('%j is refused naming %s', (doc, field) => {
    try {
      parseRuleTable(doc, 'rules.json');
      expect.fail('accepted');
    } catch (e) {
      expect(e).toMatchObject({ id: 'presence.rules.invalid', params: { file: 'rules.json', field } });
    }
  });

  it.each<[string, string, boolean]>([
    ['*focus*', 'Team FOCUS block', true],
    ['focus', 'focus time', false],
    ['?*', '', false],
    ['?*', 'R', true],
    ['Room (A)*', 'Room (A) 1.02', true],
    ['a.b', 'axb', false],
  ])('wildcard %s on %j → %s', (pattern, text, expected) => {
    expect(wildcard(pattern, text)).toBe(expected);
  });
});
