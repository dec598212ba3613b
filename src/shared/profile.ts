// Profile contract (DESIGN.md "Profiles"). Pure zod: no Node, Electron or DOM imports.
// Secrets are never part of a Profile: they live in the SecretStore under secretKey(profileId, name).
import { z } from 'zod';
import { hasUrlCredentials } from './url-checks.js';
import { problemKey } from './i18n/problem-key.js';

export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export const logLevelSchema = z.enum(['error', 'warn', 'info', 'debug', 'all']);
export type LogLevel = z.infer<typeof logLevelSchema>;

/** Proxy account; its password is the SecretStore's 'proxyPassword'. Without one the desktop app signs in to an
 * NTLM/Negotiate proxy as the logged-on Windows user. */
const proxyUsername = z.string().min(1).optional();

export const proxySchema = z.discriminatedUnion('mode', [
  /** HTTPS_PROXY/NO_PROXY, else the Windows setting (Internet Options or WinHTTP, PAC, WPAD). */
  z.object({ mode: z.literal('system'), username: proxyUsername }),
  z.object({ mode: z.literal('none') }),
  z.object({
    mode: z.literal('url'),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), problemKey('problem.profile.proxyScheme'))
      .refine((u) => !hasUrlCredentials(u), problemKey('problem.profile.proxyCredentials')),
    username: proxyUsername,
  }),
  /** A PAC file of this profile's own (http://, https:// or file://), whatever the system says. */
  z.object({
    mode: z.literal('pac'),
    pacUrl: z
      .string()
      .url()
      .refine((u) => /^(https?|file):\/\//i.test(u), problemKey('problem.profile.pacScheme'))
      .refine((u) => !hasUrlCredentials(u), problemKey('problem.profile.pacCredentials')),
    username: proxyUsername,
  }),
]);
export type ProxySetting = z.infer<typeof proxySchema>;

export const tlsSchema = z
  .object({
    caFile: z.string().min(1).optional(),
    pinnedSha256: z
      .string()
      .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, problemKey('problem.profile.fingerprint'))
      .optional(),
  })
  .strict()
  .refine((t) => !(t.caFile && t.pinnedSha256), problemKey('problem.profile.caOrPin'));
export type TlsSetting = z.infer<typeof tlsSchema>;

/**
 * Bounds on what a server may send (docs/limits-and-timeouts.md). Unset values take the protocol's defaults
 * (src/core/net/read-limits.ts); an administrator raises them for a server that legitimately answers more or later.
 */
export const netLimitsSchema = z
  .object({
    /** Largest answer accepted, in MiB after decompression. */
    maxResponseMB: z.number().int().min(1).max(512).optional(),
    /** Longest silence (no byte) tolerated while waiting for or reading an answer, in seconds. */
    idleTimeoutSeconds: z.number().int().min(1).max(3600).optional(),
    /** Longest one request may take from connecting to its last byte, in seconds. */
    timeoutSeconds: z.number().int().min(1).max(3600).optional(),
  })
  .strict();
export type NetLimitSetting = z.infer<typeof netLimitsSchema>;

const commonFields = {
  id: z.string().min(1),
  name: z.string().regex(PROFILE_NAME_PATTERN, problemKey('problem.name.nameChars')),
  proxy: proxySchema.default({ mode: 'system' }),
  tls: tlsSchema.default({}),
  testMailbox: z.string().min(1).optional(),
  logLevel: logLevelSchema.default('info'),
  limits: netLimitsSchema.optional(),
};

/** UPN (user@domain) or down-level logon name (DOMAIN\user). */
export const ACCOUNT_PATTERN = /^([^\s@\\]+@[^\s@\\]+\.[^\s@\\]+|[^\s@\\]+\\[^\s@\\]+)$/;

/**
 * OAuth for on-premises EWS. Entra ID (hybrid modern auth): tenantId is the tenant, authorityHost
 * https://login.microsoftonline.com. AD FS (Exchange 2019 CU13+ / SE): tenantId 'adfs', authorityHost the AD FS
 * farm (https://adfs.contoso.com). The token is for `resource` (default: the EWS URL's origin), the on-premises
 * URL registered on the Exchange service principal (or as the AD FS relying-party identifier).
 */
export const onPremOAuthSchema = z
  .object({
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    flow: z.enum(['clientCredentials', 'interactive', 'deviceCode', 'password']).default('clientCredentials'),
    credential: z.enum(['secret', 'certificate']).optional(),
    authorityHost: z.string().min(1).default('https://login.microsoftonline.com'),
    resource: z
      .string()
      .url()
      .refine((u) => /^https:\/\//i.test(u), problemKey('problem.profile.oauthResourceHttps'))
      .optional(),
    redirectUri: z
      .string()
      .url()
      .refine((u) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u), problemKey('problem.profile.loopbackUri'))
      .default('http://localhost:8400/'),
  })
  .strict();
export type OnPremOAuth = z.infer<typeof onPremOAuthSchema>;

