// Lookups from what a server or the OS says to a catalogue id: the one source of truth for the EWS connector,
// the shared net layer and the doctor, so one failure always renders as the same entry. It lives beside
// CalpumpError (not in the doctor) because src/core/net and the connectors sit below the doctor. Unknown codes
// fall back to a generic entry that keeps the code.
import type { CatalogueId } from '../doctor/catalogue.js';

const EWS_CODES: Record<string, CatalogueId> = {
  ErrorAccessDenied: 'ews.access.denied',
  ErrorImpersonateUserDenied: 'ews.impersonation.denied',
  ErrorImpersonationDenied: 'ews.impersonation.denied',
  ErrorImpersonationFailed: 'ews.impersonation.failed',
  ErrorInvalidExchangeImpersonationHeaderData: 'ews.impersonation.headerInvalid',
  ErrorNonExistentMailbox: 'ews.mailbox.notFound',
  ErrorMailboxNotFound: 'ews.mailbox.notFound',
  // GetUserAvailability's answer for an address the directory does not know.
  ErrorMailRecipientNotFound: 'ews.mailbox.notFound',
  ErrorNonPrimarySmtpAddress: 'ews.mailbox.secondaryAddress',
  ErrorInvalidSmtpAddress: 'ews.mailbox.invalidAddress',
  ErrorMissingEmailAddress: 'ews.mailbox.invalidAddress',
  ErrorFolderNotFound: 'ews.folder.notFound',
  ErrorFolderNotFoundInStore: 'ews.folder.notFound',
  ErrorSyncFolderNotFound: 'ews.folder.notFound',
  ErrorItemNotFound: 'ews.item.notFound',
  ErrorInvalidSyncStateData: 'ews.syncState.invalid',
  ErrorMailboxStoreUnavailable: 'ews.mailbox.storeUnavailable',
  ErrorMailboxMoveInProgress: 'ews.mailbox.moving',
  ErrorConnectionFailed: 'ews.server.connectionFailed',
  ErrorTimeoutExpired: 'ews.server.timeout',
  ErrorNoPublicFolderReplicaAvailable: 'ews.publicFolder.noReplica',
  ErrorCalendarViewRangeTooBig: 'ews.calendarView.rangeTooBig',
  ErrorExceededFindCountLimit: 'ews.find.countLimit',
  ErrorInternalServerError: 'ews.server.internalError',
  ErrorInternalServerTransientError: 'ews.server.internalError',
  ErrorNotEnoughMemory: 'ews.server.internalError',
  ErrorInvalidRequest: 'ews.request.invalid',
  ErrorSchemaValidation: 'ews.request.invalid',
  ErrorInvalidOperation: 'ews.request.invalid',
  ErrorAccountDisabled: 'ews.account.disabled',
  ErrorPasswordExpired: 'ews.account.passwordExpired',
  ErrorPasswordChangeRequired: 'ews.account.passwordExpired',
  ErrorServerBusy: 'ews.server.busy',
  ErrorExceededConnectionCount: 'ews.server.busy',
  ErrorExceededSubscriptionCount: 'ews.server.busy',
  ErrorTooManyObjectsOpened: 'ews.server.busy',
  ErrorInsufficientResources: 'ews.server.busy',
  ErrorInvalidServerVersion: 'ews.version.unsupported',
  ErrorIncorrectSchemaVersion: 'ews.version.unsupported',
  ErrorInvalidSchemaVersionForMailboxVersion: 'ews.version.unsupported',
  ErrorInvalidIdMalformed: 'ews.id.malformed',
  ErrorInvalidIdEmpty: 'ews.id.malformed',
  ErrorInvalidIdNotAnItemAttachmentId: 'ews.id.malformed',
  ErrorInvalidIdReturnedByResolveNames: 'ews.id.malformed',
  ErrorInvalidIdStoreObjectIdTooLong: 'ews.id.malformed',
  ErrorInvalidIdTooManyAttachmentLevels: 'ews.id.malformed',
  ErrorInvalidIdXml: 'ews.id.malformed',
  ErrorCannotUseFolderIdForItemId: 'ews.id.malformed',
  ErrorCannotUseItemIdForFolderId: 'ews.id.malformed',
  ErrorProxyRequestProcessingFailed: 'ews.server.proxyFailed',
  ErrorProxyRequestNotAllowed: 'ews.server.proxyFailed',
  ErrorNoRespondingCASInDestinationSite: 'ews.server.proxyFailed',
  ErrorProxiedSubscriptionCallFailure: 'ews.server.proxyFailed',
  ErrorADUnavailable: 'ews.server.directoryUnavailable',
  ErrorADOperation: 'ews.server.directoryUnavailable',
  ErrorADSessionFilter: 'ews.server.directoryUnavailable',
};

export interface EwsMapContext {
  /** In delegate mode ErrorAccessDenied means "no folder right", which has its own, more exact entry. */
  access?: 'impersonation' | 'delegate';
  /** The folder the call addressed: a distinguished id ('calendar') or an EWS folder id. */
  folder?: string;
}

