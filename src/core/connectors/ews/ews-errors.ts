// Reading Exchange ResponseCodes (from SOAP faults and ResponseMessages) and turning them into CalpumpErrors, in
// one place so the transport (faults) and the operations (per-message errors) say the same thing for one code.
import { CalpumpError } from '../../errors/calpump-error.js';
import { mapEwsResponseCode } from '../../errors/error-map.js';
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
  // EWS puts them at Body/<Op>Response/ResponseMessages: look there first, so a 1 MB answer is not walked
  // node by node on every call; anything else (no such shape) gets the full search.
  const shallow = body.children.flatMap((r) => r.children.filter((c) => c.name === 'ResponseMessages'));
  const lists = shallow.length ? shallow : descendants(body, 'ResponseMessages');
  return lists.flatMap((rm) => rm.children.filter((c) => c.attrs.ResponseClass));
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

/**
 * The CalpumpError for an EWS ResponseCode. The id comes from mapEwsResponseCode (shared with the doctor); the
 * params cover every placeholder an EWS entry may use, so any entry renders complete.
 */
export function errorForResponseCode(code: string, text: string, ctx: EwsCallContext, backoffMs?: number): CalpumpError {
  const id = mapEwsResponseCode(code, { access: ctx.access, folder: ctx.folder });
  const params = {
    code,
    text,
    username: ctx.username,
    mailbox: ctx.mailbox ?? '?',
    folder: ctx.folder ?? '?',
    backoffMs: String(backoffMs ?? 0),
  };
  return new CalpumpError(id, { params, evidence: `${code}: ${text}` });
}
