// THE RPC contract: one object maps every method name to its input and output schema. The dispatcher
// (src/core/rpc), the preload client and the browser WebSocket client are all derived from it.
// Secrets are write-only: inputs may carry them, outputs only say whether one is stored.
import { z } from 'zod';
import { textRefSchema } from '../errors.js';
import { folderKindSchema, folderSchema, mailboxPageSchema, previewEventSchema } from '../model.js';
import { normalisedItemSchema } from '../item-model.js';
import { testStepViewSchema } from './test-steps.js';
export { testStepViewSchema };
import { logLevelSchema, profileSchema } from '../profile.js';
import { brokenJobSchema, jobDraftSchema, jobSchema, jobViewSchema, runRecordSchema } from './jobs.js';
import { appStateSchema, logLineSchema } from './events.js';
import { assistantMethods } from './assistant.js';
import { hostFileMethods } from './host-files.js';
import { ruleStoreMethods } from './rule-stores.js';
import { writeDirectionMethods } from './write-direction.js';
import { problemKey } from '../i18n/problem-key.js';

const empty = z.object({}).strict().default({});
const id = z.string().min(1);
/** Optional operation id on long calls; `app.cancel({ opId })` aborts the call. The client fills it in. */
const opId = z.string().min(1).max(100).optional();

/** Secrets a form may send. Empty string = leave unchanged; null = delete. */
const secretValue = z.string().max(100_000).nullable().optional();
export const secretsInputSchema = z
  .object({ password: secretValue, clientSecret: secretValue, certificate: secretValue, proxyPassword: secretValue })
  .strict()
  .default({});
export type SecretsInput = z.input<typeof secretsInputSchema>;

/** A job's secrets, write-only like profile secrets: the webhook signing secret, the PostgreSQL password. */
export const jobSecretsInputSchema = z.object({ webhookSecret: secretValue, postgresPassword: secretValue }).strict().default({});

