// `calpump profiles list|show|add|edit|remove|test`.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import type { BrokenProfile } from '../../../core/store/profile-store.js';
import { secretKey, type Profile, type SecretName } from '../../../shared/profile.js';
import type { CliContext } from '../context.js';
import { renderTable } from '../render/table.js';
import { addGraphProfileFlags, applyGraphProfileFlags, graphSecretsFromFlags } from './profile-flags-graph.js';
import {
  addProfileFlags,
  applyProfileFlags,
  assertSecretsFit,
  flagForField,
  readSecretFlags,
  refuseSecretArguments,
  secretsShownFor,
  type FlagValues,
} from './profile-flags.js';
import { runProfileTest } from './profile-test.js';
import { asText } from '../../../shared/as-text.js';
import { renderTextParam } from '../../../shared/i18n/engine-texts.js';

export function register(program: Command, ctx: CliContext): void {
  const profiles = program.command('profiles').description('manage connection profiles (Exchange EWS, Microsoft 365 Graph)');

  profiles
    .command('list')
    .description('list profiles')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => list(ctx, !!opts.json));

  profiles
    .command('show <profile>')
    .description('show one profile; secrets only as "stored" / "not set"')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { json?: boolean }) => show(ctx, name, !!opts.json));

  withAllProfileFlags(
    profiles
      .command('add')
      .description('add a profile')
      .addOption(new Option('--kind <kind>', 'backend').choices(['ews', 'graph']).default('ews'))
      .option('--json', 'print the stored profile as JSON'),
  ).action(async (opts: FlagValues & { kind: 'ews' | 'graph'; json?: boolean }) => add(ctx, opts));

  withAllProfileFlags(
    profiles
      .command('edit <profile>')
      .description('change a profile (also repairs an entry the file check reported); an empty value clears an optional field')
      .option('--reset-secrets', 'if the secret store cannot be decrypted (key lost), move it aside and start a new one')
      .option('--json', 'print the stored profile as JSON'),
  ).action(async (name: string, opts: FlagValues & { json?: boolean; resetSecrets?: boolean }) => edit(ctx, name, opts));

  profiles
    .command('remove <profile>')
    .description('remove a profile and its stored secrets')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { json?: boolean }) => {
      const removed = await ctx.profiles.remove(name);
      if (opts.json) ctx.json({ ok: true, removed });
      else ctx.out(ctx.t(removed.secretsKept ? 'removedKeptSecrets' : 'removed', { name: removed.name ?? name }));
    });

  profiles
    .command('test <profile>')
    .description('connect and check each step (TLS, sign-in, mailbox access, calendar), with the fix for a failed step')
    .addOption(new Option('--mailbox <smtp>', 'mailbox to test').default(undefined, "the profile's test mailbox"))
    .option('--write', 'also create, read back and delete a tagged test item in the mailbox, naming a missing write right')
    .option('--json', 'machine-readable output')
    .action(async (name: string, opts: { mailbox?: string; write?: boolean; json?: boolean }) => runProfileTest(ctx, name, opts));
}

const withAllProfileFlags = (cmd: Command) => addGraphProfileFlags(addProfileFlags(cmd));

/** The app certificate from --certificate-file (checked now, so a broken PEM is never stored). */
async function certificateSecrets(ctx: CliContext, opts: FlagValues, profileName: string): Promise<Partial<Record<SecretName, string>>> {
  const secrets = await graphSecretsFromFlags(opts, (p) => resolve(ctx.io.cwd, p), profileName);
  if (secrets.certificate) ctx.logger.registerSecret(secrets.certificate);
  return secrets;
}

function printWarnings(ctx: CliContext, warnings: string[]): void {
  for (const w of warnings) ctx.err(`! ${w}`);
}

async function list(ctx: CliContext, json: boolean): Promise<void> {
  const { profiles, broken } = await ctx.profiles.inventory();
  if (json) ctx.json({ profiles, broken });
  else if (profiles.length === 0 && broken.length === 0) ctx.out(ctx.t('noProfiles'));
  else if (profiles.length > 0) {
    ctx.out(
      renderTable(profiles, [
        { header: 'NAME', value: (p) => p.name },
        { header: 'KIND', value: (p) => p.kind },
        { header: 'SERVER', value: serverOf },
        { header: 'ACCOUNT', value: (p) => (p.kind === 'ews' ? p.username : p.clientId) },
        { header: 'ACCESS', value: (p) => (p.kind === 'ews' ? p.access : p.flow) },
      ]),
    );
  }
  if (broken.length > 0) {
    reportBroken(ctx, broken);
    ctx.exitCode = 1;
  }
}

function reportBroken(ctx: CliContext, broken: BrokenProfile[]): void {
  const file = ctx.profiles.file.path;
  for (const b of broken) {
    ctx.err(`✗ ${ctx.t('brokenProfile', { field: b.field, problem: renderTextParam(b.problem, ctx.lang) })}`);
    ctx.err(`  ${ctx.t('brokenHint', { file, name: b.ref.includes(' ') || b.ref.includes('[') ? `"${b.ref}"` : b.ref })}`);
  }
}

function serverOf(p: Profile): string {
  if (p.kind === 'graph') return `tenant ${p.tenantId}`;
  return p.url ?? `autodiscover ${p.autodiscoverEmail}`;
}

