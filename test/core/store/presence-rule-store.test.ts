// Saved presence rule tables: "default" is the built-in table until saved, saves round-trip through the file,
// bad tables are refused naming the field (and nothing is written), reset brings the built-in back.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_TABLE } from '../../../src/core/presence/presence-rules.js';
import { PRESENCE_RULES_FILE, PresenceRuleStore } from '../../../src/core/store/presence-rule-store.js';
import { readJson } from '../../support/typed-json.js';
import { calpumpFailure } from '../../support/calpump-failure.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-presence-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const doorSigns = { rules: [{ name: 'absent', showAs: 'oof', status: 'Away' }], idleStatus: 'Free', horizonHours: 12 };

describe('PresenceRuleStore', () => {
  it('has the built-in default table before anything is saved', async () => {
    const store = new PresenceRuleStore({ dir });
    expect(await store.list()).toEqual([{ name: 'default', saved: false, rules: DEFAULT_RULE_TABLE.rules.length }]);
    const d = await store.get('default');
    expect(d.saved).toBe(false);
    expect(d.table).toEqual(DEFAULT_RULE_TABLE);
  });

  it('saves a named table and a fresh store (next process) reads the same back', async () => {
    await new PresenceRuleStore({ dir }).save('door-signs', doorSigns);
    const again = new PresenceRuleStore({ dir });
    const got = await again.get('Door-Signs');
    expect(got).toMatchObject({ name: 'door-signs', saved: true });
    expect(got.table.rules).toEqual([{ name: 'absent', showAs: ['oof'], status: 'Away' }]);
    expect(got.table.idleStatus).toBe('Free');
    expect(got.table.exclusions.marker).toBe('##');
    expect((await again.list()).map((t) => t.name)).toEqual(['default', 'door-signs']);
    const onDisk = await readJson<{ schemaVersion: number; tables: Record<string, unknown> }>(join(dir, PRESENCE_RULES_FILE));
    expect(onDisk.schemaVersion).toBe(1);
    expect(Object.keys(onDisk.tables)).toEqual(['door-signs']);
  });

  it('saving under another spelling of a name replaces that table', async () => {
    const store = new PresenceRuleStore({ dir });
    await store.save('door-signs', doorSigns);
    const saved = await store.save('DOOR-SIGNS', { ...doorSigns, idleStatus: 'Here' });
    expect(saved.name).toBe('door-signs');
    expect((await store.list()).map((t) => t.name)).toEqual(['default', 'door-signs']);
    expect((await store.get('door-signs')).table.idleStatus).toBe('Here');
  });

  it('refuses a bad table naming the field, and writes nothing', async () => {
    const store = new PresenceRuleStore({ dir });
    const e = await calpumpFailure(store.save('default', { rules: [{ name: 'x', status: '' }] }));
    expect(e.id).toBe('presence.rules.invalid');
    expect(e.params.field).toBe('rules[0].status');
    const e2 = await calpumpFailure(store.save('default', { rules: [{ name: 'x', showAs: 'sometimes', status: 'Busy' }] }));
    expect(e2.params.field).toMatch(/^rules\[0\]\.showAs/);
    const e3 = await calpumpFailure(store.save('bad name!', doorSigns));
    expect(e3.id).toBe('input.invalid');
    expect(e3.params.field).toBe('name');
    expect(await store.list()).toEqual([{ name: 'default', saved: false, rules: DEFAULT_RULE_TABLE.rules.length }]);
  });

  it('an unknown table is presence.rules.notFound naming the tables there are', async () => {
    const store = new PresenceRuleStore({ dir });
    await store.save('door-signs', doorSigns);
    const e = await calpumpFailure(store.get('lobby'));
    expect(e.id).toBe('presence.rules.notFound');
    expect(e.params.known).toBe('default, door-signs');
  });

  it('reset: "default" forgets its saved version, another table becomes a copy of the built-in one', async () => {
    const store = new PresenceRuleStore({ dir });
    await store.save('default', doorSigns);
    expect((await store.get('default')).saved).toBe(true);
    const reset = await store.reset('default');
    expect(reset).toMatchObject({ name: 'default', saved: false });
    expect((await store.get('default')).table).toEqual(DEFAULT_RULE_TABLE);
    await store.save('door-signs', doorSigns);
    await store.reset('door-signs');
    expect(await store.get('door-signs')).toMatchObject({ saved: true, table: DEFAULT_RULE_TABLE });
    expect(await store.remove('door-signs')).toEqual({ removed: true });
    expect(await store.remove('door-signs')).toEqual({ removed: false });
  });

  it('a hand-broken file is config.invalid naming the field, with a backup', async () => {
    await writeFile(join(dir, PRESENCE_RULES_FILE), JSON.stringify({ schemaVersion: 1, tables: { x: { rules: [{ name: 'r' }] } } }));
    const e = await calpumpFailure(new PresenceRuleStore({ dir }).list());
    expect(e.id).toBe('config.invalid');
    expect(e.params.field).toBe('tables.x.rules[0].status');
    expect(e.params.backup).toContain('.invalid-');
  });
});
