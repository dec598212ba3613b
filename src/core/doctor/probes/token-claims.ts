// Reads the permissions out of an access token (a JWT's payload; the signature is Graph's business, not ours)
// and compares them with what Calpump needs. The token itself is never logged or returned.
export interface TokenClaims {
  roles?: string[];
  scp?: string;
  exp?: number;
  aud?: string;
}

export function readTokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** Each need is met by any one of its alternatives (a broader permission covers a narrower one). */
const NEEDS = {
  application: [
    ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.ReadBasic.All'],
    ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'User.ReadBasic.All'],
  ],
  delegated: [
    ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared', 'Calendars.Read', 'Calendars.ReadWrite'],
    ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  ],
} as const;

export interface PermissionGap {
  kind: 'application' | 'delegated';
  granted: string[];
  /** The first alternative of every need nothing in the token satisfies. */
  missing: string[];
}

/** What contacts and tasks jobs need besides (To Do has no shared delegated permission: a user reads their own). */
const CONTENT_NEEDS = {
  application: {
    contacts: ['Contacts.Read', 'Contacts.ReadWrite'],
    tasks: ['Tasks.Read.All', 'Tasks.ReadWrite.All'],
  },
  delegated: {
    contacts: ['Contacts.Read.Shared', 'Contacts.ReadWrite.Shared', 'Contacts.Read', 'Contacts.ReadWrite'],
    tasks: ['Tasks.Read', 'Tasks.ReadWrite'],
  },
} as const;

/** `contents`: contacts or tasks the profile's jobs export, whose read permissions are then needed as well. */
export function tokenPermissionGap(
  claims: TokenClaims,
  kind: 'application' | 'delegated',
  contents: Array<'contacts' | 'tasks'> = [],
): PermissionGap {
  const granted = kind === 'application' ? [...(claims.roles ?? [])] : (claims.scp ?? '').split(/\s+/).filter(Boolean);
  const have = new Set(granted.map((g) => g.toLowerCase()));
  const needs: ReadonlyArray<readonly string[]> = [...NEEDS[kind], ...[...new Set(contents)].sort().map((c) => CONTENT_NEEDS[kind][c])];
  const missing = needs.filter((alts) => !alts.some((a) => have.has(a.toLowerCase()))).map((alts) => alts[0]);
  return { kind, granted, missing };
}
