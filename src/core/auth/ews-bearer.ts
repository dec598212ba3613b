// Legacy "EWS on Microsoft 365": the EWS transport asks this for an Authorization header per request. App-only
// tokens for https://outlook.office365.com/.default (full_access_as_app), X-AnchorMailbox for routing to the
// right backend, and ExchangeImpersonation in the SOAP header (set by the EWS side) for the target mailbox.
// Exchange Online switches EWS off on 2027-04-01; the CLI and the forms warn with 'auth.ewsOnline.retiring'.
import type { EwsProfile } from '../../shared/profile.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { createTokenProvider, type AuthDeps, type TokenProvider } from './token-provider.js';
import { EWS_ONLINE_RETIREMENT, EXCHANGE_ONLINE_RESOURCE, ewsOnlineTokenTarget } from './token-target.js';

export { EWS_ONLINE_RETIREMENT };

export interface EwsBearer {
  /** Headers for one EWS request on behalf of `mailbox`: Authorization (Bearer) and X-AnchorMailbox. */
  headers(mailbox: string, opts?: { forceRefresh?: boolean }): Promise<Record<string, string>>;
  /** The provider behind it (status, login for the password fallback, logout). */
  tokens: TokenProvider;
}

export function createEwsBearer(profile: EwsProfile, deps: AuthDeps, opts: { resource?: string } = {}): EwsBearer {
  const target = ewsOnlineTokenTarget(profile, opts.resource ?? EXCHANGE_ONLINE_RESOURCE);
  if (!target) {
    throw new CalpumpError('input.invalid', {
      params: { field: 'legacyOnline', problem: 'the EWS profile has no legacyOnline (tenant and client ID) settings' },
    });
  }
  deps.logger.warn('auth.ewsOnline.retiring', { profile: profile.name, retires: EWS_ONLINE_RETIREMENT });
  const tokens = createTokenProvider(target, deps);
  return {
    tokens,
    async headers(mailbox, o) {
      const token = await tokens.getAccessToken({ forceRefresh: o?.forceRefresh });
      return { Authorization: `Bearer ${token}`, 'X-AnchorMailbox': mailbox };
    },
  };
}
