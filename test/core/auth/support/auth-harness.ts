// Shared wiring for sign-in tests: a real net-layer HttpClient trusting the test CA, an in-memory secret
// store, and a logger whose records are kept so tests can grep them for secrets.
import { HttpClient } from '../../../../src/core/net/index.js';
import { httpSendFromClient } from '../../../../src/core/auth/net-http-send.js';
import type { HttpSend } from '../../../../src/core/auth/http-send.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { createLogger } from '../../../../src/core/log/create-logger.js';
import { MemorySink } from '../../../../src/core/log/sinks.js';

export async function authHarness(caFile: string | undefined, profileId = 'p1') {
  const secrets = new MemorySecretStore();
  const sink = new MemorySink('trace');
  const logger = createLogger({ sinks: [sink], level: 'all' });
  const client = await HttpClient.create({ profileId, tls: caFile ? { caFile } : {}, proxy: { mode: 'none' }, secrets, timeoutMs: 10_000 });
  const http: HttpSend = httpSendFromClient(client);
  return { secrets, sink, logger, http, client, logText: () => JSON.stringify(sink.records) };
}
