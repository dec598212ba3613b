export { createTokenProvider, type TokenProvider, type AuthStatus, type LoginUi, type AuthDeps } from './token-provider.js';
export {
  graphTokenTarget,
  ewsOnlineTokenTarget,
  ewsOnPremTokenTarget,
  profileTokenTarget,
  EXCHANGE_ONLINE_RESOURCE,
  EWS_ONLINE_RETIREMENT,
  type TokenTarget,
  type AuthFlow,
} from './token-target.js';
export { httpSendFromClient } from './net-http-send.js';
export type { HttpSend, HttpRequest, HttpResponse } from './http-send.js';
export { parseClientCertificate, type ClientCertificate } from './client-certificate.js';
export { authorityUrl, defaultScope, normaliseHost, isMicrosoftAuthorityHost } from './authority.js';
export { createEwsBearer, type EwsBearer } from './ews-bearer.js';
export { createAuthService, type AuthServiceOptions, type M365AuthService } from './auth-service.js';
