// The profile form's flat state and the names of its fields (what profile-form-model.ts converts and
// profile-form-errors.ts maps issues onto), in its own module so those two need not import each other.
import type { EwsProfile, GraphProfile, KerberosSetting, LogLevel } from '../../shared/profile.js';

export type ProfileKind = 'ews' | 'graph';
export type EndpointMode = 'url' | 'autodiscover';
export type ProxyMode = 'system' | 'none' | 'url' | 'pac';
export type TlsMode = 'default' | 'caFile' | 'pinned';
export type GraphFlow = GraphProfile['flow'];
export type ExchangeVersion = NonNullable<EwsProfile['exchangeVersion']>;
export type KerberosCredentialKind = KerberosSetting['credential'];

export const EXCHANGE_VERSIONS: readonly ExchangeVersion[] = ['Exchange2010_SP2', 'Exchange2013', 'Exchange2013_SP1', 'Exchange2016'];
export const GRAPH_FLOWS: readonly GraphFlow[] = ['interactive', 'clientCredentials', 'deviceCode', 'password'];
export const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'all'];

export interface ProfileFormState {
  id?: string;
  kind: ProfileKind;
  name: string;
  // EWS
  endpointMode: EndpointMode;
  url: string;
  autodiscoverEmail: string;
  auth: EwsProfile['auth'];
  /** Kerberos only: where the ticket comes from, and optional keytab, SPN and realm. */
  kerberosCredential: KerberosCredentialKind;
  kerberosKeytab: string;
  kerberosSpn: string;
  kerberosRealm: string;
  username: string;
  password: string;
  mailDomain: string;
  access: 'impersonation' | 'delegate';
  exchangeVersion: '' | ExchangeVersion;
  timeZone: string;
  legacyOnline: boolean;
  legacyTenantId: string;
  legacyClientId: string;
  /** auth 'oauth' (on-premises): the resource when it is not the EWS URL's origin; tenant, app and flow use the Graph fields. */
  oauthResource: string;
  // Graph
  tenantId: string;
  clientId: string;
  flow: GraphFlow;
  credential: 'secret' | 'certificate';
  clientSecret: string;
  certificate: string;
  graphUsername: string;
  redirectUri: string;
  authorityHost: string;
  graphHost: string;
  // Common
  proxyMode: ProxyMode;
  proxyUrl: string;
  /** proxyMode 'pac': the profile's own PAC file (http://, https:// or file://). */
  proxyPacUrl: string;
  /** Any mode but 'none': the account for a proxy that asks for a sign-in (empty: the logged-on Windows user). */
  proxyUsername: string;
  proxyPassword: string;
  tlsMode: TlsMode;
  caFile: string;
  pinnedSha256: string;
  testMailbox: string;
  logLevel: LogLevel;
}

export type FieldId = Exclude<keyof ProfileFormState, 'id' | 'kind'>;
