// The flags of `profiles add` / `profiles edit`, one per profile field, and how they change a stored profile.
// Secrets have only `--…-stdin` and `--…-env VAR` forms; a secret given as an argument value is refused,
// because it would be left in shell history and in every process listing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import { logLevelSchema, type SecretName } from '../../../shared/profile.js';
import type { CliContext } from '../context.js';
import { refusedOption } from './vocabulary.js';

type Kind = 'ews' | 'graph';

/**
 * Flag → profile field for plain values; an empty value ('') removes an optional field. `ewsField`: where the
 * flag goes on an EWS profile when it differs (the sign-in flags fill `oauth.*` for OAuth on-premises).
 */
const FIELD_FLAGS: Array<{
  flags: string;
  key: string;
  field: string;
  kinds: Kind[];
  help: string;
  choices?: readonly string[];
  /** Shown as "(default: …)" when the default is a rule rather than a value. */
  defaultText?: string;
  ewsField?: string;
}> = [
  { flags: '--name <name>', key: 'name', field: 'name', kinds: ['ews', 'graph'], help: 'profile name (edit: renames it)' },
  { flags: '--url <url>', key: 'url', field: 'url', kinds: ['ews'], help: 'EWS URL, e.g. https://mail.contoso.com/EWS/Exchange.asmx' },
  {
    flags: '--autodiscover-email <email>',
    key: 'autodiscoverEmail',
    field: 'autodiscoverEmail',
    kinds: ['ews'],
    help: 'find the EWS URL by autodiscover for this address',
  },
  {
    flags: '--auth <scheme>',
    key: 'auth',
    field: 'auth',
    kinds: ['ews'],
    help: 'authentication (oauth: hybrid modern auth or AD FS, with --tenant-id and --client-id; kerberos: see --kerberos-credential)',
    choices: ['basic', 'ntlm', 'oauth', 'kerberos'],
  },
  {
    flags: '--oauth-resource <url>',
    key: 'oauthResource',
    field: 'oauth.resource',
    kinds: ['ews'],
    help: 'EWS with --auth oauth: the on-premises URL the token is for',
    defaultText: 'the origin of --url',
  },
  {
    flags: '--username <account>',
    key: 'username',
    field: 'username',
    kinds: ['ews', 'graph'],
    help: 'service account: UPN (svc@contoso.com) or DOMAIN\\user',
  },
  {
    flags: '--mail-domain <domain>',
    key: 'mailDomain',
    field: 'mailDomain',
    kinds: ['ews'],
    help: 'appended to mailbox names given without @',
  },
  {
    flags: '--access <mode>',
    key: 'access',
    field: 'access',
    kinds: ['ews'],
    help: 'how the service account reaches mailboxes',
    choices: ['impersonation', 'delegate'],
  },
  {
    flags: '--exchange-version <version>',
    key: 'exchangeVersion',
    field: 'exchangeVersion',
    kinds: ['ews'],
    help: 'EWS schema version',
    choices: ['Exchange2010_SP2', 'Exchange2013', 'Exchange2013_SP1', 'Exchange2016'],
  },
  { flags: '--time-zone <zone>', key: 'timeZone', field: 'timeZone', kinds: ['ews'], help: 'time zone for requests (IANA or Windows id)' },
  {
    flags: '--test-mailbox <smtp>',
    key: 'testMailbox',
    field: 'testMailbox',
    kinds: ['ews', 'graph'],
    help: 'mailbox `profiles test` and `doctor` use when no --mailbox is given',
  },
  {
    flags: '--profile-log-level <level>',
    key: 'profileLogLevel',
    field: 'logLevel',
    kinds: ['ews', 'graph'],
    help: "this profile's log level (the global --log-level overrides it for one run)",
    choices: logLevelSchema.options,
  },
  {
    flags: '--tenant-id <tenant>',
    key: 'tenantId',
    field: 'tenantId',
    kinds: ['graph', 'ews'],
    ewsField: 'oauth.tenantId',
    help: 'Entra ID tenant GUID or domain',
  },
  {
    flags: '--client-id <guid>',
    key: 'clientId',
    field: 'clientId',
    kinds: ['graph', 'ews'],
    ewsField: 'oauth.clientId',
    help: 'application (client) ID of the app registration',
  },
  {
    flags: '--flow <flow>',
    key: 'flow',
    field: 'flow',
    kinds: ['graph', 'ews'],
    ewsField: 'oauth.flow',
    help: 'sign-in flow',
    choices: ['interactive', 'clientCredentials', 'deviceCode', 'password'],
  },
  {
    flags: '--credential <type>',
    key: 'credential',
    field: 'credential',
    kinds: ['graph', 'ews'],
    ewsField: 'oauth.credential',
    help: 'client credential kind',
    choices: ['secret', 'certificate'],
  },
  {
    flags: '--redirect-uri <uri>',
    key: 'redirectUri',
    field: 'redirectUri',
    kinds: ['graph', 'ews'],
    ewsField: 'oauth.redirectUri',
    help: 'loopback redirect URI (interactive flow)',
  },
  {
    flags: '--authority-host <url>',
    key: 'authorityHost',
    field: 'authorityHost',
    kinds: ['graph', 'ews'],
    ewsField: 'oauth.authorityHost',
    help: 'sign-in host (sovereign clouds)',
  },
  { flags: '--graph-host <url>', key: 'graphHost', field: 'graphHost', kinds: ['graph'], help: 'Graph host (sovereign clouds)' },
];

