// Presence through a real connector against the simulator: one JSON file per mailbox with current + upcoming
// status, equal to the engine applied to the simulator's expected items; a failing mailbox does not stop others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { computePresence, DEFAULT_RULE_TABLE, runPresence } from '../../../src/core/presence/index.js';
import { expectedEvents, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { ewsSimProfile, secrets, tempDir } from '../import/import-sim.js';
import { secretKey } from '../../../src/shared/profile.js';
import { readJson } from '../../support/typed-json.js';

const ALICE = 'alice.smith@contoso.com';
// Day +1 of the anchor week, 09:05 in New York: alice's "Project review" (with a room) is running.
const NOW = new Date('2026-03-03T14:05:00.000Z');
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 41, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(async () => {
  await sim?.stop();
});

describe('runPresence against the simulator', () => {
  it('writes current + upcoming per mailbox and reports a failing mailbox', async () => {
    const profile = ewsSimProfile(sim);
    await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
    const connector = createEwsConnector(profile, { secrets, logger: nullLogger });
    const dir = await tempDir();
    const out = await runPresence(
      { mailboxes: [ALICE, 'carol.evans@contoso.com'], table: DEFAULT_RULE_TABLE, outDir: dir, horizonHours: 12 },
      { connector, logger: nullLogger, now: () => NOW },
    );
    const [alice, carol] = out;
    expect(alice.ok).toBe(true);
    expect(alice.current).toMatchObject({ status: 'InAMeeting', rule: 'meeting-with-location', start: '2026-03-03T14:00:00.000Z' });
    const items = expectedEvents(
      sim.world,
      ALICE,
      'calendar',
      new Date(NOW.getTime() - 86_400_000),
      new Date(NOW.getTime() + 36 * 3_600_000),
    );
    const expected = computePresence(items, NOW, DEFAULT_RULE_TABLE, { horizonHours: 12 });
    const strip = (s: { status: string; start: string; end: string; rule?: string }) => ({
      status: s.status,
      start: s.start,
      end: s.end,
      rule: s.rule,
    });
    expect(strip(alice.current!)).toEqual(strip(expected.current));
    expect(alice.upcoming!.map(strip)).toEqual(expected.upcoming.map(strip));
    expect(alice.upcoming!.length).toBeGreaterThan(1);
    const file = await readJson<unknown>(alice.file!);
    expect(file).toMatchObject({
      mailbox: ALICE,
      computedAt: NOW.toISOString(),
      table: 'default',
      status: 'InAMeeting',
      current: { status: 'InAMeeting' },
    });
    expect(alice.file!.endsWith(`/${ALICE}.json`)).toBe(true);
    expect(carol).toMatchObject({ ok: false, error: { id: 'ews.impersonation.denied' } });
    await connector.close();
  });
});
