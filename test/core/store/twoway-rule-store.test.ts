// Saved two-way rules: round trip through the file, upsert by id (ignoring case, keeping the stored spelling),
// refusal of bad rules naming the field, removal.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TwoWayRuleStore } from '../../../src/core/store/twoway-rule-store.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-twoway-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const crm = {
  id: 'crm-anna',
  a: { mailbox: 'anna.schmidt@contoso.com' },
  b: { mailbox: 'crm.anna@contoso.com', profile: 'Contoso 365' },
  master: 'b',
};

describe('TwoWayRuleStore', () => {
  it('saves a rule with its defaults and a fresh store reads it back', async () => {
    await new TwoWayRuleStore({ dir }).save(crm);
    const rules = await new TwoWayRuleStore({ dir }).list();
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      id: 'crm-anna',
      master: 'b',
      a: { folder: 'calendar' },
      propagate: { aToB: { delete: true } },
      window: { daysAhead: 90 },
    });
    expect((await new TwoWayRuleStore({ dir }).get('CRM-ANNA')).b.profile).toBe('Contoso 365');
  });

  it('replaces the rule with the same id (any case) and keeps its stored id', async () => {
    const store = new TwoWayRuleStore({ dir });
    await store.save(crm);
    const saved = await store.save({ ...crm, id: 'CRM-Anna', master: 'a' });
    expect(saved.id).toBe('crm-anna');
    const rules = await store.list();
    expect(rules).toHaveLength(1);
    expect(rules[0].master).toBe('a');
  });

  it('refuses bad rules naming the field', async () => {
    const store = new TwoWayRuleStore({ dir });
    const e1 = await calpumpFailure(store.save({ ...crm, master: 'c' }));
    expect(e1.id).toBe('input.invalid');
    expect(e1.params.field).toBe('rule.master');
    const e2 = await calpumpFailure(store.save({ ...crm, id: 'has space' }));
    expect(e2.params.field).toBe('rule.id');
    const e3 = await calpumpFailure(store.save({ ...crm, b: { mailbox: 'ANNA.schmidt@contoso.com' } }));
    expect(e3.params.field).toBe('rule.b');
    expect(e3.params.problem).toEqual({ key: 'problem.twoway.sameCalendar' });
    expect(await store.list()).toEqual([]);
  });

  it('removes by id; an unknown id is twoway.rule.notFound listing the saved ones', async () => {
    const store = new TwoWayRuleStore({ dir });
    await store.save(crm);
    await store.save({ ...crm, id: 'crm-jan' });
    expect(await store.remove('crm-anna')).toEqual({ removed: true });
    expect(await store.remove('crm-anna')).toEqual({ removed: false });
    const e = await calpumpFailure(store.get('crm-anna'));
    expect(e.id).toBe('twoway.rule.notFound');
    expect(e.params.known).toBe('crm-jan');
  });
});
