// What every EWS operation needs to make a call: the transport, the resolved URL and the profile's choices.
import type { Logger } from '../../log/logger.js';
import type { ExchangeVersionName, LibraryCallContext } from './library-call.js';
import type { EwsTransport } from './transport/ews-transport.js';

export interface EwsSession {
  transport: EwsTransport;
  url: string;
  version: ExchangeVersionName;
  username: string;
  access: 'impersonation' | 'delegate';
  /** IANA zone for items without one (the profile's timeZone). */
  fallbackZone: string;
  logger: Logger;
  /** Legacy EWS on Microsoft 365: app-only tokens must always impersonate; calls for no mailbox act as this one. */
  appOnlyAnchor?: string;
}

export function callContext(s: EwsSession, mailbox?: string, folder?: string, impersonate?: boolean): LibraryCallContext {
  if (s.appOnlyAnchor) return { transport: s.transport, url: s.url, version: s.version, username: s.username, access: 'impersonation', mailbox: mailbox ?? s.appOnlyAnchor, folder, impersonate: true };
  return { transport: s.transport, url: s.url, version: s.version, username: s.username, access: s.access, mailbox, folder, impersonate };
}
