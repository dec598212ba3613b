// The rule editor's model without a DOM: round trip with the default table, editing, ordering, and the preview
// agreeing with the engine (src/core/presence) on a set of sample events.
import { describe, expect, it } from 'vitest';
import { createPresenceService } from '../../../src/core/presence/rpc-service.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { matchRule, excluded } from '../../../src/core/presence/presence-engine.js';
import { parseRuleTable } from '../../../src/core/presence/presence-rules.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import {
  addRule,
  formFromTable,
  moveRule,
  previewStatus,
  removeRule,
  tableFromForm,
  updateRule,
  type SampleEvent,
} from '../../../src/renderer/models/presence-rules-model.js';

const service = createPresenceService({
  connectorFor: async () => {
    throw new Error('unused');
  },
  logger: nullLogger,
});
const sample = (over: Partial<SampleEvent> = {}): SampleEvent => ({
  subject: 'Planning',
  location: '',
  showAs: 'busy',
  sensitivity: 'normal',
  isAllDay: false,
  isCancelled: false,
  ...over,
});

describe('presence rules model', () => {
  it('round-trips the default table into rows and back to a table the host accepts unchanged', () => {
    const doc = service.defaultRules() as Record<string, unknown>;
    const form = formFromTable(doc);
    expect(form.rules.map((r) => r.name)).toEqual([
      'out-of-office',
      'focus-time',
      'call',
      'presentation',
      'working-elsewhere',
      'personal',
      'online-meeting',
      'meeting-with-location',
      'busy',
    ]);
    const back = tableFromForm(form);
    const v = service.validateRules(back);
    expect(v.ok).toBe(true);
    expect(v.ok && v.table).toEqual(parseRuleTable(doc, 'x'));
  });

  it('a rule on automatic replies round-trips without item conditions and never matches a preview item', () => {
    let form = addRule(formFromTable(service.defaultRules()));
    const last = form.rules.length - 1;
    form = updateRule(form, last, { name: 'auto-replies', automaticReplies: true, showAs: ['busy'], subject: 'left over', status: 'Away' });
    form = moveRule(form, last, -1);
    const back = tableFromForm(form);
    const v = service.validateRules(back);
    expect(v.ok).toBe(true);
    expect(v.ok && v.table.rules.find((r) => r.name === 'auto-replies')).toEqual({
      name: 'auto-replies',
      automaticReplies: true,
      status: 'Away',
    });
    expect(formFromTable(back).rules.find((r) => r.name === 'auto-replies')?.automaticReplies).toBe(true);
    expect(previewStatus(form, sample({ subject: 'Writing' }))).toMatchObject({ kind: 'rule', rule: 'busy' });
  });

  it('adds, edits, moves and removes rules; moving past either end changes nothing', () => {
    let form = formFromTable({
      rules: [
        { name: 'a', status: 'A' },
        { name: 'b', status: 'B' },
      ],
    });
    form = addRule(form);
    expect(form.rules.map((r) => r.name)).toEqual(['a', 'b', 'rule-3']);
    form = updateRule(form, 2, { subject: '*lunch*', status: 'Away' });
    form = moveRule(form, 2, -1);
    expect(form.rules.map((r) => r.name)).toEqual(['a', 'rule-3', 'b']);
    expect(moveRule(form, 0, -1)).toBe(form);
    expect(moveRule(form, 2, 1)).toBe(form);
    form = removeRule(form, 0);
    expect(tableFromForm(form).rules).toEqual([
      { name: 'rule-3', subject: '*lunch*', status: 'Away' },
      { name: 'b', status: 'B' },
    ]);
  });

  it('previews the first matching rule, the idle status, or the exclusion that hides the event', () => {
    const form = formFromTable(service.defaultRules());
    expect(previewStatus(form, sample({ subject: 'Weekly call' }))).toEqual({ kind: 'rule', status: 'InACall', rule: 'call', order: 2 });
    expect(previewStatus(form, sample({ showAs: 'oof', subject: 'Weekly call' }))).toMatchObject({
      status: 'OutOfOffice',
      rule: 'out-of-office',
    });
    expect(previewStatus(form, sample({ showAs: 'tentative' }))).toEqual({ kind: 'excluded', reason: 'tentative' });
    expect(previewStatus(form, sample({ subject: 'Lunch ## private' }))).toEqual({ kind: 'excluded', reason: 'marker' });
    expect(previewStatus(form, sample({ showAs: 'unknown' }))).toEqual({ kind: 'idle', status: 'Available' });
    const allDayOnly = updateRule(formFromTable({ rules: [{ name: 'day', status: 'Away' }] }), 0, { allDay: 'yes' });
    expect(previewStatus(allDayOnly, sample({ isAllDay: true }))).toMatchObject({ kind: 'rule', rule: 'day' });
    expect(previewStatus(allDayOnly, sample())).toMatchObject({ kind: 'idle' });
  });

  it('agrees with the engine on every combination of a few sample values', () => {
    const form = formFromTable(service.defaultRules());
    const table = parseRuleTable(tableFromForm(form), 'x');
    for (const subject of ['Focus time', 'Weekly call', 'Product presentation', 'Planning', 'x ## y'])
      for (const location of ['', 'Microsoft Teams Meeting', 'Room 1'])
        for (const showAs of ['busy', 'oof', 'workingElsewhere', 'tentative', 'free'] as const)
          for (const sensitivity of ['normal', 'personal', 'private'] as const) {
            const s = sample({ subject, location, showAs, sensitivity });
            const e = {
              ...s,
              id: '1',
              start: '',
              end: '',
              timeZone: 'UTC',
              categories: [],
              lastModified: '',
            } as unknown as NormalisedEvent;
            const engine = excluded(e, table) ? 'excluded' : (matchRule(e, table.rules)?.rule.status ?? table.idleStatus);
            const p = previewStatus(form, s);
            expect(p.kind === 'excluded' ? 'excluded' : p.status, `${subject}/${location}/${showAs}/${sensitivity}`).toBe(engine);
          }
  });
});
