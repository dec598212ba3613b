// The names a Kerberos profile signs in with: the client principal (from the profile's user name and realm) and
// the service principal name of the server a request goes to (HTTP/<host>, or the one the administrator set).

export interface KerberosAccount {
  /** user@REALM (GSSAPI); just "user" when the realm comes from the machine's Kerberos configuration. */
  principal: string;
  realm: string;
  /** For SSPI with explicit credentials. */
  user: string;
  domain: string;
}

/** HTTP/<host of the URL>, as Windows forms it (no port, no brackets). */
export function defaultSpn(url: string): string {
  return `HTTP/${new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase()}`;
}

/**
 * svc@contoso.com → svc@CONTOSO.COM (the UPN suffix is the AD realm unless the profile names another);
 * CONTOSO\svc → svc@<realm>, or just "svc" for the machine's default realm.
 */
export function kerberosAccount(username: string, realmSetting?: string): KerberosAccount {
  const slash = username.indexOf('\\');
  if (slash > 0) {
    const user = username.slice(slash + 1);
    const realm = realmSetting?.toUpperCase() ?? '';
    return { principal: realm ? `${user}@${realm}` : user, realm, user, domain: username.slice(0, slash) };
  }
  const at = username.lastIndexOf('@');
  const user = at > 0 ? username.slice(0, at) : username;
  const realm = (realmSetting ?? (at > 0 ? username.slice(at + 1) : '')).toUpperCase();
  return { principal: realm ? `${user}@${realm}` : user, realm, user, domain: realm };
}

/** GSSAPI wants a host-based service name (HTTP@host); SSPI takes the SPN itself (HTTP/host). */
export function gssServiceName(spn: string): string {
  const i = spn.indexOf('/');
  return i > 0 ? `${spn.slice(0, i)}@${spn.slice(i + 1).replace(/[:@].*$/, '')}` : spn;
}
