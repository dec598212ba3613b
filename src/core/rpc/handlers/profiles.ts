// profiles.*: the store keeps the profile, the SecretStore keeps its secrets, and no secret ever goes back out.
import type { Connector } from '../../connectors/connector.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { SECRET_NAMES, secretKey, type Profile } from '../../../shared/profile.js';
import type { TestStep } from '../../../shared/model.js';
import type { ProfileView, SecretsInput, TestResult } from '../../../shared/rpc.js';
import { notAvailable } from '../connector-pool.js';
import type { CallContext, HandlerTable } from '../handler-types.js';
import type { CoreServices, ProfileRepository } from '../services.js';
import { omit } from '../../../shared/omit.js';

function repo(services: CoreServices): ProfileRepository {
  if (!services.profiles) throw notAvailable('feature.profiles');
  return services.profiles;
}

export async function viewOf(profile: Profile, secrets: SecretStore): Promise<ProfileView> {
  const keys = new Set(await secrets.keys());
  const state = (name: (typeof SECRET_NAMES)[number]) => (keys.has(secretKey(profile.id, name)) ? 'stored' : 'missing');
  return {
    profile,
    secrets: {
      password: state('password'),
      clientSecret: state('clientSecret'),
      certificate: state('certificate'),
      proxyPassword: state('proxyPassword'),
      tokenCache: state('tokenCache'),
    },
  };
}

/** Writes the secrets a form sent: a string stores it, null deletes it, empty or absent leaves it alone. */
async function applySecrets(profileId: string, input: SecretsInput | undefined, secrets: SecretStore): Promise<void> {
  for (const [name, value] of Object.entries(input ?? {})) {
    const key = secretKey(profileId, name as (typeof SECRET_NAMES)[number]);
    if (value === null) await secrets.delete(key);
    else if (typeof value === 'string' && value !== '') await secrets.set(key, value);
  }
}

function withoutId(profile: Profile): Record<string, unknown> {
  return omit(profile, 'id');
}

/** Secrets of a draft in memory, falling back to what is stored for the profile it edits. */
function overlaySecrets(profileId: string, input: SecretsInput | undefined, stored: SecretStore): SecretStore {
  const mem = new Map<string, string>();
  const deleted = new Set<string>();
  for (const [name, value] of Object.entries(input ?? {})) {
    const key = secretKey(profileId, name as (typeof SECRET_NAMES)[number]);
    if (value === null) deleted.add(key);
    else if (typeof value === 'string' && value !== '') mem.set(key, value);
  }
  return {
    async get(key) {
      if (mem.has(key)) return mem.get(key);
      if (deleted.has(key)) return undefined;
      return stored.get(key);
    },
    async set(key, value) {
      mem.set(key, value);
    },
    async delete(key) {
      mem.delete(key);
      deleted.add(key);
    },
    async keys() {
      const all = new Set([...(await stored.keys()).filter((k) => !deleted.has(k)), ...mem.keys()]);
      return [...all];
    },
  };
}

export function defaultMailbox(profile: Profile, given?: string): string {
  const mailbox = given ?? profile.testMailbox ?? (profile.kind === 'ews' && profile.username.includes('@') ? profile.username : undefined);
  if (!mailbox) {
    throw new CalpumpError('input.invalid', {
      params: { field: 'mailbox', problem: text('problem.profile.noTestMailbox') },
    });
  }
  return mailbox;
}

/** The steps with the profile's name and the mailbox added to a failure's params (its text may name them). */
export function stepViews(steps: TestStep[], params: Record<string, string>): TestResult['steps'] {
  return steps.map((s) => (s.error ? { ...s, error: { ...s.error, params: { ...params, ...s.error.params } } } : s));
}

/** Announces each finished step of a call as a `test.step` event (when the call has an operation id to tag it with). */
export function stepStream(
  ctx: CallContext,
  opId: string | undefined,
  params: Record<string, string>,
): ((step: TestStep) => void) | undefined {
  if (!opId) return undefined;
  let index = 0;
  return (step) => ctx.events.emit('test.step', { opId, index: index++, step: stepViews([step], params)[0] });
}

export async function runConnectorTest(
  connector: Connector,
  profile: Profile,
  mailbox: string,
  onStep?: (step: TestStep) => void,
): Promise<TestResult> {
  const steps = await connector.test(mailbox, { onStep });
  const details = await connector.describe().catch(() => ({}));
  return { ok: steps.every((s) => s.status !== 'fail'), steps: stepViews(steps, { mailbox, profile: profile.name }), details };
}

