// import.*, presence.*, freebusy.blocks, twoway.*: thin over the issue-7 services (src/core/{import,presence,
// freebusy,twoway}/rpc-service.ts). The contract only checks the outer shape; the services' own schemas check
// the job/rule/table documents, and a failure there leaves as input.invalid naming the field.
import { z } from 'zod';
import { CalpumpError } from '../../errors/calpump-error.js';
import { createFreeBusyService } from '../../freebusy/rpc-service.js';
import { createImportService } from '../../import/rpc-service.js';
import { createPresenceService } from '../../presence/rpc-service.js';
import { describeIssue } from '../../store/zod-issues.js';
import { createTwoWayService } from '../../twoway/rpc-service.js';
import type { TwoWayRuleInput } from '../../twoway/twoway-rule.js';
import type { Profile } from '../../../shared/profile.js';
import type { RpcMethod, RpcOutput } from '../../../shared/rpc.js';
import { notAvailable } from '../connector-pool.js';
import type { CallContext, HandlerTable } from '../handler-types.js';
import type { CoreServices } from '../services.js';
import { omit } from '../../../shared/omit.js';

/** Runs a service call, turning a schema failure of the document into input.invalid (not a stack trace). */
async function checked<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof z.ZodError) throw new CalpumpError('input.invalid', { params: describeIssue(e) });
    throw e;
  }
}

/** The services' report interfaces have no index signature; the dispatcher checks the answer against the contract. */
const out = <M extends RpcMethod>(v: unknown) => v as RpcOutput<M>;

function writerFor(services: CoreServices): (profile: Profile) => Promise<import('../../connectors/writer.js').CalendarWriter> {
  if (!services.writerFor) throw notAvailable('feature.write');
  return services.writerFor;
}

function stateDir(services: CoreServices): string {
  if (!services.stateDir) throw notAvailable('feature.writeState');
  return services.stateDir;
}

function profileFor(services: CoreServices) {
  return (profileId: string): Promise<Profile> => {
    if (!services.profiles) throw notAvailable('feature.profiles');
    return services.profiles.get(profileId);
  };
}

function importService(ctx: CallContext) {
  const { services } = ctx;
  return createImportService({
    profileFor: profileFor(services),
    writerFor: writerFor(services),
    secrets: services.secrets,
    logger: services.logger,
    stateDir: stateDir(services),
  });
}

function presenceService(ctx: CallContext) {
  const store = ctx.services.presenceRules;
  return createPresenceService({
    connectorFor: async (id) => (await ctx.connectors.get(id)).connector,
    logger: ctx.services.logger,
    ...(store ? { savedTable: async (name: string) => (await store.get(name)).table } : {}),
  });
}

export const writeDirectionHandlers: Pick<
  HandlerTable,
  | 'import.plan'
  | 'import.run'
  | 'presence.status'
  | 'presence.defaultRules'
  | 'presence.validateRules'
  | 'freebusy.blocks'
  | 'twoway.run'
  | 'twoway.conflicts'
> = {
  async 'import.plan'({ profileId, job }, ctx) {
    const service = importService(ctx);
    return out<'import.plan'>(await checked(() => service.plan({ profileId, job: job as never }, ctx.signal)));
  },
  async 'import.run'({ profileId, job, opId }, ctx) {
    const service = importService(ctx);
    const onProgress = (p: { mailbox: string; action: string; items: number; failed: number }) =>
      ctx.events.emit('import.progress', { opId, ...p });
    return out<'import.run'>(await checked(() => service.run({ profileId, job: job as never }, ctx.signal, onProgress)));
  },
  async 'presence.status'(input, ctx) {
    return checked(() => presenceService(ctx).status(omit(input, 'opId')));
  },
  'presence.defaultRules'(_input, ctx) {
    return { table: presenceService(ctx).defaultRules() };
  },
  'presence.validateRules'({ table }, ctx) {
    const result = presenceService(ctx).validateRules(table);
    return result.ok ? { ok: true as const, table: result.table as unknown as Record<string, unknown> } : result;
  },
  async 'freebusy.blocks'(withOpId, ctx) {
    const input = omit(withOpId, 'opId');
    const service = createFreeBusyService({
      connectorFor: async (id) => {
        const { profile, connector } = await ctx.connectors.get(id);
        return { connector, profileName: profile.name };
      },
      logger: ctx.services.logger,
    });
    return out<'freebusy.blocks'>(await checked(() => service.blocks(input)));
  },
  async 'twoway.run'({ profileId, rule, dryRun }, ctx) {
    const { services } = ctx;
    const makeWriter = writerFor(services);
    const service = createTwoWayService({
      // The connector is the pool's (kept for later calls); only the writer made for this run is closed.
      sideFor: async (sideProfile) => {
        const { profile, connector } = await ctx.connectors.get(sideProfile ?? profileId);
        const writer = await makeWriter(profile);
        return { connector, writer, close: () => writer.close().catch(() => undefined) };
      },
      stateDir: stateDir(services),
      logger: services.logger,
    });
    return out<'twoway.run'>(await checked(() => service.run(rule as TwoWayRuleInput, { dryRun })));
  },
  async 'twoway.conflicts'({ ruleId, limit }, ctx) {
    const service = createTwoWayService({
      sideFor: () => Promise.reject(notAvailable('feature.twowaySides')),
      stateDir: stateDir(ctx.services),
      logger: ctx.services.logger,
    });
    return out<'twoway.conflicts'>({ conflicts: await service.conflicts(ruleId, limit) });
  },
};
