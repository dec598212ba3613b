// A presence run with a rule on automatic replies, end to end against the simulator through EWS and Graph: the
// seeded Scheduled / Enabled / Disabled mailboxes get their statuses and documents, automatic replies are read once
// per mailbox and not at all for a table that does not use them, and a mailbox whose replies may not be read fails
// alone, naming the right, while the calendar-only table still works for it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { createGraphConnector } from '../../../src/core/connectors/graph/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { computePresence, DEFAULT_RULE_TABLE, parseRuleTable, runPresence } from '../../../src/core/presence/index.js';
import type { PresenceDocument } from '../../../src/core/presence/presence-document.js';
import { secretKey } from '../../../src/shared/profile.js';
import { expectedEvents, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON_SECRET } from '../../../src/sim/oauth/index.js';
import { ewsSimProfile, graphSimProfile, secrets, tempDir } from '../import/import-sim.js';

const ANNA = 'anna.schmidt@contoso.com';
const BOB = 'bob.jones@contoso.com';
const JAN = 'jan.devries@contoso.com';
// Day +7 of the anchor week, 09:00 in Berlin: anna's scheduled automatic replies started an hour ago.
const NOW = new Date('2026-03-30T07:00:00.000Z');
const table = parseRuleTable(
  { rules: [{ name: 'auto-replies', automaticReplies: true, status: 'Away' }, ...DEFAULT_RULE_TABLE.rules], horizonHours: 24 },
  'test',
);
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 42, anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => sim?.stop());

async function connectorFor(kind: 'ews' | 'graph', over: Record<string, string> = {}): Promise<Connector> {
  if (kind === 'ews') {
    const profile = { ...ewsSimProfile(sim), ...over };
    await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
    return createEwsConnector(profile, { secrets, logger: nullLogger });
  }
  const profile = graphSimProfile(sim);
  await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
  return createGraphConnector(profile, { secrets, logger: nullLogger });
}

const oofReads = (kind: 'ews' | 'graph') => sim.counters.operation(kind === 'ews' ? 'GetUserOofSettings' : 'Graph:automaticRepliesSetting');

describe.each(['ews', 'graph'] as const)('presence with automatic replies (%s)', (kind) => {
  it('scheduled, enabled and disabled mailboxes get their statuses; replies read once per mailbox', async () => {
    const connector = await connectorFor(kind);
    const dir = await tempDir();
    const before = oofReads(kind);
    const [anna, bob, jan] = await runPresence(
      { mailboxes: [ANNA, BOB, JAN], table, tableName: 'with-oof', outDir: dir },
      { connector, logger: nullLogger, now: () => NOW },
    );
    expect(oofReads(kind) - before).toBe(3);
    expect(anna).toMatchObject({
      ok: true,
      current: { status: 'Away', rule: 'auto-replies', start: '2026-03-30T06:00:00.000Z', end: '2026-03-31T07:00:00.000Z' },
      automaticReplies: { state: 'scheduled', start: '2026-03-30T06:00:00.000Z', end: '2026-04-01T15:00:00.000Z', active: true },
    });
    expect(bob).toMatchObject({
      ok: true,
      current: { status: 'Away', rule: 'auto-replies' },
      automaticReplies: { state: 'enabled', active: true },
    });
    // Replies off: exactly what the calendar alone gives.
    const items = expectedEvents(
      sim.world,
      JAN,
      'calendar',
      new Date(NOW.getTime() - 86_400_000),
      new Date(NOW.getTime() + 48 * 3_600_000),
    );
    const calendarOnly = computePresence(items, NOW, table);
    expect(jan.automaticReplies).toEqual({ state: 'disabled', active: false });
    expect(jan.current?.status).toBe(calendarOnly.current.status);
    expect(jan.upcoming?.map((s) => s.status)).toEqual(calendarOnly.upcoming.map((s) => s.status));
    const doc = JSON.parse(await readFile(anna.file!, 'utf8')) as PresenceDocument;
    expect(doc).toMatchObject({ table: 'with-oof', status: 'Away', until: '2026-03-31T07:00:00.000Z', automaticReplies: { active: true } });

    const plain = await runPresence(
      { mailboxes: [ANNA, BOB], table: DEFAULT_RULE_TABLE },
      { connector, logger: nullLogger, now: () => NOW },
    );
    expect(oofReads(kind) - before).toBe(3);
    expect(plain.every((p) => p.ok && p.automaticReplies === undefined)).toBe(true);
    await connector.close();
  });
});

describe('presence with automatic replies: missing rights', () => {
  it('a delegate without FullAccess fails that mailbox, naming the right; the calendar-only table still works', async () => {
    const connector = await connectorFor('ews', { username: 'svc-delegate@contoso.com', access: 'delegate' });
    const [alice] = await runPresence({ mailboxes: ['alice.smith@contoso.com'], table }, { connector, logger: nullLogger, now: () => NOW });
    expect(alice).toMatchObject({ ok: false, error: { id: 'presence.automaticReplies.denied' } });
    const [plain] = await runPresence(
      { mailboxes: ['alice.smith@contoso.com'], table: DEFAULT_RULE_TABLE },
      { connector, logger: nullLogger, now: () => NOW },
    );
    expect(plain.ok).toBe(true);
    await connector.close();
  });
});
