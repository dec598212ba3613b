// `serve --demo`: a simulated Exchange in-process, and a ready profile + job pointing at it, so the UI has
// something to show without a real server.
import { join } from 'node:path';
import { DEMO_ACCOUNT, DEMO_MAILBOXES } from '../cli/demo-commands.js';
import type { Dispatcher } from '../../core/rpc/dispatcher.js';
import type { RpcResult } from '../../shared/rpc.js';
import { CalpumpError } from '../../core/errors/calpump-error.js';

export const DEMO_PROFILE_NAME = 'Demo Exchange';
export const DEMO_JOB_NAME = 'Demo calendars';

/** The demo's mail domain: autodiscover for it goes to the simulator. */
export const DEMO_DOMAIN = 'contoso.com';

export interface DemoSimulator {
  /** Base URL (https://127.0.0.1:PORT). */
  url: string;
  ewsUrl: string;
  caFile?: string;
  stop(): Promise<void>;
}

export async function startDemoSimulator(): Promise<DemoSimulator> {
  const { startSimulator } = await import('../../sim/index.js');
  return startSimulator({ port: 0 });
}

/** Creates (or reuses) the demo profile and job through the same RPC calls the UI makes. */
export async function createDemoData(
  dispatcher: Dispatcher,
  sim: DemoSimulator,
  outDir: string,
): Promise<{ profileId: string; jobId: string; outDir: string }> {
  const profiles = must<{ profiles: Array<{ profile: { id: string; name: string } }> }>(await dispatcher.call('profiles.list', {}));
  const existing = profiles.profiles.find((p) => p.profile.name === DEMO_PROFILE_NAME)?.profile;
  const profile = {
    kind: 'ews',
    name: DEMO_PROFILE_NAME,
    url: sim.ewsUrl,
    auth: 'basic',
    username: DEMO_ACCOUNT.username,
    access: 'impersonation',
    testMailbox: DEMO_MAILBOXES[0],
    tls: sim.caFile ? { caFile: sim.caFile } : {},
    proxy: { mode: 'none' },
  };
  const secrets = { password: DEMO_ACCOUNT.password };
  const saved = existing
    ? must<{ profile: { id: string } }>(await dispatcher.call('profiles.update', { profile: { ...profile, id: existing.id }, secrets }))
    : must<{ profile: { id: string } }>(await dispatcher.call('profiles.create', { profile, secrets }));
  const jobs = must<{ jobs: Array<{ job: { id: string; name: string } }> }>(await dispatcher.call('jobs.list', {}));
  let jobId = jobs.jobs.find((j) => j.job.name === DEMO_JOB_NAME)?.job.id;
  if (!jobId) {
    const job = {
      name: DEMO_JOB_NAME,
      profile: saved.profile.id,
      mailboxes: { mode: 'list', list: [...DEMO_MAILBOXES] },
      window: { daysBack: 7, daysAhead: 30 },
      format: 'ics',
      target: { kind: 'folder', path: join(outDir) },
      schedule: { kind: 'interval', minutes: 30 },
    };
    jobId = must<{ job: { id: string } }>(await dispatcher.call('jobs.create', { job })).job.id;
  }
  return { profileId: saved.profile.id, jobId, outDir };
}

function must<T>(r: RpcResult): T {
  if (!r.ok)
    throw new CalpumpError('internal.unexpected', {
      params: { text: `demo setup: ${r.error.id}` },
      ...(r.error.evidence ? { evidence: r.error.evidence } : {}),
    });
  return r.output as T;
}
