// Our own SOAP for the hot read path (FindItem, GetItem, SyncFolderItems): built as strings, posted through the
// transport, and read from the XmlNode tree the transport already parsed — no second parse, no library objects.
import { CalpumpError } from '../../../errors/calpump-error.js';
import { errorForResponseCode, messageError, responseMessages, type EwsCallContext } from '../ews-errors.js';
import { isDistinguished, type ExchangeVersionName } from '../library-call.js';
import { callContext, type EwsSession } from '../session.js';
import { ewsEnvelope } from '../soap/envelope.js';
import { escapeXml, type XmlCaptures, type XmlNode } from '../xml/safe-xml.js';

/** RequestServerVersion as the schema knows it: 2016+ servers accept the 2013_SP1 schema (as the library sends). */
export function requestVersion(v: ExchangeVersionName): string {
  return v === 'Exchange2016' ? 'Exchange2013_SP1' : v;
}

/** Folder element for a distinguished id ('calendar', with the mailbox) or an EWS folder id. */
export function folderIdXml(folder: string, mailbox: string | undefined): string {
  if (!isDistinguished(folder)) return `<t:FolderId Id="${escapeXml(folder)}"/>`;
  const mb = mailbox ? `<t:Mailbox><t:EmailAddress>${escapeXml(mailbox)}</t:EmailAddress></t:Mailbox>` : '';
  return `<t:DistinguishedFolderId Id="${escapeXml(folder.toLowerCase())}">${mb}</t:DistinguishedFolderId>`;
}

export function fieldUris(uris: readonly string[]): string {
  return uris.length ? `<t:AdditionalProperties>${uris.map((u) => `<t:FieldURI FieldURI="${u}"/>`).join('')}</t:AdditionalProperties>` : '';
}

export interface NativeAnswer {
  /** The …ResponseMessage elements, in request order. */
  messages: XmlNode[];
  ctx: EwsCallContext;
}

/** Posts one operation for a mailbox (impersonated or as delegate, as callContext decides). */
export async function postNative(
  s: EwsSession,
  mailbox: string | undefined,
  folder: string | undefined,
  body: string,
  captures?: XmlCaptures,
): Promise<NativeAnswer> {
  const c = callContext(s, mailbox, folder);
  const impersonate = c.impersonate ?? (c.access === 'impersonation' && !!c.mailbox);
  const envelope = ewsEnvelope(body, { version: requestVersion(s.version), impersonate: impersonate ? c.mailbox : undefined });
  const ctx: EwsCallContext = { url: s.url, username: s.username, access: c.access, mailbox: c.mailbox, folder };
  const answer = await s.transport.post(s.url, envelope, { access: c.access, mailbox: c.mailbox, folder }, {}, captures);
  const messages = responseMessages(answer.envelope);
  if (!messages.length) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'missing=ResponseMessages' });
  return { messages, ctx };
}

/** Throws the CalpumpError of an Error message (Warning and Success are answers). */
export function throwIfError(msg: XmlNode, ctx: EwsCallContext, allow: ReadonlySet<string> = NONE): string | undefined {
  const err = messageError(msg);
  if (!err) return undefined;
  if (allow.has(err.code)) return err.code;
  throw errorForResponseCode(err.code, err.text, ctx, err.backoffMs);
}

const NONE: ReadonlySet<string> = new Set();
