import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/core/doctor/catalogue.js';
import {
  isTlsErrorCode,
  mapEwsResponseCode,
  mapHttpStatus,
  mapSocketError,
  mapTlsError,
  mappedEwsResponseCodes,
} from '../../../src/core/errors/error-map.js';

// The ResponseCodes issue 6 names as "met in practice": each needs an entry of its own, not the generic one.
const ISSUE_CODES: Record<string, string> = {
  ErrorAccessDenied: 'ews.access.denied',
  ErrorFolderNotFound: 'ews.folder.notFound',
  ErrorItemNotFound: 'ews.item.notFound',
  ErrorInvalidSyncStateData: 'ews.syncState.invalid',
  ErrorMailboxStoreUnavailable: 'ews.mailbox.storeUnavailable',
  ErrorMailboxMoveInProgress: 'ews.mailbox.moving',
  ErrorConnectionFailed: 'ews.server.connectionFailed',
  ErrorTimeoutExpired: 'ews.server.timeout',
  ErrorInvalidExchangeImpersonationHeaderData: 'ews.impersonation.headerInvalid',
  ErrorNoPublicFolderReplicaAvailable: 'ews.publicFolder.noReplica',
  ErrorCalendarViewRangeTooBig: 'ews.calendarView.rangeTooBig',
  ErrorExceededFindCountLimit: 'ews.find.countLimit',
  ErrorInternalServerError: 'ews.server.internalError',
  ErrorInvalidRequest: 'ews.request.invalid',
  ErrorSchemaValidation: 'ews.request.invalid',
  ErrorAccountDisabled: 'ews.account.disabled',
  ErrorPasswordExpired: 'ews.account.passwordExpired',
  ErrorImpersonateUserDenied: 'ews.impersonation.denied',
  ErrorNonExistentMailbox: 'ews.mailbox.notFound',
  ErrorServerBusy: 'ews.server.busy',
};

describe('mapEwsResponseCode', () => {
  it.each(Object.entries(ISSUE_CODES))('%s → %s', (code, id) => {
    expect(mapEwsResponseCode(code)).toBe(id);
  });

  it('gives delegate mode the folder-permission entry for ErrorAccessDenied', () => {
    expect(mapEwsResponseCode('ErrorAccessDenied', { access: 'delegate' })).toBe('ews.delegate.accessDenied');
    expect(mapEwsResponseCode('ErrorAccessDenied', { access: 'impersonation' })).toBe('ews.access.denied');
  });

  it('gives a delegate the permission entry for a well-known folder it cannot see, not for a folder id', () => {
    expect(mapEwsResponseCode('ErrorFolderNotFound', { access: 'delegate', folder: 'calendar' })).toBe('ews.delegate.accessDenied');
    expect(mapEwsResponseCode('ErrorFolderNotFoundInStore', { access: 'delegate' })).toBe('ews.delegate.accessDenied');
    expect(mapEwsResponseCode('ErrorFolderNotFound', { access: 'delegate', folder: 'AAMkADGone' })).toBe('ews.folder.notFound');
    expect(mapEwsResponseCode('ErrorFolderNotFound', { access: 'impersonation', folder: 'calendar' })).toBe('ews.folder.notFound');
  });

  it('falls back to the generic entry for codes it does not know', () => {
    expect(mapEwsResponseCode('ErrorSomethingNew')).toBe('ews.response.error');
  });

  it('points every mapped code at an existing entry', () => {
    for (const code of mappedEwsResponseCodes) expect(catalogue[mapEwsResponseCode(code)], code).toBeDefined();
  });
});

describe('mapHttpStatus', () => {
  const expected: Array<[number, string]> = [
    [400, 'http.badRequest'],
    [401, 'http.unauthorized'],
    [403, 'http.forbidden'],
    [404, 'http.notFound'],
    [405, 'http.methodNotAllowed'],
    [407, 'http.proxyAuthRequired'],
    [413, 'http.payloadTooLarge'],
    [429, 'http.throttled'],
    [500, 'http.serverError'],
    [502, 'http.badGateway'],
    [503, 'http.unavailable'],
    [504, 'http.gatewayTimeout'],
    [418, 'http.status'],
  ];
  it.each(expected)('%i → %s', (status, id) => expect(mapHttpStatus(status)).toBe(id));

  it('uses the EWS entry for a 401 from EWS', () => {
    expect(mapHttpStatus(401, { backend: 'ews' })).toBe('ews.auth.unauthorized');
    expect(mapHttpStatus(401, { backend: 'graph' })).toBe('http.unauthorized');
  });
});

describe('mapTlsError / mapSocketError', () => {
  it.each([
    ['CERT_HAS_EXPIRED', 'net.tls.expired'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'net.tls.selfSigned'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'net.tls.unknownCa'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'net.tls.unknownCa'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'net.tls.unknownCa'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'net.tls.hostMismatch'],
    ['CERT_NOT_YET_VALID', 'net.tls.notYetValid'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'net.tls.handshakeFailed'],
  ])('TLS %s → %s', (code, id) => expect(mapTlsError(code)).toBe(id));

  it.each([
    ['ENOTFOUND', 'net.dns'],
    ['EAI_AGAIN', 'net.dns'],
    ['ECONNREFUSED', 'net.refused'],
    ['ECONNRESET', 'net.reset'],
    ['EPIPE', 'net.reset'],
    ['ETIMEDOUT', 'net.timeout'],
    ['EHOSTUNREACH', 'net.unreachable'],
    ['ENETUNREACH', 'net.unreachable'],
    ['CERT_HAS_EXPIRED', 'net.tls.expired'],
  ])('socket %s → %s', (code, id) => expect(mapSocketError(code)).toBe(id));

  it('treats a hang-up without a code as a cut connection', () => {
    expect(mapSocketError(undefined, 'socket hang up')).toBe('net.reset');
  });

  it('recognises TLS codes the tables do not list, and nothing else', () => {
    expect(isTlsErrorCode('UNABLE_TO_GET_CRL')).toBe(true);
    expect(mapTlsError('UNABLE_TO_GET_CRL')).toBe('net.tls.untrusted');
    expect(isTlsErrorCode('ERR_SSL_WRONG_VERSION_NUMBER')).toBe(true);
    expect(mapSocketError('ERR_TLS_HANDSHAKE_TIMEOUT')).toBe('net.tls.handshakeFailed');
    expect(isTlsErrorCode('ECONNRESET')).toBe(false);
    expect(isTlsErrorCode(undefined)).toBe(false);
  });
});
