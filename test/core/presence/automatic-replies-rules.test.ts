// Presence rules on automatic replies: enabled, disabled, a scheduled window evaluated at the presence instant
// (its first instant on, its end instant off, a window read from a Windows zone across a DST change), the rule-order
// precedence against calendar items, and the schema that keeps the condition a rule of its own.
import { describe, expect, it } from 'vitest';
import { computePresence, DEFAULT_RULE_TABLE, parseRuleTable, usesAutomaticReplies } from '../../../src/core/presence/index.js';
import { parseGraphAutomaticReplies } from '../../../src/core/presence/automatic-replies.js';
import type { AutomaticReplies } from '../../../src/core/connectors/connector.js';
import type { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';

const table = parseRuleTable(
  {
    rules: [
      { name: 'vacation-item', showAs: 'oof', status: 'OutOfOffice' },
      { name: 'auto-replies', automaticReplies: true, status: 'Away' },
      { name: 'busy', showAs: 'busy', status: 'Busy' },
    ],
    horizonHours: 48,
  },
  'test',
);

const WINDOW: AutomaticReplies = { state: 'scheduled', start: '2026-03-30T06:00:00.000Z', end: '2026-04-01T15:00:00.000Z' };

function meeting(start: string, end: string, showAs: NormalisedEvent['showAs'] = 'busy'): NormalisedEvent {
  return {
    id: `m-${start}`,
    iCalUId: `uid-${start}`,
    subject: 'Review',
    start,
    end,
    timeZone: 'UTC',
    isAllDay: false,
    location: '',
    showAs,
    sensitivity: 'normal',
    isCancelled: false,
    categories: [],
    lastModified: '2026-03-01T00:00:00.000Z',
  };
}

const at = (iso: string, replies: AutomaticReplies | undefined, events: NormalisedEvent[] = []) =>
  computePresence(events, new Date(iso), table, { automaticReplies: replies });

describe('automatic replies as a presence condition', () => {
  it('only a table with the condition reads them; the default table does not', () => {
    expect(usesAutomaticReplies(table)).toBe(true);
    expect(usesAutomaticReplies(DEFAULT_RULE_TABLE)).toBe(false);
  });

  it('enabled: the rule applies from now to the horizon; disabled: never', () => {
    expect(at('2026-03-25T12:00:00Z', { state: 'enabled' })).toEqual({
      current: { status: 'Away', start: '2026-03-25T12:00:00.000Z', end: '2026-03-27T12:00:00.000Z', rule: 'auto-replies' },
      upcoming: [],
    });
    expect(at('2026-03-25T12:00:00Z', { state: 'disabled' }).current).toMatchObject({ status: 'Available' });
    expect(at('2026-03-25T12:00:00Z', undefined).current).toMatchObject({ status: 'Available' });
  });

  it('scheduled: off one millisecond before the window, on at its start, off again at its end', () => {
    expect(at('2026-03-30T05:59:59.999Z', WINDOW).current).toMatchObject({ status: 'Available', end: '2026-03-30T06:00:00.000Z' });
    expect(at('2026-03-30T05:59:59.999Z', WINDOW).upcoming[0]).toMatchObject({
      status: 'Away',
      start: '2026-03-30T06:00:00.000Z',
      rule: 'auto-replies',
    });
    expect(at('2026-03-30T06:00:00.000Z', WINDOW).current).toMatchObject({ status: 'Away', start: '2026-03-30T06:00:00.000Z' });
    // Mid-window the status says when it started and when it ends.
    expect(at('2026-04-01T14:59:59.999Z', WINDOW).current).toEqual({
      status: 'Away',
      start: '2026-03-30T06:00:00.000Z',
      end: '2026-04-01T15:00:00.000Z',
      rule: 'auto-replies',
    });
    expect(at('2026-04-01T15:00:00.000Z', WINDOW).current).toMatchObject({ status: 'Available' });
  });

  it('a window Graph gives in W. Europe Standard Time across the change to summer time is honoured', () => {
    // 28 March 23:30 CET (UTC+1) to 29 March 03:30 CEST (UTC+2): the clocks jump at 02:00 local.
    const replies = parseGraphAutomaticReplies({
      status: 'scheduled',
      scheduledStartDateTime: { dateTime: '2026-03-28T23:30:00.0000000', timeZone: 'W. Europe Standard Time' },
      scheduledEndDateTime: { dateTime: '2026-03-29T03:30:00.0000000', timeZone: 'W. Europe Standard Time' },
    });
    expect(replies).toEqual({ state: 'scheduled', start: '2026-03-28T22:30:00.000Z', end: '2026-03-29T01:30:00.000Z' });
    expect(at('2026-03-29T01:29:59Z', replies).current).toMatchObject({ status: 'Away', end: '2026-03-29T01:30:00.000Z' });
    expect(at('2026-03-29T01:30:00Z', replies).current).toMatchObject({ status: 'Available' });
  });

  it('rule order decides against items: later rules yield, earlier rules win, outside the window items rule again', () => {
    const busy = meeting('2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z');
    const r = at('2026-03-30T08:00:00Z', WINDOW, [busy]);
    // The busy meeting (rule 3) ends sooner but comes after the automatic-replies rule (rule 2): Away up to the horizon.
    expect(r).toEqual({
      current: { status: 'Away', start: '2026-03-30T06:00:00.000Z', end: '2026-04-01T08:00:00.000Z', rule: 'auto-replies' },
      upcoming: [],
    });
    const oofItem = meeting('2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z', 'oof');
    expect(at('2026-03-30T08:00:00Z', WINDOW, [oofItem]).upcoming[0]).toMatchObject({
      status: 'OutOfOffice',
      start: '2026-03-30T09:00:00.000Z',
      rule: 'vacation-item',
      eventId: oofItem.id,
    });
    const before = meeting('2026-03-30T05:00:00.000Z', '2026-03-30T07:00:00.000Z');
    expect(at('2026-03-30T05:30:00Z', WINDOW, [before]).current).toMatchObject({ status: 'Busy', end: '2026-03-30T06:00:00.000Z' });
  });

  it('a scheduled window wholly in the past or with no end changes nothing', () => {
    expect(at('2026-04-02T00:00:00Z', WINDOW).current).toMatchObject({ status: 'Available' });
    expect(at('2026-03-31T00:00:00Z', { state: 'scheduled', start: WINDOW.start }).current).toMatchObject({ status: 'Available' });
  });

  it('the condition is a rule of its own: mixing it with item conditions or giving false is refused', () => {
    const refusal = (rule: Record<string, unknown>) => {
      try {
        parseRuleTable({ rules: [rule] }, 'rules.json');
      } catch (e) {
        return e as CalpumpError;
      }
      throw new Error('accepted');
    };
    const mixed = refusal({ name: 'x', automaticReplies: true, showAs: 'busy', status: 'Away' });
    expect([mixed.id, mixed.params.field]).toEqual(['presence.rules.invalid', 'rules[0].showAs']);
    expect(refusal({ name: 'x', automaticReplies: false, status: 'Away' }).id).toBe('presence.rules.invalid');
  });
});
