// What a token is for: one app registration in one tenant, a flow, and the resource scopes. Graph profiles, the
// legacy "EWS on Microsoft 365" option and OAuth on-premises EWS all reduce to this, so one token provider
// serves them all.
import type { EwsProfile, GraphProfile } from '../../shared/profile.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
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

/** The delegated permission Exchange (Online and on-premises with hybrid modern auth) grants for EWS. */
export const EWS_DELEGATED_SCOPE = 'EWS.AccessAsUser.All';

/** The on-premises resource a token is for: `oauth.resource`, else the origin of the EWS URL. */
export function onPremResource(p: EwsProfile): string | undefined {
  if (p.oauth?.resource) return new URL(p.oauth.resource).origin;
  return p.url ? new URL(p.url).origin : undefined;
}

/**
 * OAuth for on-premises EWS (hybrid modern auth via Entra ID, or AD FS): app-only tokens for
 * `<on-prem origin>/.default`, delegated ones for `<on-prem origin>/EWS.AccessAsUser.All`.
 */
export function ewsOnPremTokenTarget(p: EwsProfile): TokenTarget | undefined {
  const o = p.auth === 'oauth' ? p.oauth : undefined;
  const resource = onPremResource(p);
  if (!o || !resource) return undefined;
  return {
    profileId: p.id,
    profileName: p.name,
    tenantId: o.tenantId,
    clientId: o.clientId,
    flow: o.flow,
    credential: o.credential,
    username: p.username,
    redirectUri: o.redirectUri,
    authorityHost: o.authorityHost,
    scopes: [o.flow === 'clientCredentials' ? defaultScope(resource) : `${resource}/${EWS_DELEGATED_SCOPE}`],
  };
}

/** The token target of any profile that signs in with OAuth (Graph, legacy EWS online, EWS on-premises). */
export function profileTokenTarget(p: GraphProfile | EwsProfile): TokenTarget | undefined {
  if (p.kind === 'graph') return graphTokenTarget(p);
  return ewsOnlineTokenTarget(p) ?? ewsOnPremTokenTarget(p);
}

/** Where an EWS bearer's token is used: Exchange Online (legacy) or on-premises Exchange. */
export type EwsBearerWhere = 'online' | 'onPremises';

/** The token target of an EWS profile that signs in with OAuth, or undefined for Basic/NTLM. */
function ewsBearerTarget(profile: EwsProfile, resource?: string): { target: TokenTarget; where: EwsBearerWhere } | undefined {
  if (profile.legacyOnline) return { target: ewsOnlineTokenTarget(profile, resource ?? EXCHANGE_ONLINE_RESOURCE)!, where: 'online' };
  const onPrem = ewsOnPremTokenTarget(profile);
  return onPrem ? { target: onPrem, where: 'onPremises' } : undefined;
}

/** ewsBearerTarget, or input.invalid naming the missing OAuth settings. */
export function requireEwsBearerTarget(profile: EwsProfile, resource?: string): { target: TokenTarget; where: EwsBearerWhere } {
  const found = ewsBearerTarget(profile, resource);
  if (!found) throw new CalpumpError('input.invalid', { params: { field: 'oauth', problem: text('problem.auth.ewsNoOAuth') } });
  return found;
}
