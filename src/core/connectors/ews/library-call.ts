// Runs one ews-javascript-api call on a fresh ExchangeService wired to our transport, and turns whatever the
// library throws into a CalpumpError. A fresh service per call keeps impersonation and the error side channel
// (LibraryXhr.lastError) from leaking between concurrent calls. The library (with moment, moment-timezone and
// xmldom, ~50 MB resident) is loaded on first use only: the hot read path (native/) never needs it.
import type * as Ews from 'ews-javascript-api';
import { CalpumpError } from '../../errors/calpump-error.js';
import { errorForResponseCode, type EwsCallContext } from './ews-errors.js';
import type { EwsTransport } from './transport/ews-transport.js';
import { LibraryXhr } from './transport/library-xhr.js';

export type EwsLibrary = typeof Ews;

let library: Promise<EwsLibrary> | undefined;
export function loadLibrary(): Promise<EwsLibrary> {
  library ??= import('ews-javascript-api').then((m) => (m as { default?: EwsLibrary }).default ?? m);
  return library;
}

/** Authentication belongs to the transport; the library only needs a credentials object to be present. */
let credentialsClass: (new () => Ews.ExchangeCredentials) | undefined;
function transportCredentials(ews: EwsLibrary): Ews.ExchangeCredentials {
  credentialsClass ??= class TransportCredentials extends ews.ExchangeCredentials {
    override PrepareWebRequest(): void {}
  };
  return new credentialsClass();
}

export type ExchangeVersionName = 'Exchange2010_SP2' | 'Exchange2013' | 'Exchange2013_SP1' | 'Exchange2016';

/** Where and as whom EWS calls go: shared by the session and every single call made in it. */
export interface EwsEndpoint {
  transport: EwsTransport;
  url: string;
  version: ExchangeVersionName;
  username: string;
  access: 'impersonation' | 'delegate';
}

export interface LibraryCallContext extends EwsEndpoint {
  /** Mailbox acted on; with access=impersonation it becomes the ExchangeImpersonation header. */
  mailbox?: string;
  /** Send ExchangeImpersonation (default: when access is impersonation and a mailbox is given). */
  impersonate?: boolean;
  folder?: string;
}

export function libraryVersion(ews: EwsLibrary, v: ExchangeVersionName): Ews.ExchangeVersion {
  // ews-javascript-api has no Exchange2016 member; the 2013_SP1 schema is what 2016+ servers accept too.
  return v === 'Exchange2016' ? ews.ExchangeVersion.Exchange2013_SP1 : ews.ExchangeVersion[v];
}

export function mapLibraryError(ews: EwsLibrary, e: unknown, ctx: EwsCallContext): CalpumpError {
  if (e instanceof CalpumpError) return e;
  const err = e as { ErrorCode?: number; Response?: { ErrorMessage?: string }; message?: string; Message?: string };
  if (typeof err?.ErrorCode === 'number' && ews.ServiceError[err.ErrorCode]) {
    const code = ews.ServiceError[err.ErrorCode];
    return errorForResponseCode(code, err.Response?.ErrorMessage ?? err.message ?? code, ctx);
  }
  const text = err?.message || err?.Message || String(e);
  return new CalpumpError('ews.response.malformed', { params: { url: ctx.url }, evidence: `ews-javascript-api: ${text}`, cause: e });
}

export async function libraryCall<T>(ctx: LibraryCallContext, fn: (svc: Ews.ExchangeService, ews: EwsLibrary) => Promise<T>): Promise<T> {
  const ews = await loadLibrary();
  const callCtx = { access: ctx.access, mailbox: ctx.mailbox, folder: ctx.folder };
  const xhr = new LibraryXhr(ctx.transport, callCtx);
  const svc = new ews.ExchangeService(libraryVersion(ews, ctx.version));
  svc.XHRApi = xhr;
  svc.Credentials = transportCredentials(ews);
  svc.Url = new ews.Uri(ctx.url);
  const impersonate = ctx.impersonate ?? (ctx.access === 'impersonation' && !!ctx.mailbox);
  if (impersonate && ctx.mailbox) svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, ctx.mailbox);
  try {
    return await fn(svc, ews);
  } catch (e) {
    if (xhr.lastError) throw xhr.lastError;
    throw mapLibraryError(ews, e, { ...callCtx, url: ctx.url, username: ctx.username });
  }
}

/** Folder id for the library: a distinguished name ('calendar', 'msgfolderroot', …) in a mailbox, or an EWS id. */
export function libraryFolderId(ews: EwsLibrary, folder: string, mailbox: string | undefined): Ews.FolderId {
  const name = DISTINGUISHED[folder.toLowerCase()];
  if (name !== undefined) {
    const wk = ews.WellKnownFolderName[name] as Ews.WellKnownFolderName;
    return mailbox ? new ews.FolderId(wk, new ews.Mailbox(mailbox)) : new ews.FolderId(wk);
  }
  return new ews.FolderId(folder);
}

const DISTINGUISHED: Record<string, 'Calendar' | 'Contacts' | 'Tasks' | 'MsgFolderRoot' | 'Inbox' | 'Root'> = {
  calendar: 'Calendar',
  contacts: 'Contacts',
  tasks: 'Tasks',
  msgfolderroot: 'MsgFolderRoot',
  inbox: 'Inbox',
  root: 'Root',
};

export function isDistinguished(folder: string): boolean {
  return folder.toLowerCase() in DISTINGUISHED;
}

/** "2026-01-05T09:00:00.000Z" from the library's DateTime (moment-based, always an absolute instant). */
export function isoOf(dt: Ews.DateTime | null | undefined): string | undefined {
  if (!dt) return undefined;
  const ms = dt.TotalMilliSeconds;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

export function toLibraryDate(ews: EwsLibrary, d: Date): Ews.DateTime {
  return ews.DateTime.Parse(d.toISOString());
}

/** Reads a property the library may not have loaded (it throws for requested-but-absent ones). */
export function prop<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
