// Where a profile signs in. Public and national Microsoft clouds use MSAL's built-in instance discovery; any
// other host (the simulator, an on-premises test IdP) is declared a known authority so MSAL skips the call to
// login.microsoftonline.com and reads that host's own /.well-known/openid-configuration instead.
import type { NodeAuthOptions } from '@azure/msal-node';

const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'sts.windows.net',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.de',
]);

export type ProtocolFlavour = 'AAD' | 'OIDC';

/** "login.microsoftonline.us" or "https://login.microsoftonline.us/" → "https://login.microsoftonline.us". */
export function normaliseHost(host: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(host) ? host : `https://${host}`;
  return withScheme.replace(/\/+$/, '');
}

export function authorityUrl(authorityHost: string, tenantId: string): string {
  return `${normaliseHost(authorityHost)}/${tenantId}`;
}

export function isMicrosoftAuthorityHost(authorityHost: string): boolean {
  return MICROSOFT_AUTHORITY_HOSTS.has(new URL(normaliseHost(authorityHost)).hostname.toLowerCase());
}

export function msalAuthorityOptions(authorityHost: string, tenantId: string): Pick<NodeAuthOptions, 'authority' | 'knownAuthorities'> {
  const authority = authorityUrl(authorityHost, tenantId);
  if (isMicrosoftAuthorityHost(authorityHost)) return { authority };
  return { authority, knownAuthorities: [new URL(authority).host] };
}

/** The ".default" scope of a resource host: every permission granted to the app on it. */
export function defaultScope(resourceHost: string): string {
  return `${normaliseHost(resourceHost)}/.default`;
}
