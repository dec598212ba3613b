// Exchange ResponseCodes (from SOAP faults and ResponseMessages) → catalogue entries, in one place so the
// transport (faults) and the operations (per-message errors) say the same thing for the same code.
import { CalpumpError } from '../../errors/calpump-error.js';
import { child, descendants, textOf, type XmlNode } from './xml/safe-xml.js';

export interface EwsCallContext {
  url: string;
  username: string;
  access: 'impersonation' | 'delegate';
  /** The mailbox the call acts on (impersonated or opened as delegate). */
  mailbox?: string;
  /** Folder the call addresses: a distinguished id ('calendar') or an EWS folder id. */
  folder?: string;
}

const DISTINGUISHED = new Set(['calendar', 'contacts', 'tasks', 'msgfolderroot', 'inbox', 'root', 'publicfoldersroot']);

export interface EwsFault {
  code: string;
  text: string;
  backoffMs?: number;
}

function backoffOf(messageXml: XmlNode | undefined): number | undefined {
  if (!messageXml) return undefined;
  const v = descendants(messageXml, 'Value').find((n) => n.attrs.Name === 'BackOffMilliseconds');
  const ms = v ? Number(v.text) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** The SOAP fault of an answer, if any (code from detail/ResponseCode, else faultcode without prefix). */
export function readFault(envelope: XmlNode): EwsFault | undefined {
  const fault = child(child(envelope, 'Body'), 'Fault');
  if (!fault) return undefined;
  const detail = child(fault, 'detail') ?? child(fault, 'Detail');
  const code = textOf(detail, 'ResponseCode') ?? (textOf(fault, 'faultcode') ?? 'SoapFault').replace(/^.*:/, '');
  const text = textOf(fault, 'faultstring') ?? textOf(detail, 'Message') ?? code;
  return { code: code.trim(), text: text.trim(), backoffMs: backoffOf(child(detail, 'MessageXml')) };
}

/** Every ResponseMessage (…ResponseMessage elements with a ResponseClass) of an answer body. */
export function responseMessages(envelope: XmlNode): XmlNode[] {
  const body = child(envelope, 'Body');
  if (!body) return [];
  return descendants(body, 'ResponseMessages').flatMap((rm) => rm.children.filter((c) => c.attrs.ResponseClass));
}

export function messageError(msg: XmlNode): EwsFault | undefined {
  if (msg.attrs.ResponseClass !== 'Error') return undefined;
  const code = (textOf(msg, 'ResponseCode') ?? 'ErrorUnknown').trim();
  return { code, text: (textOf(msg, 'MessageText') ?? code).trim(), backoffMs: backoffOf(child(msg, 'MessageXml')) };
}

/** ErrorServerBusy anywhere in the answer (fault or message) with its requested back-off. */
export function serverBusy(envelope: XmlNode): EwsFault | undefined {
  const f = readFault(envelope);
  if (f?.code === 'ErrorServerBusy') return f;
  for (const m of responseMessages(envelope)) {
    const e = messageError(m);
    if (e?.code === 'ErrorServerBusy') return e;
  }
  return undefined;
}

export function errorForResponseCode(code: string, text: string, ctx: EwsCallContext, backoffMs?: number): CalpumpError {
  const evidence = `${code}: ${text}`;
  const mailbox = ctx.mailbox ?? '?';
  switch (code) {
    case 'ErrorImpersonateUserDenied':
    case 'ErrorImpersonationDenied':
    case 'ErrorImpersonationFailed':
      return new CalpumpError('ews.impersonation.denied', { params: { username: ctx.username, mailbox }, evidence });
    case 'ErrorNonExistentMailbox':
    case 'ErrorMailboxNotFound':
    case 'ErrorInvalidSmtpAddress':
    case 'ErrorNoPublicFolderReplicaAvailable':
      return new CalpumpError('ews.mailbox.notFound', { params: { mailbox }, evidence });
    case 'ErrorServerBusy':
      return new CalpumpError('ews.server.busy', { params: { backoffMs: String(backoffMs ?? 0) }, evidence });
    case 'ErrorAccessDenied':
      if (ctx.access === 'delegate') return new CalpumpError('ews.delegate.accessDenied', { params: { code, username: ctx.username, mailbox }, evidence });
      break;
    case 'ErrorFolderNotFound':
    case 'ErrorFolderNotFoundInStore':
      // In delegate mode Exchange answers ErrorFolderNotFound for a well-known folder the caller may not see.
      if (ctx.access === 'delegate' && (!ctx.folder || DISTINGUISHED.has(ctx.folder))) {
        return new CalpumpError('ews.delegate.accessDenied', { params: { code, username: ctx.username, mailbox }, evidence });
      }
      return new CalpumpError('ews.folder.notFound', { params: { folder: ctx.folder ?? '?', mailbox }, evidence });
    case 'ErrorSchemaValidation':
    case 'ErrorInvalidRequest':
    case 'ErrorInvalidServerVersion':
      return new CalpumpError('ews.soap.fault', { params: { text: evidence }, evidence });
  }
  return new CalpumpError('ews.response.error', { params: { code, text }, evidence });
}
