// Log view and log level setting of the UI hosts' engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreServices, type BuiltCoreServices } from '../../../src/core/rpc/core-services.js';
import { createDispatcher } from '../../../src/core/rpc/dispatcher.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { callOk } from './typed-rpc.js';

let dir: string;
const built: BuiltCoreServices[] = [];
afterEach(async () => {
  for (const b of built.splice(0)) b.stop();
  await rm(dir, { recursive: true, force: true });
});

async function engine() {
  const b = await createCoreServices({
    configDir: dir,
    secrets: new MemorySecretStore(),
    version: '1',
    features: { startAtLogin: false, notifications: false, openExternal: false },
    schedule: false,
    env: {},
  });
  built.push(b);
  return { b, d: createDispatcher(b.services, { events: b.events }) };
}

describe('core services: logs', () => {
  it('the log level setting applies at once to the live view, and secrets are redacted in it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-core-'));
    const { b, d } = await engine();
    const seen: string[] = [];
    b.events.subscribe((name, p) => name === 'log.line' && seen.push((p as { event: string }).event));
    b.logger.debug('before.debug');
    b.logger.info('before.info', { password: 'hunter2-secret' });
    await callOk(d, 'app.setSettings', { logLevel: 'debug' });
    b.logger.debug('after.debug');
    const events = (await callOk(d, 'logs.tail', { lines: 50 })).lines.map((l: { event: string }) => l.event);
    expect(events).toContain('before.info');
    expect(events).not.toContain('before.debug');
    expect(events).toContain('after.debug');
    expect(seen).toContain('after.debug');
    expect(JSON.stringify(await callOk(d, 'logs.tail', {}))).not.toContain('hunter2-secret');
    const exported = await callOk(d, 'logs.export');
    expect(exported.fileName).toMatch(/\.jsonl$/);
    expect(exported.content).toContain('after.debug');
    expect(exported.content).not.toContain('hunter2-secret');
  });

  it('after a restart the log view still shows the earlier lines', async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-core-'));
    const first = await engine();
    first.b.logger.warn('from.first.start');
    first.b.stop();
    const second = await engine();
    const events = (await callOk(second.d, 'logs.tail', { lines: 10 })).lines.map((l: { event: string }) => l.event);
    expect(events).toContain('from.first.start');
  });
});