/** The profile's `limits` (docs/limits-and-timeouts.md): whole numbers in a range; '' goes back to the default. */
const LIMIT_FLAGS = [
  {
    flag: '--max-response-mb',
    key: 'maxResponseMb',
    field: 'maxResponseMB',
    unit: 'MiB',
    min: 1,
    max: 512,
    help: 'largest answer accepted from the server, counted after decompression',
    defaultText: 'EWS 64, Graph 128',
  },
  {
    flag: '--idle-timeout',
    key: 'idleTimeout',
    field: 'idleTimeoutSeconds',
    unit: 'seconds',
    min: 1,
    max: 3600,
    help: 'longest silence from the server (no byte) before a request fails',
    defaultText: '60',
  },
  {
    flag: '--request-timeout',
    key: 'requestTimeout',
    field: 'timeoutSeconds',
    unit: 'seconds',
    min: 1,
    max: 3600,
    help: 'longest time one request may take, from connecting to its last byte',
    defaultText: '100',
  },
] as const;

/** Secrets in the order their `-stdin` flags consume stdin lines. */
const SECRET_FLAGS: Array<{ name: SecretName; flag: string; key: string; label: string; kinds: Kind[] }> = [
  { name: 'password', flag: 'password', key: 'password', label: 'Password', kinds: ['ews', 'graph'] },
  { name: 'clientSecret', flag: 'client-secret', key: 'clientSecret', label: 'Client secret', kinds: ['graph'] },
  { name: 'proxyPassword', flag: 'proxy-password', key: 'proxyPassword', label: 'Proxy password', kinds: ['ews', 'graph'] },
];

export type FlagValues = Record<string, string | boolean | undefined>;

export function addProfileFlags(cmd: Command): Command {
  for (const f of FIELD_FLAGS) {
    const opt = new Option(f.flags, f.help);
    if (f.choices) opt.choices(f.choices);
    if (f.defaultText) opt.default(undefined, f.defaultText);
    cmd.addOption(opt);
  }
  cmd
    .option(
      '--proxy <proxy>',
      'system (HTTPS_PROXY/NO_PROXY, else the Windows setting with PAC/WPAD), none, or a proxy URL http://proxy:8080',
    )
    .option('--proxy-pac <url>', "this profile's own PAC file (http://, https:// or file://), whatever the system says")
    .option('--proxy-user <user>', 'account for a proxy that asks for a sign-in (Basic, NTLM, Negotiate); empty: none')
    .addOption(
      new Option('--kerberos-credential <from>', 'Kerberos ticket from the account password, a keytab, or the logged-on user').choices([
        'password',
        'keytab',
        'logon',
      ]),
    )
    .option('--keytab-file <file>', 'keytab for the account (with --kerberos-credential keytab; the path is kept, not the file)')
    .option('--spn <spn>', 'service principal name of the EWS host, when it is not HTTP/ and the host of the URL')
    .option('--realm <realm>', 'Kerberos realm (the AD domain in capitals), when it is not the UPN suffix')
    .option('--ca-file <pem>', 'trust this CA (PEM) for the server certificate; verification stays on')
    .option('--pin-sha256 <fingerprint>', 'trust exactly this server certificate (SHA-256, AA:BB:…)');
  for (const l of LIMIT_FLAGS) cmd.addOption(new Option(`${l.flag} <${l.unit}>`, l.help).default(undefined, l.defaultText));
  for (const s of SECRET_FLAGS) {
    cmd.option(
      `--${s.flag}-stdin`,
      `read the ${s.label.toLowerCase()} from stdin (one line; order: password, client secret, proxy password)`,
    );
    cmd.option(`--${s.flag}-env <VAR>`, `read the ${s.label.toLowerCase()} from environment variable VAR`);
    // Accepted only to refuse it with a useful message instead of "unknown option".
    cmd.addOption(refusedOption(`--${s.flag} <value>`));
  }
  return cmd;
}

