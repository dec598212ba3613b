// Bench child: the network floor of an EWS export — what the round trips a mailbox needs cost when nothing else
// runs. Calpump reads a few sample mailboxes one at a time with a recorder on its transport; every recorded
// request a mailbox waits for in sequence (FindItem pages, the GetItem that names series masters; ResolveNames
// is a directory lookup shared by all mailboxes, answered from the organizer cache once warm) is then posted
// again as raw bytes over one keep-alive connection, without parsing the answer, `--samples` times. The median of
// each is its round-trip time (latency + the server's own time + transfer). The floor of an export is then
// (sum of a mailbox's sequential round trips, averaged over the samples) × mailboxes / concurrency.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { createEwsConnector } from '../src/core/connectors/ews/index.js';
import type { RecordedRequest } from '../src/core/connectors/ews/transport/ews-transport.js';
import { nullLogger } from '../src/core/log/logger.js';
import { MemorySecretStore } from '../src/core/secrets/memory-secret-store.js';
import { ewsProfileSchema, secretKey } from '../src/shared/profile.js';
import { arg, median, SERVICE_ACCOUNT, SIM_PASSWORD } from './lib.js';

const SHARED_LOOKUPS = new Set(['ResolveNames']);

async function recordedRequests(mailbox: string): Promise<RecordedRequest[]> {
  const profile = ewsProfileSchema.parse({
    id: 'f',
    name: 'floor',
    kind: 'ews',
    url: arg('url'),
    username: SERVICE_ACCOUNT,
    auth: 'basic',
    tls: { caFile: arg('ca') },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey('f', 'password'), SIM_PASSWORD);
  const seen: RecordedRequest[] = [];
  const connector = createEwsConnector(profile, { secrets, logger: nullLogger }, { recorder: (r) => seen.push(r) });
  const events = connector.calendarView(mailbox, 'calendar', new Date(arg('from')), new Date(arg('to')), {
    includeAttendees: arg('attendees', 'no') === 'yes',
  });
  for await (const _ of events) void _;
  await connector.close();
  return seen.filter((r) => !SHARED_LOOKUPS.has(r.operation));
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  const auth = `Basic ${Buffer.from(`${SERVICE_ACCOUNT}:${SIM_PASSWORD}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'Content-Type': 'text/xml; charset=utf-8', Authorization: auth, 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const mailboxes = arg('mailboxes').split(',');
  const samples = Number(arg('samples', '5'));
  const agent = new Agent({ ca: readFileSync(arg('ca')), keepAlive: true, maxSockets: 1 });
  const url = new URL(arg('url'));
  const chains: number[] = [];
  const requests: number[] = [];
  const byOperation: Record<string, number[]> = {};
  for (const mailbox of mailboxes) {
    const chain = await recordedRequests(mailbox);
    requests.push(chain.length);
    let sum = 0;
    for (const r of chain) {
      await post(agent, url, r.body); // warm: the connection, the server's caches
      const times: number[] = [];
      for (let i = 0; i < samples; i++) times.push(await post(agent, url, r.body));
      const t = median(times);
      (byOperation[r.operation] ??= []).push(t);
      sum += t;
    }
    chains.push(sum);
  }
  agent.destroy();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  process.stdout.write(
    `${JSON.stringify({
      chainMs: mean(chains),
      requestsPerMailbox: mean(requests),
      rttMs: Object.fromEntries(Object.entries(byOperation).map(([op, ts]) => [op, mean(ts)])),
    })}\n`,
  );
  process.exit(0);
}

void main();