/** Kerberos (Negotiate) settings of an EWS profile with auth 'kerberos'. */
export const kerberosSchema = z
  .object({
    /**
     * password: the profile's account and its password (SecretStore 'password'); keytab: a keytab file for the
     * account (headless on Linux); logon: the logged-on Windows user (SSPI) or the machine's ticket cache.
     */
    credential: z.enum(['password', 'keytab', 'logon']).default('password'),
    keytab: z.string().min(1).optional(),
    /** Service principal name; default HTTP/<host of the EWS URL>. */
    spn: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]*\/[A-Za-z0-9.-]+(:\d+)?$/, problemKey('problem.profile.spn'))
      .optional(),
    /** Realm (AD domain in capitals); default: the UPN suffix of the user name. */
    realm: z
      .string()
      .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/, problemKey('problem.profile.realm'))
      .optional(),
  })
  .strict()
  .refine((k) => k.credential !== 'keytab' || !!k.keytab, { message: problemKey('problem.profile.keytabMissing'), path: ['keytab'] });
export type KerberosSetting = z.infer<typeof kerberosSchema>;

export const ewsProfileSchema = z
  .object({
    ...commonFields,
    kind: z.literal('ews'),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), problemKey('problem.profile.ewsUrlScheme'))
      .refine((u) => !hasUrlCredentials(u), problemKey('problem.profile.ewsUrlCredentials'))
      .optional(),
    autodiscoverEmail: z.string().email().optional(),
    /** oauth: a bearer from Entra ID or AD FS for the on-premises EWS (hybrid modern auth), see `oauth`. */
    auth: z.enum(['basic', 'ntlm', 'oauth', 'kerberos']).default('ntlm'),
    /** auth 'kerberos' only. */
    kerberos: kerberosSchema.optional(),
    username: z.string().regex(ACCOUNT_PATTERN, problemKey('problem.profile.account')),
    mailDomain: z
      .string()
      .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, problemKey('problem.profile.mailDomain'))
      .optional(),
    access: z.enum(['impersonation', 'delegate']).default('impersonation'),
    exchangeVersion: z.enum(['Exchange2010_SP2', 'Exchange2013', 'Exchange2013_SP1', 'Exchange2016']).optional(),
    timeZone: z.string().min(1).default('UTC'),
    /** Legacy EWS on Microsoft 365 (retiring 2027-04-01): OAuth bearer instead of Basic/NTLM. */
    legacyOnline: z.object({ tenantId: z.string().min(1), clientId: z.string().min(1), authorityHost: z.string().optional() }).optional(),
    /** auth 'oauth' (on-premises Exchange with hybrid modern auth or AD FS): where the bearer comes from. */
    oauth: onPremOAuthSchema.optional(),
  })
  .refine((p) => p.url || p.autodiscoverEmail, {
    message: problemKey('problem.profile.urlOrAutodiscover'),
    path: ['url'],
  })
  .refine((p) => p.auth !== 'oauth' || p.oauth, {
    message: problemKey('problem.profile.oauthNeedsApp'),
    path: ['oauth'],
  })
  .refine((p) => p.auth !== 'oauth' || !p.oauth || p.oauth.resource || p.url, {
    message: problemKey('problem.profile.oauthResource'),
    path: ['oauth', 'resource'],
  });
export type EwsProfile = z.infer<typeof ewsProfileSchema>;

const NO_HOST_CREDENTIALS = problemKey('problem.profile.hostCredentials');

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TENANT =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|organizations|common)$/;

export const graphProfileSchema = z.object({
  ...commonFields,
  kind: z.literal('graph'),
  tenantId: z.string().regex(TENANT, problemKey('problem.profile.tenant')),
  clientId: z.string().regex(GUID, problemKey('problem.profile.clientId')),
  flow: z.enum(['interactive', 'clientCredentials', 'deviceCode', 'password']).default('clientCredentials'),
  /** clientCredentials: which credential is stored in the SecretStore. */
  credential: z.enum(['secret', 'certificate']).optional(),
  username: z.string().optional(), // password (legacy ROPC) flow only
  redirectUri: z
    .string()
    .url()
    .refine((u) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u), problemKey('problem.profile.loopbackUri'))
    .default('http://localhost:8400/'),
  authorityHost: z
    .string()
    .refine((u) => !hasUrlCredentials(u), NO_HOST_CREDENTIALS)
    .default('https://login.microsoftonline.com'),
  graphHost: z
    .string()
    .refine((u) => !hasUrlCredentials(u), NO_HOST_CREDENTIALS)
    .default('https://graph.microsoft.com'),
});
export type GraphProfile = z.infer<typeof graphProfileSchema>;

export const profileSchema = z.union([ewsProfileSchema, graphProfileSchema]);
export type Profile = EwsProfile | GraphProfile;

/** Names of secrets a profile may own in the SecretStore. */
export const SECRET_NAMES = ['password', 'clientSecret', 'certificate', 'proxyPassword', 'tokenCache'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export function secretKey(profileId: string, name: SecretName): string {
  return `profile:${profileId}:${name}`;
}