async function show(ctx: CliContext, name: string, json: boolean): Promise<void> {
  const profile = await ctx.profiles.get(name);
  const secrets = await secretStatus(ctx, profile);
  if (json) {
    ctx.json({ profile, secrets });
    return;
  }
  const rows: Array<[string, string]> = [];
  const flat = (prefix: string, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) flat(prefix ? `${prefix}.${k}` : k, x);
    else if (v !== undefined) rows.push([prefix, asText(v)]);
  };
  flat('', profile);
  for (const [k, v] of Object.entries(secrets)) rows.push([`secret ${k}`, v]);
  ctx.out(
    renderTable(rows, [
      { header: 'FIELD', value: (r) => r[0] },
      { header: 'VALUE', value: (r) => r[1] },
    ]),
  );
}

/** "stored" / "not set" per secret — never the value. An unreadable store is reported, not fatal, here. */
async function secretStatus(ctx: CliContext, profile: Profile): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let keys: string[] | undefined;
  try {
    keys = await ctx.secrets.keys();
  } catch (e) {
    if (!(e instanceof CalpumpError) || e.id !== 'secrets.unreadable') throw e;
  }
  for (const name of secretsShownFor(profile)) {
    out[name] = !keys ? ctx.t('unreadable') : keys.includes(secretKey(profile.id, name)) ? ctx.t('stored') : ctx.t('notSet');
  }
  return out;
}

async function add(ctx: CliContext, opts: FlagValues & { kind: 'ews' | 'graph'; json?: boolean }): Promise<void> {
  refuseSecretArguments(opts, ctx);
  const raw = applyProfileFlags({ kind: opts.kind }, opts, ctx.io.cwd);
  const warnings = applyGraphProfileFlags(raw, opts);
  const secrets = {
    ...(await readSecretFlags(opts, undefined, ctx)),
    ...(await certificateSecrets(ctx, opts, asText(raw.name ?? opts.kind))),
  };
  assertSecretsFit(secrets, opts.kind, !!raw.legacyOnline || raw.auth === 'oauth');
  await assertSecretStoreUsable(ctx, secrets);
  const profile = await ctx.profiles.add(raw).catch(nameFlags);
  await storeSecrets(ctx, profile, secrets);
  ctx.logger.info('profile.added', { profile: profile.name, id: profile.id, secrets: Object.keys(secrets) });
  printWarnings(ctx, warnings);
  if (opts.json) ctx.json({ profile, secrets: await secretStatus(ctx, profile) });
  else ctx.out(ctx.t('added', { name: profile.name, id: profile.id }));
}

async function edit(ctx: CliContext, name: string, opts: FlagValues & { json?: boolean; resetSecrets?: boolean }): Promise<void> {
  refuseSecretArguments(opts, ctx);
  if (opts.resetSecrets) {
    const backup = await ctx.secrets.resetUnreadable();
    if (backup) ctx.err(ctx.t('secretsReset', { backup }));
  }
  // Secrets are read before anything is written, so a missing password leaves the profile unchanged.
  const secrets = { ...(await readSecretFlags(opts, undefined, ctx)), ...(await certificateSecrets(ctx, opts, name)) };
  await assertSecretStoreUsable(ctx, secrets);
  let warnings: string[] = [];
  let newId: { from: string; to: string } | undefined;
  const profile = await ctx.profiles
    .update(
      name,
      (current) => {
        const next = applyProfileFlags(current, opts, ctx.io.cwd);
        warnings = applyGraphProfileFlags(next, opts);
        assertSecretsFit(secrets, current.kind as 'ews' | 'graph', !!next.legacyOnline || next.auth === 'oauth');
        return next;
      },
      { onNewId: (from, to) => (newId = { from, to }) },
    )
    .catch(nameFlags);
  await storeSecrets(ctx, profile, secrets);
  ctx.logger.info('profile.updated', { profile: profile.name, secrets: Object.keys(secrets) });
  printWarnings(ctx, warnings);
  if (newId) ctx.err(`! ${ctx.t('newId', { ...newId, name: profile.name })}`);
  if (opts.json) ctx.json({ profile, secrets: await secretStatus(ctx, profile) });
  else ctx.out(ctx.t('updated', { name: profile.name }));
}

/** A schema complaint about `url` is reported against the flag `--url` the user typed. */
function nameFlags(e: unknown): never {
  if (e instanceof CalpumpError && e.id === 'input.invalid' && e.params.field) {
    throw new CalpumpError('input.invalid', {
      params: { ...e.params, field: flagForField(asText(e.params.field)) },
      evidence: e.evidence,
      cause: e,
    });
  }
  throw e;
}

/** Fails before the profile is written when its secrets could not be stored (wrong key), not halfway. */
async function assertSecretStoreUsable(ctx: CliContext, secrets: Partial<Record<SecretName, string>>): Promise<void> {
  if (Object.keys(secrets).length > 0) await ctx.secrets.keys();
}

async function storeSecrets(ctx: CliContext, profile: Profile, secrets: Partial<Record<SecretName, string>>): Promise<void> {
  for (const [name, value] of Object.entries(secrets) as Array<[SecretName, string]>) {
    await ctx.secrets.set(secretKey(profile.id, name), value);
  }
}
