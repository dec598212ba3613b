// What every EWS operation needs to make a call: the transport, the resolved URL and the profile's choices.
import type { Logger } from '../../log/logger.js';
import type { EwsEndpoint, LibraryCallContext } from './library-call.js';

export interface EwsSession extends EwsEndpoint {
  /** IANA zone for items without one (the profile's timeZone). */
  fallbackZone: string;
  logger: Logger;
  /** Legacy EWS on Microsoft 365: app-only tokens must always impersonate; calls for no mailbox act as this one. */
  appOnlyAnchor?: string;
  /**
   * Set once the server refused a property in FindItem (ErrorInvalidPropertyRequest): from then on FindItem asks for
   * times only and GetItem reads the rest — slower, but a server that differs from the ones we know still works.
   */
  leanFindItem?: boolean;
}

export function callContext(s: EwsSession, mailbox?: string, folder?: string, impersonate?: boolean): LibraryCallContext {
  const endpoint: EwsEndpoint = { transport: s.transport, url: s.url, version: s.version, username: s.username, access: s.access };
  if (s.appOnlyAnchor) return { ...endpoint, access: 'impersonation', mailbox: mailbox ?? s.appOnlyAnchor, folder, impersonate: true };
  return { ...endpoint, mailbox, folder, impersonate };
}
