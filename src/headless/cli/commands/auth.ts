// `calpump auth login|logout|status --profile P`: sign-in for Microsoft 365 profiles (Graph, and legacy EWS on
// Microsoft 365). login runs the profile's flow: browser + loopback (prints the address when no browser can be
// opened), device code, legacy password (with a warning), or a client-credentials check.
import type { Command } from 'commander';
import type { AuthStatus, TokenProvider } from '../../../core/auth/token-provider.js';
import { EWS_ONLINE_RETIREMENT, profileTokenTarget } from '../../../core/auth/token-target.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { renderError } from '../../../shared/i18n/catalogue.js';
import type { HttpClient } from '../../../core/net/index.js';
import type { Lang } from '../../../core/doctor/catalogue.js';
import type { Profile } from '../../../shared/profile.js';
import type { CliContext } from '../context.js';
import { cliText, type CliMessageKey } from '../messages.js';
import { openSystemBrowser } from './auth-browser.js';
import { positiveInt } from './parse.js';

type AuthKey = CliMessageKey extends infer K ? (K extends `auth.${infer Name}` ? Name : never) : never;

/** The sign-in command's own words: `auth.*` in src/shared/locales/<lang>/cli.json. */
const text = (lang: Lang, key: AuthKey, params: Record<string, string> = {}) => cliText(lang, `auth.${key}`, params);

async function providerFor(ctx: CliContext, profileName: string): Promise<{ profile: Profile; tokens: TokenProvider; client: HttpClient }> {
  const profile = await ctx.profiles.get(profileName);
  const target = profileTokenTarget(profile);
  if (!target) {
    throw new CalpumpError('input.invalid', {
      params: {
        field: '--profile',
        problem: `profile ${profile.name} signs in with a password (EWS); \`auth\` is for Microsoft 365 profiles`,
      },
    });
  }
  await ctx.registerProfileSecrets(profile);
  // Loaded when used: MSAL and the net layer are most of the CLI's code, and `--help` needs neither.
  const [{ profileHttpClient }, { createTokenProvider }, { httpSendFromClient }] = await Promise.all([
    import('../../../core/connectors/profile-http-client.js'),
    import('../../../core/auth/token-provider.js'),
    import('../../../core/auth/net-http-send.js'),
  ]);
  const client = await profileHttpClient(profile, { secrets: ctx.secrets, env: ctx.io.env });
  const logger = ctx.loggerFor(profile);
  const tokens = createTokenProvider(target, { secrets: ctx.secrets, logger, http: httpSendFromClient(client) });
  return { profile, tokens, client };
}

function warnings(ctx: CliContext, profile: Profile): void {
  const ids: Array<'auth.ewsOnline.retiring' | 'auth.password.legacy'> = [];
  if (profile.kind === 'ews') ids.push('auth.ewsOnline.retiring');
  if (profile.kind === 'graph' && profile.flow === 'password') ids.push('auth.password.legacy');
  for (const id of ids) {
    const info = renderError({ id, params: { profile: profile.name, date: EWS_ONLINE_RETIREMENT } }, ctx.lang);
    ctx.err(`! ${info.title}: ${info.message} ${info.fix}`);
  }
}

function renderStatus(ctx: CliContext, s: AuthStatus): string {
  const lines = [`profile:   ${s.profile}`, `flow:      ${s.flow}`, `tenant:    ${s.tenantId}`, `client id: ${s.clientId}`];
  if (s.flow === 'clientCredentials')
    lines.push(`status:    ${s.signedIn ? `${text(ctx.lang, 'credential')} (${s.credential})` : text(ctx.lang, 'noCredential')}`);
  else lines.push(`status:    ${s.signedIn ? `${text(ctx.lang, 'signedIn')}: ${s.account}` : text(ctx.lang, 'notSignedIn')}`);
  if (s.accessTokenExpiresOn) lines.push(`token until: ${s.accessTokenExpiresOn}`);
  if (s.certificateNotAfter) lines.push(`certificate until: ${s.certificateNotAfter}`);
  return lines.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  const auth = program.command('auth').description('sign in to Microsoft 365 for a profile, sign out, show the sign-in state');

  auth
    .command('login')
    .description("sign in with the profile's flow (browser, device code, legacy password) or check its app credential")
    .requiredOption('--profile <profile>', 'profile name or id')
    .option('--no-browser', 'do not try to open a browser; print the address instead')
    .option('--timeout <seconds>', 'how long to wait for the browser or device-code sign-in', positiveInt('--timeout'), 300)
    .option('--json', 'machine-readable output')
    .action(async (opts: { profile: string; browser: boolean; timeout: number; json?: boolean }) => {
      const { profile, tokens, client } = await providerFor(ctx, opts.profile);
      const say = (line: string) => (opts.json ? ctx.err(line) : ctx.out(line));
      warnings(ctx, profile);
      try {
        const status = await tokens.login({
          lang: ctx.lang,
          timeoutMs: opts.timeout * 1000,
          openBrowser: opts.browser ? (url) => openSystemBrowser(url, ctx.io.platform, ctx.io.env) : undefined,
          showUrl: (url, opened) => say(`${text(ctx.lang, opened ? 'opened' : 'openUrl')}\n${url}`),
          showDeviceCode: (info) => say(info.message),
        });
        if (opts.json) ctx.json(status);
        else ctx.out(renderStatus(ctx, status));
      } finally {
        client.close();
      }
    });

  auth
    .command('logout')
    .description("delete the profile's cached sign-in (tokens); stored app credentials stay")
    .requiredOption('--profile <profile>', 'profile name or id')
    .option('--json', 'machine-readable output')
    .action(async (opts: { profile: string; json?: boolean }) => {
      const { profile, tokens, client } = await providerFor(ctx, opts.profile);
      try {
        await tokens.logout();
      } finally {
        client.close();
      }
      if (opts.json) ctx.json({ profile: profile.name, signedOut: true });
      else ctx.out(text(ctx.lang, 'signedOut', { profile: profile.name }));
    });

  auth
    .command('status')
    .description('show whether the profile is signed in (never shows a token)')
    .requiredOption('--profile <profile>', 'profile name or id')
    .option('--json', 'machine-readable output')
    .action(async (opts: { profile: string; json?: boolean }) => {
      const { profile, tokens, client } = await providerFor(ctx, opts.profile);
      try {
        const s = await tokens.status();
        warnings(ctx, profile);
        if (opts.json) ctx.json(s);
        else ctx.out(renderStatus(ctx, s));
      } finally {
        client.close();
      }
    });
}