/** Applies the given flags to a stored profile object (add: an empty one with kind set). */
export function applyProfileFlags(raw: Record<string, unknown>, opts: FlagValues, cwd: string): Record<string, unknown> {
  const kind = raw.kind as Kind;
  const bad = (field: string, problem: string) => new CalpumpError('input.invalid', { params: { field, problem } });
  for (const f of FIELD_FLAGS) {
    const v = opts[f.key];
    if (v === undefined) continue;
    if (!f.kinds.includes(kind))
      throw bad(`--${f.flags.split(' ')[0].slice(2)}`, `applies to ${f.kinds.join('/')} profiles, this one is ${kind}`);
    setPath(raw, kind === 'ews' ? (f.ewsField ?? f.field) : f.field, v === '' ? undefined : v);
  }
  applyProxy(raw, opts, bad);
  applyTls(raw, opts, cwd, bad);
  applyKerberos(raw, opts, cwd, bad);
  applyLimits(raw, opts, bad);
  return raw;
}

/** --max-response-mb, --idle-timeout, --request-timeout: the profile's `limits` ('' removes one). */
function applyLimits(raw: Record<string, unknown>, opts: FlagValues, bad: (f: string, p: string) => CalpumpError): void {
  const given = LIMIT_FLAGS.filter((l) => typeof opts[l.key] === 'string');
  if (!given.length) return;
  const limits = { ...((raw.limits ?? {}) as Record<string, unknown>) };
  for (const l of given) {
    const text = (opts[l.key] as string).trim();
    if (text === '') {
      delete limits[l.field];
      continue;
    }
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < l.min || n > l.max) throw bad(l.flag, `give a whole number of ${l.unit} from ${l.min} to ${l.max}`);
    limits[l.field] = n;
  }
  if (Object.keys(limits).length) raw.limits = limits;
  else delete raw.limits;
}

/** Sets (or with undefined removes) `a` or `a.b` on a stored profile object. */
function setPath(raw: Record<string, unknown>, path: string, value: unknown): void {
  const [head, sub] = path.split('.');
  if (!sub) {
    if (value === undefined) delete raw[head];
    else raw[head] = value;
    return;
  }
  const inner = { ...((raw[head] ?? {}) as Record<string, unknown>) };
  if (value === undefined) delete inner[sub];
  else inner[sub] = value;
  raw[head] = inner;
}

/** --kerberos-credential, --keytab-file, --spn, --realm: the `kerberos` block of an EWS profile ('' removes one). */
function applyKerberos(raw: Record<string, unknown>, opts: FlagValues, cwd: string, bad: (f: string, p: string) => CalpumpError): void {
  const flags = { kerberosCredential: '--kerberos-credential', keytabFile: '--keytab-file', spn: '--spn', realm: '--realm' } as const;
  const given = (Object.keys(flags) as Array<keyof typeof flags>).filter((k) => typeof opts[k] === 'string');
  if (!given.length) return;
  if (raw.kind !== 'ews') throw bad(flags[given[0]], 'applies to EWS profiles');
  const k = { ...((raw.kerberos ?? {}) as Record<string, unknown>) };
  if (typeof opts.kerberosCredential === 'string') k.credential = opts.kerberosCredential;
  if (typeof opts.keytabFile === 'string') {
    if (opts.keytabFile === '') delete k.keytab;
    else {
      const path = resolve(cwd, opts.keytabFile);
      if (!existsSync(path)) throw bad('--keytab-file', `${path} does not exist`);
      k.keytab = path;
      k.credential ??= 'keytab';
    }
  }
  for (const key of ['spn', 'realm'] as const) {
    if (typeof opts[key] !== 'string') continue;
    if (opts[key] === '') delete k[key];
    else k[key] = opts[key].trim();
  }
  raw.kerberos = k;
}

