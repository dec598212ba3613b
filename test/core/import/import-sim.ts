// Shared set-up for the import acceptance tests: a simulator with enough mailboxes, EWS and Graph writers on
// it, an absence CSV generator, and a look straight into the world to count what an import left there.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEwsWriter } from '../../../src/core/connectors/ews/writer/index.js';
import { createGraphWriter } from '../../../src/core/connectors/graph/writer/index.js';
import { CALPUMP_PROPERTY_SET_ID, type CalendarWriter } from '../../../src/core/connectors/writer.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { ewsProfileSchema, graphProfileSchema, secretKey, type EwsProfile, type GraphProfile } from '../../../src/shared/profile.js';
import type { RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID, simTenant } from '../../../src/sim/oauth/index.js';

export const secrets = new MemorySecretStore();

export function ewsSimProfile(sim: RunningSimulator): EwsProfile {
  return ewsProfileSchema.parse({
    id: 'imp-ews',
    name: 'sim-ews',
    kind: 'ews',
    url: sim.ewsUrl,
    username: 'svc-calpump@contoso.com',
    auth: 'basic',
    tls: { caFile: sim.caFile },
  });
}

export function graphSimProfile(sim: RunningSimulator): GraphProfile {
  return graphProfileSchema.parse({
    id: 'imp-graph',
    name: 'sim-graph',
    kind: 'graph',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_DAEMON,
    flow: 'clientCredentials',
    credential: 'secret',
    authorityHost: sim.url,
    graphHost: sim.url,
    tls: { caFile: sim.caFile },
    proxy: { mode: 'none' },
  });
}

export async function simWriter(sim: RunningSimulator, kind: 'ews' | 'graph'): Promise<CalendarWriter> {
  if (kind === 'ews') {
    const profile = ewsSimProfile(sim);
    await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
    return createEwsWriter(profile, { secrets, logger: nullLogger });
  }
  const roles = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!.roles;
  if (!roles.includes('Calendars.ReadWrite')) roles.push('Calendars.ReadWrite');
  const profile = graphSimProfile(sim);
  await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
  return createGraphWriter(profile, { secrets, logger: nullLogger });
}

/** User mailboxes the service account may write to (carol.evans is outside every scope). */
export function writableMailboxes(sim: RunningSimulator, n: number): string[] {
  const all = [...sim.world.mailboxes.values()]
    .filter((m) => m.kind === 'user' && !sim.world.impersonationExcluded.includes(m.smtp) && !m.smtp.startsWith('svc-'))
    .map((m) => m.smtp)
    .sort();
  if (all.length < n) throw new Error(`only ${all.length} writable mailboxes, need ${n}`);
  return all.slice(0, n);
}

export interface AbsenceRow {
  id: string;
  mailbox: string;
  subject: string;
  start: string;
  end: string;
}

export function absences(count: number, mailboxes: string[], prefix = 'A'): AbsenceRow[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 3, 1) + (i % 60) * 86_400_000);
    const end = new Date(day.getTime() + (i % 3) * 86_400_000);
    return {
      id: `${prefix}${String(i + 1).padStart(4, '0')}`,
      mailbox: mailboxes[i % mailboxes.length],
      subject: i % 4 === 0 ? 'Sick leave' : 'Vacation',
      start: day.toISOString().slice(0, 10),
      end: end.toISOString().slice(0, 10),
    };
  });
}

export function absenceCsv(rows: AbsenceRow[]): string {
  return ['id,mailbox,subject,start,end', ...rows.map((r) => `${r.id},${r.mailbox},${r.subject},${r.start},${r.end}`)].join('\n') + '\n';
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'calpump-import-'));
}

export async function writeCsv(dir: string, rows: AbsenceRow[], name = 'absences.csv'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, absenceCsv(rows));
  return file;
}

const SCOPE_KEY = `${CALPUMP_PROPERTY_SET_ID}:CalpumpScope:String`.toLowerCase();
const SOURCE_KEY = `${CALPUMP_PROPERTY_SET_ID}:CalpumpSourceKey:String`.toLowerCase();

/** Source keys of the items a scope has in the world, per mailbox (duplicates show up as repeated keys). */
export function ownedInWorld(sim: RunningSimulator, scope: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ev of sim.world.events.values()) {
    const s = ev.extendedProperties.find((p) => p.key.toLowerCase() === SCOPE_KEY)?.value;
    if (s !== scope) continue;
    const key = ev.extendedProperties.find((p) => p.key.toLowerCase() === SOURCE_KEY)?.value ?? '?';
    out.set(ev.mailbox, [...(out.get(ev.mailbox) ?? []), key]);
  }
  return out;
}

export function writeCounts(sim: RunningSimulator, kind: 'ews' | 'graph') {
  const c = sim.counters;
  return kind === 'ews'
    ? { create: c.operation('CreateItem'), update: c.operation('UpdateItem'), delete: c.operation('DeleteItem') }
    : { create: c.operation('Graph:createEvent'), update: c.operation('Graph:updateEvent'), delete: c.operation('Graph:deleteEvent') };
}
