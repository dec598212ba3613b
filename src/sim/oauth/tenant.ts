// The simulated Entra ID tenant: app registrations, consent, user assignment, application access policy and
// the token-signing key, kept per world (WeakMap) so each simulator run starts from the documented seed.
// Tests change it through simTenant(world) — register a certificate, revoke consent, scope an app.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { SimWorld } from '../world/world.js';

export const SIM_TENANT_ID = 'c0ffee00-0000-4000-8000-00000000c0de';
export const SIM_TENANT_DOMAINS = ['contoso.onmicrosoft.com', 'contoso.com'];

/** Daemon app: client credentials, Calendars.Read + User.Read.All + Place.Read.All (Application), admin consent. */
export const SIM_APP_DAEMON = '11111111-1111-4111-8111-111111111111';
export const SIM_APP_DAEMON_SECRET = 'sim~daemon.Secret-0001';
/** Public client (interactive, device code, password): delegated Calendars.Read, User.ReadBasic.All consented. */
export const SIM_APP_PUBLIC = '22222222-2222-4222-8222-222222222222';
/** Registered but never consented: delegated flows get AADSTS65001, app tokens carry no roles. */
export const SIM_APP_NO_CONSENT = '33333333-3333-4333-8333-333333333333';
export const SIM_APP_NO_CONSENT_SECRET = 'sim~noconsent.Secret-0003';
/** Public client that requires user assignment; only alice.smith is assigned (others get AADSTS50105). */
export const SIM_APP_ASSIGNED = '44444444-4444-4444-8444-444444444444';

export const APP_ROLES = [
  'Calendars.Read',
  'User.Read.All',
  'Place.Read.All',
  'GroupMember.Read.All',
  'MailboxSettings.Read',
  'Contacts.Read',
  'Tasks.Read.All',
];
export const DELEGATED_SCOPES = [
  'Calendars.Read',
  'Calendars.Read.Shared',
  'User.ReadBasic.All',
  'Place.Read.All',
  'GroupMember.Read.All',
  'MailboxSettings.Read',
  'Contacts.Read',
  'Tasks.Read',
];

export interface SimApp {
  clientId: string;
  displayName: string;
  secrets: string[];
  expiredSecrets: string[];
  /** Public certificates (PEM) uploaded under Certificates & secrets, keyed by SHA-256 thumbprint (hex, lower). */
  certificates: Map<string, KeyObject>;
  publicClient: boolean;
  /** Application permissions with admin consent (the token's roles claim). */
  roles: string[];
  /** Delegated permissions consented for the tenant (empty = AADSTS65001). */
  delegatedScopes: string[];
  assignmentRequired: boolean;
  assignedUsers: string[];
  /** Application access policy / RBAC for Applications scope: mailboxes the app may read (undefined = all). */
  mailboxScope?: Set<string>;
}

export interface PendingCode {
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  scope: string;
  user: string;
  nonce?: string;
  expiresMs: number;
}

export interface PendingDeviceCode {
  clientId: string;
  scope: string;
  userCode: string;
  user?: string;
  denied?: boolean;
  expiresMs: number;
}

export interface SimTenant {
  tenantId: string;
  domains: string[];
  apps: Map<string, SimApp>;
  signingKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  codes: Map<string, PendingCode>;
  deviceCodes: Map<string, PendingDeviceCode>;
  refreshTokens: Map<string, { clientId: string; user: string; scope: string }>;
  /** Users for whom Conditional Access demands MFA (the password flow then fails with AADSTS50076). */
  mfaUsers: Set<string>;
  /** Access token lifetime in seconds (tests shorten it). */
  tokenLifetimeSeconds: number;
  /** Tokens issued before this instant are rejected (401 InvalidAuthenticationToken), as after a revocation. */
  notBeforeMs: number;
  /**
   * Hybrid modern auth: the on-premises Exchange URLs (origins, lower case) added as service principal names of
   * the "Office 365 Exchange Online" enterprise app. Tokens can be issued for these resources (else AADSTS500011)
   * and the simulator's EWS accepts them as on-premises Exchange would. startSimulator registers
   * https://localhost:<port>; tests remove it to reproduce the missing setup step.
   */
  exchangeOnPremUrls: Set<string>;
}

const tenants = new WeakMap<SimWorld, SimTenant>();

function app(clientId: string, displayName: string, over: Partial<SimApp>): SimApp {
  return {
    clientId,
    displayName,
    secrets: [],
    expiredSecrets: [],
    certificates: new Map(),
    publicClient: false,
    roles: [],
    delegatedScopes: [],
    assignmentRequired: false,
    assignedUsers: [],
    ...over,
  };
}

export function simTenant(world: SimWorld): SimTenant {
  let t = tenants.get(world);
  if (t) return t;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const outOfScope = new Set(world.impersonationExcluded.map((s) => s.toLowerCase()));
  const scoped = new Set([...world.mailboxes.keys()].filter((m) => !outOfScope.has(m)));
  t = {
    tenantId: SIM_TENANT_ID,
    domains: SIM_TENANT_DOMAINS,
    apps: new Map([
      [
        SIM_APP_DAEMON,
        app(SIM_APP_DAEMON, 'Calpump Sync', {
          secrets: [SIM_APP_DAEMON_SECRET],
          expiredSecrets: ['sim~expired.Secret-0000'],
          roles: [...APP_ROLES],
          mailboxScope: scoped,
        }),
      ],
      [SIM_APP_PUBLIC, app(SIM_APP_PUBLIC, 'Calpump Desktop', { publicClient: true, delegatedScopes: [...DELEGATED_SCOPES] })],
      [SIM_APP_NO_CONSENT, app(SIM_APP_NO_CONSENT, 'Calpump Unconsented', { secrets: [SIM_APP_NO_CONSENT_SECRET], publicClient: true })],
      [
        SIM_APP_ASSIGNED,
        app(SIM_APP_ASSIGNED, 'Calpump Assigned', {
          publicClient: true,
          delegatedScopes: [...DELEGATED_SCOPES],
          assignmentRequired: true,
          assignedUsers: ['alice.smith@contoso.com'],
        }),
      ],
    ]),
    signingKey: privateKey,
    publicKey,
    kid: randomUUID().replace(/-/g, '').slice(0, 27),
    codes: new Map(),
    deviceCodes: new Map(),
    refreshTokens: new Map(),
    mfaUsers: new Set(['carol.evans@contoso.com']),
    tokenLifetimeSeconds: 3600,
    notBeforeMs: 0,
    exchangeOnPremUrls: new Set(),
  };
  tenants.set(world, t);
  return t;
}

/** A tenant path segment the sim answers for: its GUID, its domains, organizations or common. */
export function knownTenant(t: SimTenant, segment: string): boolean {
  const s = segment.toLowerCase();
  return s === t.tenantId || t.domains.includes(s) || s === 'organizations' || s === 'common';
}

/** "https://Mail.Contoso.com/" → "https://mail.contoso.com": how resources and audiences are compared. */
export function originOf(resource: string): string {
  try {
    return new URL(resource).origin.toLowerCase();
  } catch {
    return resource.toLowerCase().replace(/\/+$/, '');
  }
}

/** True when `resource` is an on-premises Exchange URL registered for hybrid modern auth. */
export function isOnPremExchange(t: SimTenant, resource: string): boolean {
  return t.exchangeOnPremUrls.has(originOf(resource));
}
