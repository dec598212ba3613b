// SOAP envelopes for the requests ews-javascript-api cannot build (FindPeople, Autodiscover GetUserSettings).
// Same header shape as the library's: RequestServerVersion, then ExchangeImpersonation when impersonating.
import { escapeXml } from '../xml/safe-xml.js';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  m: 'http://schemas.microsoft.com/exchange/services/2006/messages',
  t: 'http://schemas.microsoft.com/exchange/services/2006/types',
};

export function ewsEnvelope(body: string, opts: { version: string; impersonate?: string }): string {
  const impersonation = opts.impersonate
    ? `<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${escapeXml(opts.impersonate)}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`
    : '';
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${NS.soap}" xmlns:m="${NS.m}" xmlns:t="${NS.t}">` +
    `<soap:Header><t:RequestServerVersion Version="${escapeXml(opts.version)}"/>${impersonation}</soap:Header>` +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}
