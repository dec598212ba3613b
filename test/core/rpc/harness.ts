// A dispatcher over a real ProfileStore (temp dir), an in-memory SecretStore and a scripted connector.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { createDispatcher, type DispatcherOptions } from '../../../src/core/rpc/dispatcher.js';
import type { CoreServices } from '../../../src/core/rpc/services.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import type { SecretStore } from '../../../src/core/secrets/secret-store.js';
import { ProfileStore } from '../../../src/core/store/profile-store.js';
import type { Profile } from '../../../src/shared/profile.js';
import type { NormalisedEvent, TestStep } from '../../../src/shared/model.js';
import type { Settings } from '../../../src/shared/rpc.js';

export interface ScriptedConnector extends Connector {
  /** Secrets the factory was given, to check drafts are tested with their own password. */
  seenPassword?: string;
}

export function scriptedConnector(opts: { steps?: TestStep[]; events?: NormalisedEvent[]; hang?: boolean } = {}): ScriptedConnector {
  return {
    kind: 'ews',
    async test() {
      return opts.steps ?? [{ id: 'connect', title: { key: 'Connect' }, status: 'pass', durationMs: 1 }];
    },
    async listMailboxes(search) {
      const all = [
        { id: 'a', displayName: 'Anna Schmidt', smtp: 'anna.schmidt@contoso.com', kind: 'user' as const },
        { id: 'r', displayName: 'Room Amsterdam', smtp: 'room.amsterdam@contoso.com', kind: 'room' as const },
      ];
      return { items: all.filter((m) => !search || m.displayName.toLowerCase().includes(search.toLowerCase())) };
    },
    async folderTree() {
      return [
        { id: 'cal', name: 'Kalender', path: 'Kalender', kind: 'calendar', totalCount: 3, childCount: 0, distinguishedId: 'calendar' },
      ];
    },
    async *calendarView(_m, _f, _from, _to, o) {
      if (opts.hang) {
        // An already-aborted signal never fires 'abort' again: check first, or a cancel that lands before
        // the pump reaches this call would hang the run for ever.
        await new Promise((_, reject) => {
          if (o?.signal?.aborted) reject(new Error('aborted'));
          else o?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        });
      }
      for (const e of opts.events ?? []) yield e;
    },
    async describe() {
      return { ewsUrl: 'https://127.0.0.1/EWS/Exchange.asmx' };
    },
    async close() {},
  };
}

export async function makeHarness(over: Partial<CoreServices> & { connector?: ScriptedConnector } = {}, opts: DispatcherOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-rpc-'));
  const secrets = new MemorySecretStore();
  let settings: Settings = { startAtLogin: false, language: 'en', logLevel: 'info' };
  const connector = over.connector ?? scriptedConnector();
  const factoryCalls: Array<{ profile: Profile; secrets: SecretStore }> = [];
  const services: CoreServices = {
    version: '9.9.9',
    features: { startAtLogin: false, notifications: false, openExternal: false },
    logger: nullLogger,
    secrets,
    settings: {
      async get() {
        return settings;
      },
      async set(patch) {
        settings = { ...settings, ...patch };
        return settings;
      },
    },
    profiles: new ProfileStore({ dir, secrets }),
    async connectorFor(profile, s) {
      factoryCalls.push({ profile, secrets: s });
      return connector;
    },
    ...over,
  };
  const dispatcher = createDispatcher(services, opts);
  return {
    dir,
    secrets,
    services,
    dispatcher,
    factoryCalls,
    call: (method: unknown, input?: unknown) => dispatcher.call(method, input),
    async cleanup() {
      await dispatcher.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const ewsDraft = {
  kind: 'ews',
  name: 'Contoso',
  url: 'https://127.0.0.1:8443/EWS/Exchange.asmx',
  username: 'svc-calpump@contoso.com',
  auth: 'basic',
} as const;
