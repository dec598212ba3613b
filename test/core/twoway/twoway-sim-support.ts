// Shared by the two-way simulator tests: a side (connector + writer) on EWS or Graph, and a look straight into the
// simulator's world for the copies a rule left in a mailbox (read from their tags, not through Calpump).
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { createGraphConnector } from '../../../src/core/connectors/graph/index.js';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { CALPUMP_PROPERTY_SET_ID, type CalendarWriter } from '../../../src/core/connectors/writer.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import type { RunningSimulator } from '../../../src/sim/index.js';
import type { SimEvent } from '../../../src/sim/world/types.js';
import { ewsSimProfile, graphSimProfile, secrets, simWriter } from '../import/import-sim.js';

export type SideKind = 'ews' | 'graph';

/** A side on the simulator; what it opens is added to `closers` for the test's afterAll. */
export async function simSide(
  sim: RunningSimulator,
  kind: SideKind,
  closers: Array<{ close(): Promise<void> }>,
): Promise<{ connector: Connector; writer: CalendarWriter }> {
  const writer = await simWriter(sim, kind);
  const connector =
    kind === 'ews'
      ? createEwsConnector(ewsSimProfile(sim), { secrets, logger: nullLogger })
      : createGraphConnector(graphSimProfile(sim), { secrets, logger: nullLogger });
  closers.push(writer, connector);
  return { connector, writer };
}

const SOURCE_KEY = `${CALPUMP_PROPERTY_SET_ID}:CalpumpSourceKey:String`.toLowerCase();
const SCOPE_KEY = `${CALPUMP_PROPERTY_SET_ID}:CalpumpScope:String`.toLowerCase();
export const tagOf = (ev: SimEvent, key: 'sourceKey' | 'scope') =>
  ev.extendedProperties.find((p) => p.key.toLowerCase() === (key === 'scope' ? SCOPE_KEY : SOURCE_KEY))?.value;

/** The items of a mailbox tagged with a rule's scope, with their source key. */
export function copiesOf(sim: RunningSimulator, mailbox: string, scope: string): Array<SimEvent & { sourceKey?: string }> {
  return [...sim.world.events.values()]
    .filter((e) => e.mailbox === mailbox && tagOf(e, 'scope') === scope)
    .map((e) => ({ ...e, sourceKey: tagOf(e, 'sourceKey') }));
}
