// What a token is for: one app registration in one tenant, a flow, and the resource scopes. Graph profiles and
// the legacy "EWS on Microsoft 365" option both reduce to this, so one token provider serves both.
import type { EwsProfile, GraphProfile } from '../../shared/profile.js';
import { defaultScope } from './authority.js';

export type AuthFlow = GraphProfile['flow'];

/** Exchange Online switches EWS off on this day (kept here, beside the target, so light callers need no MSAL). */
export const EWS_ONLINE_RETIREMENT = '2027-04-01';

export interface TokenTarget {
  profileId: string;
  profileName: string;
  tenantId: string;
  clientId: string;
  flow: AuthFlow;
  /** clientCredentials only; undefined = whichever credential is stored (certificate first). */
  credential?: 'secret' | 'certificate';
  username?: string;
  redirectUri: string;
  authorityHost: string;
  scopes: string[];
}

export function graphTokenTarget(p: GraphProfile): TokenTarget {
  return {
    profileId: p.id,
    profileName: p.name,
    tenantId: p.tenantId,
    clientId: p.clientId,
    flow: p.flow,
    credential: p.credential,
    username: p.username,
    redirectUri: p.redirectUri,
    authorityHost: p.authorityHost,
    scopes: [defaultScope(p.graphHost)],
  };
}

export const EXCHANGE_ONLINE_RESOURCE = 'https://outlook.office365.com';

/** Legacy EWS on Microsoft 365: app-only token for Exchange Online (full_access_as_app), password flow as last resort. */
export function ewsOnlineTokenTarget(p: EwsProfile, resource = EXCHANGE_ONLINE_RESOURCE): TokenTarget | undefined {
  if (!p.legacyOnline) return undefined;
  return {
    profileId: p.id,
    profileName: p.name,
    tenantId: p.legacyOnline.tenantId,
    clientId: p.legacyOnline.clientId,
    flow: 'clientCredentials',
    username: p.username,
    redirectUri: 'http://localhost:8400/',
    authorityHost: p.legacyOnline.authorityHost ?? 'https://login.microsoftonline.com',
    scopes: [defaultScope(resource)],
  };
}