async function testProfile(input: Parameters<HandlerTable['profiles.test']>[0], ctx: CallContext): Promise<TestResult> {
  const { services } = ctx;
  if (!services.connectorFor) throw notAvailable('feature.connect');
  if (input.id) {
    const { profile, connector } = await ctx.connectors.get(input.id);
    const mailbox = defaultMailbox(profile, input.mailbox);
    return runConnectorTest(connector, profile, mailbox, stepStream(ctx, input.opId, { mailbox, profile: profile.name }));
  }
  const draft = input.draft!;
  const profile = draft.profile;
  const connector = await services.connectorFor(profile, overlaySecrets(profile.id, draft.secrets, services.secrets));
  try {
    const mailbox = defaultMailbox(profile, input.mailbox);
    return await runConnectorTest(connector, profile, mailbox, stepStream(ctx, input.opId, { mailbox, profile: profile.name }));
  } finally {
    await connector.close().catch(() => undefined);
  }
}

/** A job or rule names its profile by id or by name (the CLI writes names). */
const refersTo = (ref: string | undefined, p: Profile) => !!ref && (ref === p.id || ref.toLowerCase() === p.name.toLowerCase());

async function usageOf(
  services: CoreServices,
  profile: Profile,
): Promise<{ jobs: Array<{ id: string; name: string }>; twowayRules: string[] }> {
  const jobs = services.jobs ? await services.jobs.list() : [];
  const rules = services.twowayRules ? await services.twowayRules.list() : [];
  return {
    jobs: jobs.filter((v) => refersTo(v.job.profile, profile)).map((v) => ({ id: v.job.id, name: v.job.name })),
    twowayRules: rules.filter((r) => refersTo(r.a.profile, profile) || refersTo(r.b.profile, profile)).map((r) => r.id),
  };
}

/** Moves jobs to another profile (which must exist) before their profile goes; answers the moved jobs' names. */
async function reassignJobs(ctx: CallContext, jobs: Array<{ id: string; name: string }>, from: Profile, to: string): Promise<string[]> {
  const target = await repo(ctx.services).get(to);
  if (target.id === from.id) {
    throw new CalpumpError('input.invalid', { params: { field: 'reassignTo', problem: text('problem.profile.reassignSame') } });
  }
  const svc = ctx.services.jobs!;
  for (const j of jobs) {
    const view = await svc.get(j.id);
    await svc.update({ ...view.job, profile: target.id }, {});
    ctx.events.emit('data.changed', { group: 'jobs', id: j.id });
  }
  return jobs.map((j) => j.name);
}

export const profileHandlers: Pick<
  HandlerTable,
  'profiles.list' | 'profiles.get' | 'profiles.create' | 'profiles.update' | 'profiles.remove' | 'profiles.usage' | 'profiles.test'
> = {
  async 'profiles.list'(_input, { services }) {
    const profiles = await repo(services).list();
    return { profiles: await Promise.all(profiles.map((p) => viewOf(p, services.secrets))) };
  },
  async 'profiles.get'({ id }, { services }) {
    return viewOf(await repo(services).get(id), services.secrets);
  },
  async 'profiles.create'({ profile, secrets }, { services, events }) {
    const store = repo(services);
    const added = await store.add(withoutId(profile));
    try {
      await applySecrets(added.id, secrets, services.secrets);
    } catch (e) {
      // Without its secrets the profile would be half made: take it back out.
      await store.remove(added.id).catch(() => undefined);
      throw e;
    }
    events.emit('data.changed', { group: 'profiles', id: added.id });
    return viewOf(added, services.secrets);
  },
  async 'profiles.update'({ profile, secrets }, ctx) {
    const { services, events } = ctx;
    const updated = await repo(services).update(profile.id, () => withoutId(profile));
    await applySecrets(updated.id, secrets, services.secrets);
    await ctx.connectors.invalidate(updated.id);
    events.emit('data.changed', { group: 'profiles', id: updated.id });
    return viewOf(updated, services.secrets);
  },
  async 'profiles.remove'({ id, reassignTo }, ctx) {
    const { services } = ctx;
    const profile = await repo(services).get(id);
    const usage = await usageOf(services, profile);
    let reassigned: string[] = [];
    if (usage.jobs.length && !reassignTo) {
      throw new CalpumpError('profiles.inUse', {
        params: { profile: profile.name, jobs: usage.jobs.map((j) => `"${j.name}"`).join(', ') },
      });
    }
    if (usage.jobs.length && reassignTo) reassigned = await reassignJobs(ctx, usage.jobs, profile, reassignTo);
    const removed = await repo(services).remove(profile.id);
    await ctx.connectors.invalidate(removed.id ?? profile.id);
    ctx.events.emit('data.changed', { group: 'profiles', id: removed.id ?? profile.id });
    return { removed: true, reassigned };
  },
  async 'profiles.usage'({ id }, { services }) {
    return usageOf(services, await repo(services).get(id));
  },
  'profiles.test': testProfile,
};
