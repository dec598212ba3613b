// OAuth bearers for EWS: the EWS transport asks this for an Authorization header per request.
// - Legacy "EWS on Microsoft 365": app-only tokens for https://outlook.office365.com/.default
//   (full_access_as_app). Exchange Online switches EWS off on 2027-04-01; 'auth.ewsOnline.retiring' warns.
// - OAuth on-premises (auth 'oauth', hybrid modern auth or AD FS): tokens for the on-premises origin
//   (https://mail.contoso.com), app-only or delegated, from the profile's `oauth` settings.
// X-AnchorMailbox routes to the right backend; ExchangeImpersonation in the SOAP header (set by the EWS side)
// selects the target mailbox for app-only tokens.
import type { EwsProfile } from '../../shared/profile.js';
import { createTokenProvider, type AuthDeps, type TokenProvider } from './token-provider.js';
import { EWS_ONLINE_RETIREMENT, requireEwsBearerTarget, type EwsBearerWhere } from './token-target.js';

export interface EwsBearer {
  /** Headers for one EWS request on behalf of `mailbox`: Authorization (Bearer) and X-AnchorMailbox. */
  headers(mailbox: string, opts?: { forceRefresh?: boolean }): Promise<Record<string, string>>;
  /** The provider behind it (status, login for the password fallback, logout). */
  tokens: TokenProvider;
  /** App-only token (client credentials): it has no mailbox of its own, so every call impersonates. */
  appOnly: boolean;
  /** Where the token is used: Exchange Online (legacy) or on-premises Exchange. */
  where: EwsBearerWhere;
}

export function createEwsBearer(profile: EwsProfile, deps: AuthDeps, opts: { resource?: string } = {}): EwsBearer {
  const { target, where } = requireEwsBearerTarget(profile, opts.resource);
  if (where === 'online') deps.logger.warn('auth.ewsOnline.retiring', { profile: profile.name, retires: EWS_ONLINE_RETIREMENT });
  const tokens = createTokenProvider(target, deps);
  return {
    tokens,
    appOnly: target.flow === 'clientCredentials',
    where,
    async headers(mailbox, o) {
      const token = await tokens.getAccessToken({ forceRefresh: o?.forceRefresh });
      return { Authorization: `Bearer ${token}`, 'X-AnchorMailbox': mailbox };
    },
  };
}
