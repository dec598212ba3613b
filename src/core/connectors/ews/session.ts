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
}

export function callContext(s: EwsSession, mailbox?: string, folder?: string, impersonate?: boolean): LibraryCallContext {
  return { transport: s.transport, url: s.url, version: s.version, username: s.username, access: s.access, mailbox, folder, impersonate };
}
