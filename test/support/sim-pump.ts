// The simulator with the real EWS connector, set up for pump tests: the service account's profile, its
// password in a memory secret store, and helpers to pick events in the seeded world to change.
import { createEwsConnector, type EwsConnectorOptions } from '../../src/core/connectors/ews/index.js';
import type { Connector } from '../../src/core/connectors/connector.js';
import { nullLogger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { startSimulator, type RunningSimulator, type SimOptions } from '../../src/sim/index.js';
import { ewsProfileSchema, secretKey, type EwsProfile } from '../../src/shared/profile.js';

export const SIM_ANCHOR = '2026-03-02T06:00:00.000Z';

export interface PumpSim {
  sim: RunningSimulator;
  profile: EwsProfile;
  /** A new EWS connector on the simulator (options: e.g. a recorder for the schema check). */
  connector(options?: EwsConnectorOptions): Connector;
  stop(): Promise<void>;
}

export async function startPumpSim(opts: SimOptions = {}): Promise<PumpSim> {
  const sim = await startSimulator({ seed: 7, anchor: new Date(SIM_ANCHOR), ...opts });
  const profile = ewsProfileSchema.parse({
    id: 'sim',
    name: 'sim',
    kind: 'ews',
    url: sim.ewsUrl,
    username: 'svc-calpump@contoso.com',
    auth: 'basic',
    tls: { caFile: sim.caFile },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
  const connectors: Connector[] = [];
  return {
    sim,
    profile,
    connector(options) {
      const c = createEwsConnector(profile, { secrets, logger: nullLogger }, options);
      connectors.push(c);
      return c;
    },
    async stop() {
      await Promise.all(connectors.map((c) => c.close().catch(() => undefined)));
      await sim.stop();
    },
  };
}

/** Single (non-recurring, timed) events of a mailbox's calendar that start inside [from, to). */
export function singleEventsIn(sim: RunningSimulator, smtp: string, from: string, to: string) {
  const calendarId = sim.world.mailboxes.get(smtp)!.distinguished.calendar;
  return [...sim.world.events.values()]
    .filter((e) => e.mailbox === smtp && e.folderId === calendarId && !e.recurrence && !e.isAllDay && e.start >= from && e.start < to)
    .sort((a, b) => a.start.localeCompare(b.start));
}
