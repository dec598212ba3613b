// The doctor and the setup assistant in the shapes the RPC layer's optional services expect
// (src/core/rpc/services.ts: `doctor`, `setupScript`), so the UI's Doctor and Setup views use the same code as the CLI.
import type { TestStep } from '../../shared/model.js';
import type { Profile } from '../../shared/profile.js';
import type { Connector } from '../connectors/connector.js';
import type { Lang } from './catalogue.js';
import { runDoctor, type DoctorDeps } from './run-doctor.js';
import type { Job } from '../../shared/job.js';
import { buildSetupPlan, jobContentsOf, renderSetupPlan } from './setup/index.js';

export type DoctorServiceDeps = Omit<DoctorDeps, 'connector' | 'createConnector'>;

/** `jobs`: the saved jobs, so the permission check covers what a profile's contacts and tasks jobs need. */
export function doctorService(deps: DoctorServiceDeps, jobs: () => Promise<Job[]> = async () => []) {
  return async (
    profile: Profile,
    connector: Connector,
    mailbox: string | undefined,
    signal: AbortSignal,
    onStep?: (step: TestStep) => void,
  ): Promise<{ steps: TestStep[]; details: Record<string, string> }> => {
    const contents = jobContentsOf(await jobs(), profile);
    const report = await runDoctor(profile, { ...deps, connector }, { mailbox, signal, onStep, contents });
    // Facts the steps established (proxy, certificate, server version…) for the view's summary.
    const details: Record<string, string> = {};
    for (const s of report.steps) for (const [k, v] of Object.entries(s.data ?? {})) details[k] ??= v;
    return { steps: report.steps, details };
  };
}

/** `jobs`: the saved jobs, so a profile's contacts and tasks jobs get their permissions into the script. */
export function setupScriptService(lang: () => Lang = () => 'en', jobs: () => Promise<Job[]> = async () => []) {
  return async (profile: Profile, opts: { scopeGroup?: string }): Promise<{ fileName: string; script: string }> => {
    const plan = buildSetupPlan(profile, { scopeGroup: opts.scopeGroup, contents: jobContentsOf(await jobs(), profile) });
    const safeName = profile.name.replace(/[^A-Za-z0-9._-]+/g, '-');
    return { fileName: `calpump-setup-${safeName}.ps1`, script: renderSetupPlan(plan, lang()) };
  };
}