const secretState = z.enum(['stored', 'missing']);
export const profileViewSchema = z.object({
  profile: profileSchema,
  secrets: z.object({
    password: secretState,
    clientSecret: secretState,
    certificate: secretState,
    proxyPassword: secretState,
    tokenCache: secretState,
  }),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const testResultSchema = z.object({
  ok: z.boolean(),
  steps: z.array(testStepViewSchema),
  /** What the connection used (resolved EWS URL, proxy…), from Connector.describe(); a text reference renders in place. */
  details: z.record(z.string(), z.union([z.string(), textRefSchema])).default({}),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const languageSchema = z.enum(['en', 'de', 'nl']);
export const settingsSchema = z.object({
  startAtLogin: z.boolean().default(false),
  language: languageSchema.default('en'),
  logLevel: logLevelSchema.default('info'),
});
export type Settings = z.infer<typeof settingsSchema>;

type Draft<P> = P extends unknown ? Omit<P, 'id'> & { id?: string } : never;
/**
 * A profile as a form sends it: like profileSchema but the id may be left out (the store assigns one on
 * create). zod cannot omit a key from a refined object, so a missing id is filled with a placeholder first.
 */
export const profileDraftSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('id' in v) ? { ...v, id: 'new' } : v),
  profileSchema,
) as unknown as z.ZodType<z.output<typeof profileSchema>, Draft<z.input<typeof profileSchema>>>;

const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const rpcContract = {
  // --- profiles -------------------------------------------------------------------------------------
  'profiles.list': m(empty, z.object({ profiles: z.array(profileViewSchema) })),
  'profiles.get': m(z.object({ id }), profileViewSchema),
  /** The store assigns the id (any id sent is ignored); a duplicate name is rejected. */
  'profiles.create': m(z.object({ profile: profileDraftSchema, secrets: secretsInputSchema }), profileViewSchema),
  'profiles.update': m(z.object({ profile: profileSchema, secrets: secretsInputSchema }), profileViewSchema),
  /**
   * Refused (profiles.inUse, naming the jobs) while jobs use the profile, unless `reassignTo` names the profile
   * those jobs move to first.
   */
  'profiles.remove': m(
    z.object({ id, reassignTo: id.optional() }),
    z.object({ removed: z.boolean(), reassigned: z.array(z.string()).default([]) }),
  ),
  /** What refers to a profile: jobs (by id and name) and saved two-way rules whose sides name it. */
  'profiles.usage': m(
    z.object({ id }),
    z.object({ jobs: z.array(z.object({ id: z.string(), name: z.string() })), twowayRules: z.array(z.string()) }),
  ),
  /** Tests a stored profile (id) or an unsaved draft (profile + secrets) against one mailbox. */
  'profiles.test': m(
    z
      .object({
        id: id.optional(),
        draft: z.object({ profile: profileDraftSchema, secrets: secretsInputSchema }).optional(),
        mailbox: z.string().min(1).optional(),
        opId,
      })
      .refine((v) => (v.id ? !v.draft : !!v.draft), problemKey('problem.rpc.idOrDraft')),
    testResultSchema,
  ),
  /**
   * The write check of a stored profile: the connection steps, then a tagged test item created, read back and deleted
   * in the mailbox (streamed as test.step events). `leftBehind` counts the check's test items still in the mailbox
   * afterwards (absent when it could not be read).
   */
  'profiles.testWrite': m(
    z.object({ id, mailbox: z.string().min(1).optional(), opId }),
    testResultSchema.extend({ leftBehind: z.number().int().nonnegative().optional() }),
  ),
  // --- auth (Graph) ---------------------------------------------------------------------------------
  'auth.status': m(
    z.object({ profileId: id }),
    z.object({ signedIn: z.boolean(), account: z.string().optional(), expiresAt: z.string().optional() }),
  ),
  'auth.login': m(z.object({ profileId: id, opId }), z.object({ signedIn: z.boolean(), account: z.string().optional() })),
  'auth.logout': m(z.object({ profileId: id }), z.object({ signedIn: z.literal(false) })),
  // --- browsing -------------------------------------------------------------------------------------
  'mailboxes.list': m(
    z.object({ profileId: id, search: z.string().max(256).optional(), cursor: z.string().optional(), opId }),
    mailboxPageSchema,
  ),
  'folders.tree': m(
    z.object({ profileId: id, mailbox: z.string().min(1), kinds: z.array(folderKindSchema).optional(), opId }),
    z.object({ folders: z.array(folderSchema) }),
  ),
  /** Upcoming events of one folder (from now, `days` ahead), at most `limit`. */
  'items.preview': m(
    z.object({
      profileId: id,
      mailbox: z.string().min(1),
      folderId: z.string().min(1),
      days: z.number().int().min(1).max(366).default(14),
      limit: z.number().int().min(1).max(500).default(50),
      opId,
    }),
    z.object({ events: z.array(previewEventSchema), truncated: z.boolean() }),
  ),
  /** The first contacts or tasks of a folder ('contacts', 'tasks' or a folder id), at most `limit`, as an export reads them. */
  'items.read': m(
    z.object({
      profileId: id,
      mailbox: z.string().min(1),
      folderId: z.string().min(1),
      content: z.enum(['contacts', 'tasks']),
      limit: z.number().int().min(1).max(500).default(100),
      opId,
    }),
    z.object({ items: z.array(normalisedItemSchema), truncated: z.boolean() }),
  ),
  // --- jobs -----------------------------------------------------------------------------------------
  'jobs.list': m(empty, z.object({ jobs: z.array(jobViewSchema), broken: z.array(brokenJobSchema).optional() })),
  'jobs.get': m(z.object({ id }), jobViewSchema),
  /** The store assigns the id, like profiles. `job.profile` is the profile's id (or name). */
  'jobs.create': m(z.object({ job: jobDraftSchema, secrets: jobSecretsInputSchema }), jobViewSchema),
  'jobs.update': m(z.object({ job: jobSchema, secrets: jobSecretsInputSchema }), jobViewSchema),
  'jobs.remove': m(z.object({ id }), z.object({ removed: z.boolean() })),
  /** Starts a run and returns at once; follow it with job.progress / job.status events. */
  'jobs.runNow': m(z.object({ id }), z.object({ runId: z.string() })),
  'jobs.cancel': m(z.object({ id }), z.object({ cancelled: z.boolean() })),
  'jobs.history': m(
    z.object({ id: id.optional(), limit: z.number().int().min(1).max(1000).default(50) }),
    z.object({ runs: z.array(runRecordSchema) }),
  ),
  'jobs.pauseAll': m(empty, appStateSchema),
  'jobs.resumeAll': m(empty, appStateSchema),
  // --- diagnostics ----------------------------------------------------------------------------------
  'doctor.run': m(z.object({ profileId: id, mailbox: z.string().min(1).optional(), opId }), testResultSchema),
  'setup.script': m(
    z.object({ profileId: id, scopeGroup: z.string().min(1).optional() }),
    z.object({ fileName: z.string(), script: z.string() }),
  ),
  'logs.tail': m(
    z.object({ lines: z.number().int().min(1).max(5000).default(200), level: logLevelSchema.optional() }).default({ lines: 200 }),
    z.object({ lines: z.array(logLineSchema) }),
  ),
  /** The redacted log as a file to save (the UI offers it as a download). */
  'logs.export': m(empty, z.object({ fileName: z.string(), content: z.string() })),
  // --- app ------------------------------------------------------------------------------------------
  'app.getSettings': m(empty, settingsSchema),
  'app.setSettings': m(settingsSchema.partial(), settingsSchema),
  'app.version': m(
    empty,
    z.object({
      version: z.string(),
      /** What this host can do, so the UI hides settings that have no effect (start at login in a browser). */
      features: z.object({ startAtLogin: z.boolean(), notifications: z.boolean(), openExternal: z.boolean() }),
    }),
  ),
  'app.state': m(empty, appStateSchema),
  'app.cancel': m(z.object({ opId: z.string().min(1) }), z.object({ cancelled: z.boolean() })),
  // --- write direction: import, presence, free/busy, two-way (src/shared/rpc/write-direction.ts) -----
  ...writeDirectionMethods,
  // --- saved presence rule tables and two-way rules (src/shared/rpc/rule-stores.ts) -----------------
  ...ruleStoreMethods,
  // --- first-run assistant and pickers (src/shared/rpc/assistant.ts), host files (host-files.ts) ----
  ...assistantMethods,
  ...hostFileMethods,
} as const;

export type RpcContract = typeof rpcContract;
export type RpcMethod = keyof RpcContract;
export type RpcInput<M extends RpcMethod> = z.input<RpcContract[M]['input']>;
/** Input after parsing (defaults applied): what handlers receive. */
export type RpcParsedInput<M extends RpcMethod> = z.output<RpcContract[M]['input']>;
export type RpcOutput<M extends RpcMethod> = z.output<RpcContract[M]['output']>;
export const rpcMethods = Object.keys(rpcContract) as RpcMethod[];

export function isRpcMethod(name: unknown): name is RpcMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(rpcContract, name);
}

/** Methods whose input accepts an `opId` (and so can be cancelled). */
export function acceptsOpId(method: RpcMethod): boolean {
  return method !== 'app.cancel' && 'opId' in shapeOf(rpcContract[method].input);
}

function shapeOf(schema: unknown): Record<string, unknown> {
  // Walk through wrappers (default, pipe/refine) to the object shape.
  let s = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 5 && s && !s.shape; i++) s = (s.def?.innerType ?? s.def?.in) as typeof s;
  return s?.shape ?? {};
}