function applyProxy(raw: Record<string, unknown>, opts: FlagValues, bad: (f: string, p: string) => CalpumpError): void {
  const current = (raw.proxy ?? { mode: 'system' }) as { mode: string; username?: string };
  // A new mode keeps the proxy account (a sign-in is asked for by whichever proxy the mode picks).
  const keep = current.mode !== 'none' && current.username ? { username: current.username } : {};
  if (typeof opts.proxy === 'string' && typeof opts.proxyPac === 'string') {
    throw bad('--proxy-pac', 'give either --proxy or --proxy-pac, not both');
  }
  if (typeof opts.proxy === 'string') {
    const p = opts.proxy.trim();
    if (p === 'none') raw.proxy = { mode: p };
    else if (p === 'system') raw.proxy = { mode: p, ...keep };
    else if (/^https?:\/\//i.test(p)) raw.proxy = { mode: 'url', url: p, ...keep };
    else throw bad('--proxy', 'use "system", "none" or a URL such as http://proxy.contoso.com:8080');
  }
  if (typeof opts.proxyPac === 'string') {
    const pac = opts.proxyPac.trim();
    if (!/^(https?|file):\/\//i.test(pac)) throw bad('--proxy-pac', 'give the PAC file as http://, https:// or file:// address');
    raw.proxy = { mode: 'pac', pacUrl: pac, ...keep };
  }
  if (typeof opts.proxyUser === 'string') {
    const proxy = (raw.proxy ?? { mode: 'system' }) as { mode: string; username?: string };
    if (proxy.mode === 'none') throw bad('--proxy-user', 'the profile uses no proxy (--proxy none)');
    if (opts.proxyUser === '') delete proxy.username;
    else proxy.username = opts.proxyUser;
    raw.proxy = proxy;
  }
}

function applyTls(raw: Record<string, unknown>, opts: FlagValues, cwd: string, bad: (f: string, p: string) => CalpumpError): void {
  // A CA file and a pin are alternatives (the schema refuses both), so setting one replaces the other.
  if (typeof opts.caFile === 'string') {
    if (opts.caFile === '') raw.tls = withoutKey(raw.tls, 'caFile');
    else {
      const path = resolve(cwd, opts.caFile);
      if (!existsSync(path)) throw bad('--ca-file', `${path} does not exist`);
      raw.tls = { caFile: path };
    }
  }
  if (typeof opts.pinSha256 === 'string') {
    if (opts.pinSha256 === '') raw.tls = withoutKey(raw.tls, 'pinnedSha256');
    else raw.tls = { pinnedSha256: opts.pinSha256.trim().toUpperCase() };
  }
}

function withoutKey(tls: unknown, key: string): Record<string, unknown> {
  const out = { ...((tls ?? {}) as Record<string, unknown>) };
  delete out[key];
  return out;
}

/** Names a profile field the way the user typed it: `url` → `--url`, `tls.caFile` → `--ca-file`. */
export function flagForField(field: string): string {
  const top = field.split(/[.[]/)[0];
  const plain = FIELD_FLAGS.find((f) => f.field === field || f.ewsField === field) ?? FIELD_FLAGS.find((f) => f.field === top);
  if (plain) return `${plain.flags.split(' ')[0]} (${field})`;
  if (field === 'proxy.pacUrl') return `--proxy-pac (${field})`;
  if (field.startsWith('proxy')) return `--proxy / --proxy-user (${field})`;
  if (field === 'tls.caFile') return `--ca-file (${field})`;
  if (field.startsWith('tls')) return `--ca-file / --pin-sha256 (${field})`;
  const kerberos: Record<string, string> = { keytab: '--keytab-file', spn: '--spn', realm: '--realm', credential: '--kerberos-credential' };
  const limit = LIMIT_FLAGS.find((l) => field === `limits.${l.field}`);
  if (limit) return `${limit.flag} (${field})`;
  if (top === 'kerberos') return `${kerberos[field.split('.')[1] ?? 'credential'] ?? '--kerberos-credential'} (${field})`;
  return field;
}

/** Refuses secrets given as argument values, before anything else happens. */
export function refuseSecretArguments(opts: FlagValues, ctx: CliContext): void {
  for (const s of SECRET_FLAGS) {
    const v = opts[s.key];
    if (v === undefined) continue;
    if (typeof v === 'string') ctx.logger.registerSecret(v);
    throw new CalpumpError('input.invalid', {
      params: {
        field: `--${s.flag}`,
        problem: `a ${s.label.toLowerCase()} is never taken as an argument (it would stay in shell history and process lists); use --${s.flag}-stdin (e.g. echo '…' | calpump …) or --${s.flag}-env VAR`,
      },
    });
  }
}

/** Reads the secrets asked for by -stdin / -env flags, in the documented order. */
export async function readSecretFlags(
  opts: FlagValues,
  kind: Kind | undefined,
  ctx: CliContext,
): Promise<Partial<Record<SecretName, string>>> {
  const out: Partial<Record<SecretName, string>> = {};
  for (const s of SECRET_FLAGS) {
    const fromStdin = opts[`${s.key}Stdin`] === true;
    const envVar = opts[`${s.key}Env`];
    if (!fromStdin && envVar === undefined) continue;
    if (fromStdin && envVar !== undefined)
      throw new CalpumpError('input.invalid', {
        params: { field: `--${s.flag}-stdin`, problem: `give --${s.flag}-stdin or --${s.flag}-env, not both` },
      });
    let value: string;
    if (fromStdin) {
      value = await ctx.stdinSecrets.next(s.label);
      if (!value)
        throw new CalpumpError('input.invalid', {
          params: { field: `--${s.flag}-stdin`, problem: `no ${s.label.toLowerCase()} arrived on stdin (pipe it: echo '…' | calpump …)` },
        });
    } else {
      value = ctx.io.env[String(envVar)] ?? '';
      if (!value)
        throw new CalpumpError('input.invalid', {
          params: { field: `--${s.flag}-env`, problem: `environment variable ${String(envVar)} is not set or empty` },
        });
    }
    ctx.logger.registerSecret(value);
    out[s.name] = value;
  }
  if (kind) assertSecretsFit(out, kind);
  return out;
}

/** App credentials an EWS profile uses for legacy EWS on Microsoft 365 (legacyOnline) or OAuth on-premises. */
const LEGACY_ONLINE_SECRETS: ReadonlySet<SecretName> = new Set(['clientSecret', 'certificate']);
const LEGACY_ONLINE_HINT = ' (an EWS profile has one only with --auth oauth, or with --legacy-online-tenant and --legacy-online-client-id)';

/** A secret flag that the profile's kind has no use for is a mistake worth reporting. */
export function assertSecretsFit(secrets: Partial<Record<SecretName, string>>, kind: Kind, legacyOnline = false): void {
  const fits = (name: SecretName, kinds: Kind[]) =>
    kinds.includes(kind) || (kind === 'ews' && legacyOnline && LEGACY_ONLINE_SECRETS.has(name));
  const hint = (name: SecretName) => (kind === 'ews' && LEGACY_ONLINE_SECRETS.has(name) ? LEGACY_ONLINE_HINT : '');
  for (const s of SECRET_FLAGS) {
    if (secrets[s.name] !== undefined && !fits(s.name, s.kinds)) {
      throw new CalpumpError('input.invalid', {
        params: { field: `--${s.flag}-stdin/-env`, problem: `a ${kind} profile has no ${s.label.toLowerCase()}${hint(s.name)}` },
      });
    }
  }
  if (secrets.certificate !== undefined && !fits('certificate', ['graph'])) {
    throw new CalpumpError('input.invalid', {
      params: { field: '--certificate-file', problem: `a ${kind} profile has no app certificate${hint('certificate')}` },
    });
  }
}

/** Which secrets `profiles show` reports for a profile. */
export function secretsShownFor(profile: {
  kind: Kind;
  proxy?: { mode: string; username?: string };
  flow?: string;
  legacyOnline?: unknown;
  auth?: string;
}): SecretName[] {
  const names: SecretName[] = [];
  if (profile.kind === 'ews' || profile.flow === 'password') names.push('password');
  if (profile.kind === 'graph' || profile.legacyOnline || profile.auth === 'oauth') names.push('clientSecret', 'certificate');
  if (profile.proxy?.mode === 'url' || profile.proxy?.username) names.push('proxyPassword');
  return names;
}
