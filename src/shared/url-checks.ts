// Checks on URLs a user types into a profile or a job. Pure: no Node, Electron or DOM imports.

/** True when the URL carries a user name or a password (`http://user:pw@host`): those belong in the secret store. */
export function hasUrlCredentials(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const u = new URL(s);
  return u.username !== '' || u.password !== '';
}

/**
 * True for an absolute path on Windows (C:\dir, C:/dir, \\server\share) or POSIX (/dir). A relative path would be
 * resolved against whatever folder the process happens to run in (a service: C:\Windows\System32).
 */
export function isAbsolutePath(p: string): boolean {
  return /^(?:[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+|\/)/.test(p);
}
