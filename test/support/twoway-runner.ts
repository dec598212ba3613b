// Child-process runner for the two-way SIGKILL test: runs one two-way rule against the simulator (side A on EWS,
// side B on EWS or Graph) and prints one JSON line per write request it sends to side B (writes are sent in
// small chunks so a kill lands between them), then {"done":true,"statuses":{…}}.
// Usage: bundled by test/support/bundle-runner.ts, then node <bundle> <spec.json>
import { readFileSync } from 'node:fs';
import { createEwsConnector } from '../../src/core/connectors/ews/index.js';
import { createEwsWriter } from '../../src/core/connectors/ews/writer/index.js';
import { createGraphConnector } from '../../src/core/connectors/graph/index.js';
import { createGraphWriter } from '../../src/core/connectors/graph/writer/index.js';
import type { CalendarWriter, WriteOutcome } from '../../src/core/connectors/writer.js';
import { nullLogger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { runTwoWay, twoWayRuleSchema, type TwoWaySide } from '../../src/core/twoway/index.js';
import { ewsProfileSchema, graphProfileSchema, secretKey } from '../../src/shared/profile.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../src/sim/oauth/index.js';

export interface TwoWayRunnerSpec {
  ewsUrl: string;
  simUrl: string;
  caFile: string;
  stateDir: string;
  now: string;
  bKind: 'ews' | 'graph';
  /** Items per write request to side B. */
  chunk: number;
  rule: unknown;
}

const secrets = new MemorySecretStore();

async function side(spec: TwoWayRunnerSpec, kind: 'ews' | 'graph'): Promise<TwoWaySide> {
  if (kind === 'ews') {
    const profile = ewsProfileSchema.parse({
      id: 'sim-ews',
      name: 'sim-ews',
      kind: 'ews',
      url: spec.ewsUrl,
      username: 'svc-calpump@contoso.com',
      auth: 'basic',
      tls: { caFile: spec.caFile },
    });
    await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
    const deps = { secrets, logger: nullLogger };
    return { connector: createEwsConnector(profile, deps), writer: createEwsWriter(profile, deps) };
  }
  const profile = graphProfileSchema.parse({
    id: 'sim-graph',
    name: 'sim-graph',
    kind: 'graph',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_DAEMON,
    flow: 'clientCredentials',
    credential: 'secret',
    authorityHost: spec.simUrl,
    graphHost: spec.simUrl,
    tls: { caFile: spec.caFile },
    proxy: { mode: 'none' },
  });
  await secrets.set(secretKey(profile.id, 'clientSecret'), SIM_APP_DAEMON_SECRET);
  const deps = { secrets, logger: nullLogger };
  return { connector: createGraphConnector(profile, deps), writer: createGraphWriter(profile, deps) };
}

/** The writer, sending at most `size` items per request and printing a line after each. */
function chunked(writer: CalendarWriter, size: number): CalendarWriter {
  const inChunks = async <T>(items: T[], write: (part: T[]) => Promise<WriteOutcome[]>) => {
    const out: WriteOutcome[] = [];
    for (let i = 0; i < items.length; i += size) {
      out.push(...(await write(items.slice(i, i + size))));
      process.stdout.write(`${JSON.stringify({ written: out.length })}\n`);
    }
    return out;
  };
  return {
    kind: writer.kind,
    maxBatch: size,
    listOwned: (mb, folder, opts) => writer.listOwned(mb, folder, opts),
    upsert: (mb, folder, requests) => inChunks(requests, (part) => writer.upsert(mb, folder, part)),
    delete: (mb, ids, opts) => inChunks(ids, (part) => writer.delete(mb, part, opts)),
    close: () => writer.close(),
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as TwoWayRunnerSpec;
  const rule = twoWayRuleSchema.parse(spec.rule);
  const a = await side(spec, 'ews');
  const b = await side(spec, spec.bKind);
  const report = await runTwoWay(rule, {
    a,
    b: { connector: b.connector, writer: chunked(b.writer, spec.chunk) },
    stateDir: spec.stateDir,
    logger: nullLogger,
    now: () => new Date(spec.now),
  });
  await Promise.all([a, b].flatMap((s) => [s.connector.close(), s.writer.close()]));
  const statuses = { [rule.id]: report.errors.length ? 'failed' : 'ok' };
  const errors = report.errors.map((e) => ({ key: e.key, side: e.side, id: e.error.id }));
  // Exit once the line is out (see pump-runner.ts).
  process.stdout.write(`${JSON.stringify({ done: true, statuses, errors })}\n`, () => process.exit(0));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 3;
});