const DISTINGUISHED_FOLDERS = new Set(['calendar', 'contacts', 'tasks', 'msgfolderroot', 'inbox', 'root', 'publicfoldersroot']);
const FOLDER_NOT_FOUND = new Set(['ErrorFolderNotFound', 'ErrorFolderNotFoundInStore']);

/** EWS ResponseCode (e.g. "ErrorAccessDenied") → catalogue id; unknown codes → 'ews.response.error'. */
export function mapEwsResponseCode(code: string, ctx: EwsMapContext = {}): CatalogueId {
  const c = code.trim();
  if (ctx.access === 'delegate') {
    if (c === 'ErrorAccessDenied') return 'ews.delegate.accessDenied';
    // Exchange answers ErrorFolderNotFound to a delegate for a well-known folder it may not see.
    if (FOLDER_NOT_FOUND.has(c) && (!ctx.folder || DISTINGUISHED_FOLDERS.has(ctx.folder.toLowerCase()))) return 'ews.delegate.accessDenied';
  }
  return EWS_CODES[c] ?? 'ews.response.error';
}

/** Every ResponseCode with an entry of its own (for documentation and tests). */
export const mappedEwsResponseCodes = Object.keys(EWS_CODES);

const HTTP_STATUSES: Record<number, CatalogueId> = {
  400: 'http.badRequest',
  401: 'http.unauthorized',
  403: 'http.forbidden',
  404: 'http.notFound',
  405: 'http.methodNotAllowed',
  407: 'http.proxyAuthRequired',
  413: 'http.payloadTooLarge',
  429: 'http.throttled',
  500: 'http.serverError',
  502: 'http.badGateway',
  503: 'http.unavailable',
  504: 'http.gatewayTimeout',
};

export interface HttpMapContext {
  /** EWS: a 401 names the account and the virtual directory settings, so it gets the EWS entry. */
  backend?: 'ews' | 'graph';
}

/** HTTP status → catalogue id; statuses without an entry → 'http.status' (which shows the number). */
export function mapHttpStatus(status: number, ctx: HttpMapContext = {}): CatalogueId {
  if (status === 401 && ctx.backend === 'ews') return 'ews.auth.unauthorized';
  return HTTP_STATUSES[status] ?? 'http.status';
}

const TLS_CODES: Record<string, CatalogueId> = {
  CERT_HAS_EXPIRED: 'net.tls.expired',
  CERT_NOT_YET_VALID: 'net.tls.notYetValid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'net.tls.selfSigned',
  SELF_SIGNED_CERT_IN_CHAIN: 'net.tls.unknownCa',
  UNABLE_TO_GET_ISSUER_CERT: 'net.tls.unknownCa',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'net.tls.unknownCa',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'net.tls.unknownCa',
  CERT_UNTRUSTED: 'net.tls.unknownCa',
  CERT_SIGNATURE_FAILURE: 'net.tls.untrusted',
  CERT_REVOKED: 'net.tls.untrusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'net.tls.hostMismatch',
  HOSTNAME_MISMATCH: 'net.tls.hostMismatch',
};

// OpenSSL verification codes not listed above still name a certificate problem.
const CERT_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY|DECRYPT|DECODE)/;

/** Node/OpenSSL certificate error code → catalogue id; other TLS failures → 'net.tls.handshakeFailed'. */
export function mapTlsError(code: string | undefined): CatalogueId {
  if (!code) return 'net.tls.handshakeFailed';
  return TLS_CODES[code] ?? (CERT_CODE.test(code) ? 'net.tls.untrusted' : 'net.tls.handshakeFailed');
}

/** True for any error code of the TLS layer (certificate verdicts and handshake failures alike). */
export function isTlsErrorCode(code: string | undefined): boolean {
  return !!code && (code in TLS_CODES || CERT_CODE.test(code) || /^ERR_SSL|^ERR_TLS/.test(code));
}

const SOCKET_CODES: Record<string, CatalogueId> = {
  ENOTFOUND: 'net.dns',
  EAI_AGAIN: 'net.dns',
  EAI_FAIL: 'net.dns',
  ENODATA: 'net.dns',
  ECONNREFUSED: 'net.refused',
  ECONNRESET: 'net.reset',
  EPIPE: 'net.reset',
  ECONNABORTED: 'net.reset',
  ERR_STREAM_PREMATURE_CLOSE: 'net.reset',
  ETIMEDOUT: 'net.timeout',
  ESOCKETTIMEDOUT: 'net.timeout',
  EHOSTUNREACH: 'net.unreachable',
  ENETUNREACH: 'net.unreachable',
  EHOSTDOWN: 'net.unreachable',
  EADDRNOTAVAIL: 'net.unreachable',
};

/** Node socket error code (err.code) → catalogue id; TLS codes are passed on to mapTlsError. */
export function mapSocketError(code: string | undefined, message = ''): CatalogueId {
  if (code && SOCKET_CODES[code]) return SOCKET_CODES[code];
  if (isTlsErrorCode(code)) return mapTlsError(code);
  if (/socket hang up/i.test(message)) return 'net.reset';
  return 'net.unreachable';
}
