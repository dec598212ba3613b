// The doctor's one SOAP request (GetFolder on the calendar, as the profile would access it) and a reader for
// the three facts it needs from the answer: ServerVersionInfo, ResponseClass/ResponseCode, or a SOAP fault.
// Deliberately tiny: the real operations live in the EWS connector; this only has to tell the steps apart.

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export interface GetCalendarRequest {
  version: string;
  access: 'impersonation' | 'delegate';
  /** Mailbox to open; undefined = the account's own mailbox (credentials check only). */
  mailbox?: string;
}

export function getCalendarFolderSoap(r: GetCalendarRequest): string {
  const impersonate =
    r.mailbox && r.access === 'impersonation'
      ? `<t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>${xmlEscape(r.mailbox)}</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`
      : '';
  const owner = r.mailbox && r.access === 'delegate' ? `<t:Mailbox><t:EmailAddress>${xmlEscape(r.mailbox)}</t:EmailAddress></t:Mailbox>` : '';
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">' +
    `<soap:Header><t:RequestServerVersion Version="${xmlEscape(r.version)}"/>${impersonate}</soap:Header>` +
    '<soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>' +
    `<m:FolderIds><t:DistinguishedFolderId Id="calendar">${owner}</t:DistinguishedFolderId></m:FolderIds>` +
    '</m:GetFolder></soap:Body></soap:Envelope>'
  );
}

export interface SoapAnswer {
  isSoap: boolean;
  serverVersion?: string;
  responseClass?: string;
  responseCode?: string;
  messageText?: string;
  fault?: string;
  /** The answer itself, for details such as BackOffMilliseconds. */
  raw?: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const text = (xml: string, local: string) => {
  const m = new RegExp(`<(?:[\\w-]+:)?${local}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${local}>`).exec(xml);
  return m ? unescape(m[1].trim()) : undefined;
};
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export function readSoapAnswer(body: string): SoapAnswer {
  const isSoap = /<(?:[\w-]+:)?Envelope\b[^>]*schemas\.xmlsoap\.org\/soap\/envelope/.test(body);
  if (!isSoap) return { isSoap };
  const svi = /<(?:[\w-]+:)?ServerVersionInfo\b[^>]*>/.exec(body)?.[0];
  const serverVersion = svi
    ? [attr(svi, 'Version'), ['MajorVersion', 'MinorVersion', 'MajorBuildNumber', 'MinorBuildNumber'].map((a) => attr(svi, a) ?? '?').join('.')]
        .filter(Boolean)
        .join(' ')
    : undefined;
  const msg = /<(?:[\w-]+:)?\w+ResponseMessage\b[^>]*>/.exec(body)?.[0];
  const fault = text(body, 'faultstring');
  return {
    isSoap,
    serverVersion,
    responseClass: msg ? attr(msg, 'ResponseClass') : undefined,
    // A SOAP fault carries its code in detail/ResponseCode (ErrorImpersonateUserDenied, ErrorSchemaValidation…).
    responseCode: text(body, 'ResponseCode'),
    messageText: text(body, 'MessageText') ?? fault,
    fault,
    raw: body.slice(0, 4000),
  };
}

/** ResolveNames for one entry, as the account itself: used to tell a UPN from the mailbox's SMTP address. */
export function resolveNamesSoap(version: string, entry: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">' +
    `<soap:Header><t:RequestServerVersion Version="${xmlEscape(version)}"/></soap:Header>` +
    `<soap:Body><m:ResolveNames ReturnFullContactData="false" SearchScope="ActiveDirectory"><m:UnresolvedEntry>${xmlEscape(entry)}</m:UnresolvedEntry></m:ResolveNames></soap:Body></soap:Envelope>`
  );
}

/** SMTP addresses of the mailboxes in a ResolveNames answer. */
export function resolvedMailboxes(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/<(?:[\w-]+:)?Mailbox>([\s\S]*?)<\/(?:[\w-]+:)?Mailbox>/g)) {
    const addr = text(m[1], 'EmailAddress');
    const routing = text(m[1], 'RoutingType');
    if (addr && (!routing || routing === 'SMTP')) out.push(addr);
  }
  return out;
}
