// Envelope → operation element, RequestServerVersion and ExchangeImpersonation, with Exchange's faults.
import { attr, child, childText, elementChildren, parseXml, XmlRejected } from '../xml/safe-parse.js';
import { windowsToIana } from '../../shared/time-zones.js';
import type { ImpersonationHeader } from './call.js';
import { EwsFault, NS } from './soap.js';

export const VERSIONS = [
  'Exchange2007',
  'Exchange2007_SP1',
  'Exchange2010',
  'Exchange2010_SP1',
  'Exchange2010_SP2',
  'Exchange2013',
  'Exchange2013_SP1',
  'Exchange2015',
  'Exchange2016',
  'V2015_10_05',
  'V2016_01_06',
  'V2016_04_13',
  'V2016_07_13',
  'V2016_10_10',
  'V2017_01_07',
  'V2017_04_14',
  'V2017_07_11',
];

export function versionAtLeast(version: string, min: string): boolean {
  return VERSIONS.indexOf(version) >= VERSIONS.indexOf(min);
}

export interface ParsedEwsRequest {
  operation: string;
  op: Element;
  version: string;
  impersonation?: ImpersonationHeader;
  /** IANA zone from the TimeZoneContext header (used when CreateItem gives no StartTimeZone). */
  timeZoneContext?: string;
}

export class SchemaViolation extends Error {}

export function parseEwsRequest(body: string): ParsedEwsRequest {
  let doc: Document;
  try {
    doc = parseXml(body);
  } catch (e) {
    const msg = e instanceof XmlRejected ? e.message : 'The request is not well-formed XML.';
    throw new SchemaViolation(msg);
  }
  const env = doc.documentElement;
  if (env.localName !== 'Envelope' || env.namespaceURI !== NS.soap) {
    throw new SchemaViolation(`The element '${env.localName}' in namespace '${env.namespaceURI ?? ''}' is not a SOAP 1.1 Envelope.`);
  }
  const header = child(env, 'Header', NS.soap);
  const soapBody = child(env, 'Body', NS.soap);
  const op = elementChildren(soapBody)[0];
  if (!op) throw new SchemaViolation('The SOAP Body is empty.');
  if (op.namespaceURI !== NS.m) {
    throw new SchemaViolation(`The element '${op.localName}' in namespace '${op.namespaceURI ?? ''}' is not expected.`);
  }
  const rsv = child(header, 'RequestServerVersion', NS.t);
  // No RequestServerVersion: Exchange assumes the oldest schema it speaks (Exchange2007).
  const version = rsv ? (attr(rsv, 'Version') ?? '') : 'Exchange2007';
  if (!VERSIONS.includes(version)) throw new EwsFault('ErrorInvalidServerVersion', 'The specified server version is invalid.');

  let impersonation: ImpersonationHeader | undefined;
  const imp = child(header, 'ExchangeImpersonation', NS.t);
  if (imp) {
    const sid = child(imp, 'ConnectingSID', NS.t);
    const which = (['PrimarySmtpAddress', 'SmtpAddress', 'PrincipalName', 'SID'] as const).find((k) => child(sid, k, NS.t));
    if (!sid || !which) throw new SchemaViolation("The element 'ConnectingSID' has incomplete content.");
    impersonation = { kind: which, value: childText(sid, which, NS.t) ?? '' };
  }
  const tzDef = child(child(header, 'TimeZoneContext', NS.t), 'TimeZoneDefinition', NS.t);
  const tzId = tzDef ? attr(tzDef, 'Id') : undefined;
  const timeZoneContext = tzId ? windowsToIana(tzId) : undefined;
  return { operation: op.localName, op, version, impersonation, timeZoneContext };
}
