// SOAP 1.1 envelopes as Exchange 2019 writes them: ServerVersionInfo header, per-message ResponseClass,
// errors as response messages (MessageText, ResponseCode, DescriptiveLinkKey) or SOAP faults.
import { esc } from '../xml/escape.js';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
  e: 'http://schemas.microsoft.com/exchange/services/2006/errors',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xsd: 'http://www.w3.org/2001/XMLSchema',
} as const;

export const SERVER_VERSION = { major: 15, minor: 2, build: 1118, minorBuild: 7, version: 'V2017_07_11' };

const serverVersionInfo =
  `<h:ServerVersionInfo MajorVersion="${SERVER_VERSION.major}" MinorVersion="${SERVER_VERSION.minor}" MajorBuildNumber="${SERVER_VERSION.build}" ` +
  `MinorBuildNumber="${SERVER_VERSION.minorBuild}" Version="${SERVER_VERSION.version}" xmlns:h="${NS.t}" xmlns="${NS.t}" ` +
  `xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}"/>`;

export function envelope(bodyXml: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<s:Envelope xmlns:s="${NS.soap}"><s:Header>${serverVersionInfo}</s:Header>` +
    `<s:Body xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}">${bodyXml}</s:Body></s:Envelope>`
  );
}

/** `<m:{op}Response>` wrapping response messages (already rendered). */
export function operationResponse(operation: string, messagesXml: string): string {
  return `<m:${operation}Response xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>${messagesXml}</m:ResponseMessages></m:${operation}Response>`;
}

export interface EwsError {
  code: string;
  message: string;
  /** Extra `<t:Value Name="…">` entries in MessageXml (e.g. BackOffMilliseconds). */
  values?: Record<string, string>;
}

export function successMessage(messageName: string, innerXml = ''): string {
  return `<m:${messageName} ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>${innerXml}</m:${messageName}>`;
}

export function warningMessage(messageName: string, err: EwsError, innerXml = ''): string {
  return `<m:${messageName} ResponseClass="Warning"><m:MessageText>${esc(err.message)}</m:MessageText><m:ResponseCode>${err.code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>${innerXml}</m:${messageName}>`;
}

export function errorMessage(messageName: string, err: EwsError, innerXml = ''): string {
  const xml = err.values
    ? `<m:MessageXml>${Object.entries(err.values)
        .map(([k, v]) => `<t:Value Name="${esc(k)}">${esc(v)}</t:Value>`)
        .join('')}</m:MessageXml>`
    : '';
  return `<m:${messageName} ResponseClass="Error"><m:MessageText>${esc(err.message)}</m:MessageText><m:ResponseCode>${err.code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>${xml}${innerXml}</m:${messageName}>`;
}

/** SOAP fault body (HTTP 500), e.g. ErrorSchemaValidation, ErrorImpersonateUserDenied. */
export function soapFault(code: string, message: string, extraDetail = ''): string {
  // Faults carry no ServerVersionInfo header: Exchange rejects the request before versioning it.
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Body><s:Fault>` +
    `<faultcode xmlns:a="${NS.t}">a:${code}</faultcode><faultstring xml:lang="en-US">${esc(message)}</faultstring>` +
    `<detail><e:ResponseCode xmlns:e="${NS.e}">${code}</e:ResponseCode><e:Message xmlns:e="${NS.e}">${esc(message)}</e:Message>${extraDetail}</detail>` +
    `</s:Fault></s:Body></s:Envelope>`
  );
}

export function schemaValidationFault(violation: string, line = 1, position = 1): string {
  return soapFault(
    'ErrorSchemaValidation',
    'The request failed schema validation: ' + violation,
    `<t:MessageXml xmlns:t="${NS.t}"><t:LineNumber>${line}</t:LineNumber><t:LinePosition>${position}</t:LinePosition><t:Violation>${esc(violation)}</t:Violation></t:MessageXml>`,
  );
}

/** Thrown by operations to produce a SOAP fault instead of a response message. */
export class EwsFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detailXml = '',
  ) {
    super(message);
  }
}

/** Thrown by operations for a whole-request error answered as a single error response message. */
export class EwsResponseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly values?: Record<string, string>,
  ) {
    super(message);
  }
}

export function toEwsError(e: EwsResponseError): EwsError {
  return { code: e.code, message: e.message, values: e.values };
}
