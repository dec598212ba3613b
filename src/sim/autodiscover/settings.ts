// What Autodiscover tells a client about a mailbox: the EWS URL (this simulator) and identity details.
import type { SimMailbox } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { hash32 } from '../world/prng.js';
import { SERVER_VERSION } from '../ews/soap.js';

export function mailboxGuid(smtp: string): string {
  const h = (s: string) => hash32(s).toString(16).padStart(8, '0');
  const a = h(smtp);
  const b = h(smtp + '1');
  const c = h(smtp + '2');
  const d = h(smtp + '3');
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

export const DEPLOYMENT_ID = '0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f';

/** Exchange's packed ServerVersion hex (0x7, major, minor, 1, build). */
export function serverVersionHex(): string {
  const v = (0x7 << 28) | (SERVER_VERSION.major << 22) | (SERVER_VERSION.minor << 16) | (1 << 15) | SERVER_VERSION.build;
  return (v >>> 0).toString(16).toUpperCase();
}

export function userSettings(world: SimWorld, mb: SimMailbox, baseUrl: string): Record<string, string> {
  const ews = `${baseUrl}/EWS/Exchange.asmx`;
  const server = `${mailboxGuid(mb.smtp)}@${world.domain}`;
  return {
    UserDisplayName: mb.displayName,
    UserDN: mb.legacyDn,
    UserDeploymentId: DEPLOYMENT_ID,
    AutoDiscoverSMTPAddress: mb.smtp,
    InternalEwsUrl: ews,
    ExternalEwsUrl: ews,
    EwsSupportedSchemas:
      'Exchange2007, Exchange2007_SP1, Exchange2010, Exchange2010_SP1, Exchange2010_SP2, Exchange2013, Exchange2013_SP1, Exchange2015, Exchange2016',
    InternalMailboxServer: server,
    ExternalMailboxServer: new URL(baseUrl).host,
    MailboxDN: `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=${server}/cn=Microsoft Private MDB`,
    ActiveDirectoryServer: `dc01.${world.domain}`,
    CasVersion: `${SERVER_VERSION.major}.${SERVER_VERSION.minor}.${SERVER_VERSION.build}.${SERVER_VERSION.minorBuild}`,
    ExternalEwsVersion: `${SERVER_VERSION.major}.${String(SERVER_VERSION.minor).padStart(2, '0')}.${String(SERVER_VERSION.build).padStart(4, '0')}.${String(SERVER_VERSION.minorBuild).padStart(3, '0')}`,
    InternalWebClientUrls: `${baseUrl}/owa/`,
    ExternalWebClientUrls: `${baseUrl}/owa/`,
  };
}
