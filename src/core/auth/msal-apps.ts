// Builds MSAL application objects for a TokenTarget: our network client (proxy/TLS through the net layer), the
// SecretStore-backed token cache, and MSAL's own log routed to our logger without PII.
import {
  ConfidentialClientApplication,
  LogLevel,
  PublicClientApplication,
  type Configuration,
  type NodeAuthOptions,
} from '@azure/msal-node';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { msalAuthorityOptions, type ProtocolFlavour } from './authority.js';
import type { ClientCertificate } from './client-certificate.js';
import type { HttpSend } from './http-send.js';
import { createMsalNetworkClient, type NetworkTrace } from './msal-network.js';
import { createSecretStoreCachePlugin } from './token-cache-plugin.js';
import type { TokenTarget } from './token-target.js';

export interface AuthDeps {
  secrets: SecretStore;
  logger: Logger;
  /** HTTP through the shared net layer (profile proxy and TLS trust). */
  http: HttpSend;
  /** 'OIDC' for a standards OpenID provider that is not Entra ID; default 'AAD' (Entra ID and the simulator). */
  protocol?: ProtocolFlavour;
  now?: () => Date;
}

/** Internal: where the network client records the real cause of a failure MSAL reports vaguely. */
export interface AppContext {
  trace: NetworkTrace;
}

export type AppCredential = { kind: 'secret'; secret: string } | { kind: 'certificate'; certificate: ClientCertificate };

function configuration(target: TokenTarget, deps: AuthDeps, ctx: AppContext, auth: Partial<NodeAuthOptions>): Configuration {
  const log = deps.logger.child({ component: 'msal', profile: target.profileName });
  return {
    auth: { clientId: target.clientId, ...msalAuthorityOptions(target.authorityHost, target.tenantId), ...auth },
    cache: { cachePlugin: createSecretStoreCachePlugin(deps.secrets, target.profileId) },
    system: {
      networkClient: createMsalNetworkClient(deps.http, ctx.trace, undefined, target.profileId),
      protocolMode: deps.protocol === 'OIDC' ? 'OIDC' : 'AAD',
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) log.debug('auth.msal.error', { message });
          else log.trace('auth.msal', { message });
        },
      },
    },
  };
}

export function buildPublicApp(target: TokenTarget, deps: AuthDeps, ctx: AppContext): PublicClientApplication {
  return new PublicClientApplication(configuration(target, deps, ctx, {}));
}

export function buildConfidentialApp(
  target: TokenTarget,
  deps: AuthDeps,
  ctx: AppContext,
  credential: AppCredential,
): ConfidentialClientApplication {
  const auth: Partial<NodeAuthOptions> =
    credential.kind === 'secret'
      ? { clientSecret: credential.secret }
      : {
          clientCertificate: {
            thumbprintSha256: credential.certificate.thumbprintSha256,
            privateKey: credential.certificate.privateKey,
            x5c: credential.certificate.x5c,
          },
        };
  return new ConfidentialClientApplication(configuration(target, deps, ctx, auth));
}
