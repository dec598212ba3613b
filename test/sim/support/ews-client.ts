// Minimal raw SOAP client for simulator tests: HTTPS trusting the per-run CA, Basic auth by default.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { RunningSimulator } from '../../../src/sim/index.js';

export const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
export const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
export const S = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawRequest(
  sim: RunningSimulator,
  path: string,
  body: string | undefined,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<RawResponse> {
  const url = new URL(path, sim.url);
  const isTls = url.protocol === 'https:';
  const ca = sim.caFile ? readFileSync(sim.caFile) : undefined;
  return new Promise((resolve, reject) => {
    const req = (isTls ? httpsRequest : httpRequest)(
      url,
      { method, headers: { 'Content-Type': 'text/xml; charset=utf-8', ...headers }, ...(isTls ? { ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function basic(user: string, password = 'Passw0rd!'): Record<string, string> {
  return { Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64') };
}

export interface SoapOptions {
  user?: string;
  password?: string;
  impersonate?: string;
  impersonateKind?: 'PrimarySmtpAddress' | 'SmtpAddress' | 'PrincipalName';
  version?: string | null;
}

export function envelope(bodyXml: string, o: SoapOptions = {}): string {
  const version = o.version === null ? '' : `<t:RequestServerVersion Version="${o.version ?? 'Exchange2013'}"/>`;
  const imp = o.impersonate
    ? `<t:ExchangeImpersonation><t:ConnectingSID><t:${o.impersonateKind ?? 'PrimarySmtpAddress'}>${o.impersonate}</t:${o.impersonateKind ?? 'PrimarySmtpAddress'}></t:ConnectingSID></t:ExchangeImpersonation>`
    : '';
  return (
    `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${S}" xmlns:t="${T}" xmlns:m="${M}">` +
    `<soap:Header>${version}${imp}</soap:Header><soap:Body>${bodyXml}</soap:Body></soap:Envelope>`
  );
}

export async function soap(sim: RunningSimulator, bodyXml: string, o: SoapOptions = {}): Promise<RawResponse & { doc: Document }> {
  const res = await rawRequest(sim, '/EWS/Exchange.asmx', envelope(bodyXml, o), basic(o.user ?? 'svc-calpump@contoso.com', o.password));
  const doc = new DOMParser().parseFromString(res.body, 'text/xml');
  return { ...res, doc };
}

export function all(doc: Document | Element, ns: string, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(ns, name));
}

export function first(doc: Document | Element, ns: string, name: string): Element | undefined {
  return all(doc, ns, name)[0];
}

export function textOf(doc: Document | Element, ns: string, name: string): string | undefined {
  return first(doc, ns, name)?.textContent ?? undefined;
}

export function responseCodes(doc: Document): string[] {
  return all(doc, M, 'ResponseCode').map((e) => e.textContent ?? '');
}
