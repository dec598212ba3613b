// The doctor's one SOAP request (GetFolder on the calendar, as the profile would access it) and a reader for
// the three facts it needs from the answer: ServerVersionInfo, ResponseClass/ResponseCode, or a SOAP fault.
// Envelope, escaping and the reading of faults and response messages are the EWS connector's own, so the
// doctor and a sync send and read the same XML; this file only picks the facts the steps tell apart.
import { CalpumpError } from '../../errors/calpump-error.js';
import { messageError, readFault, responseMessages } from '../../connectors/ews/ews-errors.js';
import { ewsEnvelope } from '../../connectors/ews/soap/envelope.js';
import { child, descendants, escapeXml, parseXml, textOf, XmlUnsafeError, type XmlNode } from '../../connectors/ews/xml/safe-xml.js';

export interface GetCalendarRequest {
  version: string;
  access: 'impersonation' | 'delegate';
  /** Mailbox to open; undefined = the account's own mailbox (credentials check only). */
  mailbox?: string;
}

export function getCalendarFolderSoap(r: GetCalendarRequest): string {
  const owner =
    r.mailbox && r.access === 'delegate' ? `<t:Mailbox><t:EmailAddress>${escapeXml(r.mailbox)}</t:EmailAddress></t:Mailbox>` : '';
  const body =
    '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>' +
    `<m:FolderIds><t:DistinguishedFolderId Id="calendar">${owner}</t:DistinguishedFolderId></m:FolderIds></m:GetFolder>`;
  return ewsEnvelope(body, { version: r.version, impersonate: r.access === 'impersonation' ? r.mailbox : undefined });
}

export interface SoapAnswer {
  isSoap: boolean;
  serverVersion?: string;
  responseClass?: string;
  responseCode?: string;
  messageText?: string;
  fault?: string;
  /** BackOffMilliseconds the server asked for (ErrorServerBusy). */
  backoffMs?: number;
}

const VERSION_PARTS = ['MajorVersion', 'MinorVersion', 'MajorBuildNumber', 'MinorBuildNumber'];

function envelopeOf(body: string, url: string): XmlNode | undefined {
  try {
    const root = parseXml(body);
    return root.name === 'Envelope' && child(root, 'Body') ? root : undefined;
  } catch (e) {
    // An HTML page is simply "not SOAP"; an envelope that does not parse is a broken (or unsafe) answer.
    if (!/<(?:[\w-]+:)?Envelope\b/.test(body)) return undefined;
    if (e instanceof XmlUnsafeError) throw new CalpumpError('ews.xml.unsafe', { evidence: e.message });
    throw new CalpumpError('ews.response.malformed', { params: { url }, evidence: (e as Error).message });
  }
}

/** url: where the answer came from, named when the answer turns out broken. */
export function readSoapAnswer(body: string, url = 'EWS'): SoapAnswer {
  const envelope = envelopeOf(body, url);
  if (!envelope) return { isSoap: false };
  const svi = child(child(envelope, 'Header'), 'ServerVersionInfo');
  const serverVersion = svi
    ? [svi.attrs.Version, VERSION_PARTS.map((a) => svi.attrs[a] ?? '?').join('.')].filter(Boolean).join(' ')
    : undefined;
  const fault = readFault(envelope);
  const msg = responseMessages(envelope)[0];
  return {
    isSoap: true,
    serverVersion,
    responseClass: msg?.attrs.ResponseClass,
    // A SOAP fault carries its code in detail/ResponseCode (ErrorImpersonateUserDenied, ErrorSchemaValidation…).
    responseCode: fault?.code ?? (msg ? textOf(msg, 'ResponseCode') : undefined),
    messageText: fault?.text ?? (msg ? textOf(msg, 'MessageText') : undefined),
    fault: fault?.text,
    backoffMs: fault?.backoffMs ?? (msg ? messageError(msg)?.backoffMs : undefined),
  };
}

/** ResolveNames for one entry, as the account itself: used to tell a UPN from the mailbox's SMTP address. */
export function resolveNamesSoap(version: string, entry: string): string {
  const body = `<m:ResolveNames ReturnFullContactData="false" SearchScope="ActiveDirectory"><m:UnresolvedEntry>${escapeXml(entry)}</m:UnresolvedEntry></m:ResolveNames>`;
  return ewsEnvelope(body, { version });
}

/** SMTP addresses of the mailboxes in a ResolveNames answer. */
export function resolvedMailboxes(body: string): string[] {
  const envelope = envelopeOf(body, 'ResolveNames');
  if (!envelope) return [];
  return descendants(envelope, 'Mailbox')
    .filter((m) => (textOf(m, 'RoutingType') ?? 'SMTP') === 'SMTP')
    .map((m) => textOf(m, 'EmailAddress'))
    .filter((a): a is string => !!a);
}
