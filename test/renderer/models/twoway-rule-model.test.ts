// The two-way form model: a saved rule round-trips through the form unchanged (including what the form does not
// edit), side A names the chosen profile, flows toggle per direction.
import { describe, expect, it } from 'vitest';
import {
  emptyTwoWayForm,
  profileOfSideA,
  ruleFromTwoWayForm,
  setFlow,
  twoWayFormFromRule,
  twoWayFormReady,
} from '../../../src/renderer/models/twoway-rule-model.js';

const saved = {
  id: 'crm-anna',
  name: 'CRM',
  a: { mailbox: 'anna.schmidt@contoso.com', profile: 'p1', folder: 'AAMkF1' },
  b: { mailbox: 'crm.anna@contoso.com', profile: 'p2', folder: 'calendar' },
  master: 'b',
  mode: 'sync',
  propagate: { aToB: { create: true, modify: true, delete: false }, bToA: { create: false, modify: true, delete: true } },
  window: { daysBack: 1, daysAhead: 30 },
  includePrivate: false,
  excludeMarker: '##',
};

describe('twoway-rule-model', () => {
  it('round-trips a saved rule', () => {
    const form = twoWayFormFromRule(saved);
    expect(form).toMatchObject({ id: 'crm-anna', mailboxA: 'anna.schmidt@contoso.com', profileB: 'p2', master: 'b' });
    expect(ruleFromTwoWayForm(form, profileOfSideA(saved))).toEqual(saved);
  });

  it('a new form needs id and both mailboxes; side A takes the chosen profile; flows toggle per direction', () => {
    let f = emptyTwoWayForm();
    expect(twoWayFormReady(f)).toBe(false);
    f = { ...f, id: ' r1 ', mailboxA: 'a@contoso.com', mailboxB: 'b@contoso.com' };
    expect(twoWayFormReady(f)).toBe(true);
    // Deletions start off for a new rule.
    f = setFlow(f, 'bToA', 'delete', true);
    f = setFlow(f, 'bToA', 'delete', false);
    expect(ruleFromTwoWayForm(f, 'p1')).toEqual({
      id: 'r1',
      a: { mailbox: 'a@contoso.com', profile: 'p1' },
      b: { mailbox: 'b@contoso.com' },
      master: 'a',
      mode: 'sync',
      propagate: { aToB: { create: true, modify: true, delete: false }, bToA: { create: true, modify: true, delete: false } },
    });
  });

  it('keeps an overwrite rule in overwrite mode; a rule saved before modes existed opens as sync', () => {
    const ow = twoWayFormFromRule({ ...saved, mode: 'overwrite' });
    expect(ow.mode).toBe('overwrite');
    expect(ruleFromTwoWayForm(ow, 'p1').mode).toBe('overwrite');
    const older: Record<string, unknown> = { ...saved };
    delete older.mode;
    expect(twoWayFormFromRule(older).mode).toBe('sync');
  });
});
