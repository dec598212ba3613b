// Child-process runner for the SIGKILL import test: runs one import job against the simulator through the real
// EWS writer and prints one JSON line per write request, then {"done":true}.
// Usage: node --import tsx test/support/import-runner.ts <spec.json>
import { readFileSync } from 'node:fs';
import { createEwsWriter } from '../../src/core/connectors/ews/writer/index.js';
import { importJobSchema, runImport } from '../../src/core/import/index.js';
import { nullLogger } from '../../src/core/log/logger.js';
import { MemorySecretStore } from '../../src/core/secrets/memory-secret-store.js';
import { ewsProfileSchema, secretKey } from '../../src/shared/profile.js';

interface Spec {
  ewsUrl: string;
  caFile: string;
  stateDir: string;
  job: unknown;
}

async function main(): Promise<void> {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Spec;
  const profile = ewsProfileSchema.parse({
    id: 'sim',
    name: 'sim',
    kind: 'ews',
    url: spec.ewsUrl,
    username: 'svc-calpump@contoso.com',
    auth: 'basic',
    tls: { caFile: spec.caFile },
  });
  const secrets = new MemorySecretStore();
  await secrets.set(secretKey(profile.id, 'password'), 'Passw0rd!');
  const writer = createEwsWriter(profile, { secrets, logger: nullLogger });
  const report = await runImport(
    importJobSchema.parse(spec.job),
    {},
    {
      writer,
      secrets,
      logger: nullLogger,
      stateDir: spec.stateDir,
      onProgress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`),
    },
  );
  await writer.close();
  process.stdout.write(`${JSON.stringify({ done: true, totals: report.totals })}\n`, () => process.exit(0));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 3;
});
