// Profile contract (DESIGN.md "Profiles"). Pure zod: no Node, Electron or DOM imports.
// Secrets are never part of a Profile: they live in the SecretStore under secretKey(profileId, name).
import { z } from 'zod';
import { hasUrlCredentials } from './url-checks.js';

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
      .refine((u) => /^https?:\/\//i.test(u), 'proxy URL must start with http:// or https://')
      .refine(
        (u) => !hasUrlCredentials(u),
        'the proxy URL must not hold a user name or password: give the user in proxy.username (--proxy-user) and the password as the proxy password secret (--proxy-password-stdin, or the Proxy password field)',
      ),
    username: proxyUsername,
  }),
  /** A PAC file of this profile's own (http://, https:// or file://), whatever the system says. */
  z.object({
    mode: z.literal('pac'),
    pacUrl: z
      .string()
      .url()
      .refine((u) => /^(https?|file):\/\//i.test(u), 'the PAC file address must start with http://, https:// or file://')
      .refine((u) => !hasUrlCredentials(u), 'the PAC file address must not hold a user name or password'),
    username: proxyUsername,
  }),
]);
export type ProxySetting = z.infer<typeof proxySchema>;

export const tlsSchema = z
  .object({
    caFile: z.string().min(1).optional(),
    pinnedSha256: z
      .string()
      .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'a SHA-256 fingerprint: 64 hex digits, colons allowed')
      .optional(),
  })
  .strict()
  .refine((t) => !(t.caFile && t.pinnedSha256), 'give either tls.caFile or tls.pinnedSha256, not both');
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
  name: z.string().regex(PROFILE_NAME_PATTERN, 'letters, digits, space, dot, dash or underscore; up to 64'),
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
      .refine((u) => /^https:\/\//i.test(u), 'the resource is the https:// origin of the on-premises EWS, e.g. https://mail.contoso.com')
      .optional(),
    redirectUri: z
      .string()
      .url()
      .refine((u) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u), 'a loopback URI such as http://localhost:8400/')
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
      .regex(/^[A-Za-z][A-Za-z0-9-]*\/[A-Za-z0-9.-]+(:\d+)?$/, 'a service principal name such as HTTP/mail.contoso.com')
      .optional(),
    /** Realm (AD domain in capitals); default: the UPN suffix of the user name. */
    realm: z
      .string()
      .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/, 'a realm such as CONTOSO.COM')
      .optional(),
  })
  .strict()
  .refine((k) => k.credential !== 'keytab' || !!k.keytab, { message: 'give the keytab file for credential "keytab"', path: ['keytab'] });
export type KerberosSetting = z.infer<typeof kerberosSchema>;

export const ewsProfileSchema = z
  .object({
    ...commonFields,
    kind: z.literal('ews'),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'the EWS URL must start with https://')
      .refine(
        (u) => !hasUrlCredentials(u),
        'the EWS URL must not hold a user name or password: give the account in username (--username) and the password as the password secret (--password-stdin, or the Password field)',
      )
      .optional(),
    autodiscoverEmail: z.string().email().optional(),
    /** oauth: a bearer from Entra ID or AD FS for the on-premises EWS (hybrid modern auth), see `oauth`. */
    auth: z.enum(['basic', 'ntlm', 'oauth', 'kerberos']).default('ntlm'),
    /** auth 'kerberos' only. */
    kerberos: kerberosSchema.optional(),
    username: z.string().regex(ACCOUNT_PATTERN, 'a UPN (svc-calpump@contoso.com) or DOMAIN\\user'),
    mailDomain: z
      .string()
      .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'a mail domain such as contoso.com')
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
    message: 'give the EWS URL (https://mail.contoso.com/EWS/Exchange.asmx) or an e-mail address for autodiscover',
    path: ['url'],
  })
  .refine((p) => p.auth !== 'oauth' || p.oauth, {
    message: 'OAuth on-premises needs the tenant (or adfs) and the application (client) ID',
    path: ['oauth'],
  })
  .refine((p) => p.auth !== 'oauth' || !p.oauth || p.oauth.resource || p.url, {
    message: 'give the EWS URL or the OAuth resource (https://mail.contoso.com) the token is for',
    path: ['oauth', 'resource'],
  });
export type EwsProfile = z.infer<typeof ewsProfileSchema>;

const NO_HOST_CREDENTIALS =
  'a host URL must not hold a user name or password: the app signs in with its client secret or certificate (--client-secret-stdin, --certificate-file)';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TENANT =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|organizations|common)$/;

export const graphProfileSchema = z.object({
  ...commonFields,
  kind: z.literal('graph'),
  tenantId: z.string().regex(TENANT, 'a tenant GUID or a domain such as contoso.onmicrosoft.com'),
  clientId: z.string().regex(GUID, 'the application (client) ID: a GUID from the app registration'),
  flow: z.enum(['interactive', 'clientCredentials', 'deviceCode', 'password']).default('clientCredentials'),
  /** clientCredentials: which credential is stored in the SecretStore. */
  credential: z.enum(['secret', 'certificate']).optional(),
  username: z.string().optional(), // password (legacy ROPC) flow only
  redirectUri: z
    .string()
    .url()
    .refine((u) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u), 'a loopback URI such as http://localhost:8400/')
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
