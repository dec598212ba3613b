// The profile form without React: flat string state ↔ Profile, validation through the shared zod schemas,
// and each zod issue mapped to the field that shows it (with a translated message key, not zod's English).
// Secrets live beside the profile, never inside it: the payload carries only secrets the user typed now;
// already stored secrets are known by name only ("stored") and are never sent back to the UI.
import { ianaToWindows, knownWindowsZones } from '../../shared/time-zones.js';
import { ewsProfileSchema, graphProfileSchema, type Profile, type SecretName } from '../../shared/profile.js';
import type { MessageKey } from '../../shared/i18n/index.js';
import { mapIssues, type FieldErrors } from './profile-form-errors.js';

export type { FieldErrors } from './profile-form-errors.js';

export * from './profile-form-state.js';
import type { FieldId, ProfileFormState, ProfileKind } from './profile-form-state.js';
export type SecretField = 'password' | 'clientSecret' | 'certificate' | 'proxyPassword';

export interface ProfileSubmit {
  profile: Profile;
  /** Only secrets typed in this edit; an omitted name keeps the stored value. */
  secrets: Partial<Record<SecretName, string>>;
}

export type ValidationResult = { ok: true; value: ProfileSubmit } | { ok: false; errors: FieldErrors };

/** The viewer's own zone as Exchange names it (W. Europe Standard Time), so a new profile does not default to UTC. */
export function viewerWindowsZone(): string {
  const iana = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const win = ianaToWindows(iana);
  return knownWindowsZones().includes(win) ? win : 'UTC';
}

export function emptyForm(kind: ProfileKind = 'ews'): ProfileFormState {
  return {
    kind,
    name: '',
    endpointMode: 'url',
    url: '',
    autodiscoverEmail: '',
    auth: 'ntlm',
    kerberosCredential: 'password',
    kerberosKeytab: '',
    kerberosSpn: '',
    kerberosRealm: '',
    username: '',
    password: '',
    mailDomain: '',
    access: 'impersonation',
    exchangeVersion: '',
    timeZone: viewerWindowsZone(),
    legacyOnline: false,
    oauthResource: '',
    legacyTenantId: '',
    legacyClientId: '',
    tenantId: '',
    clientId: '',
    flow: 'clientCredentials',
    credential: 'secret',
    clientSecret: '',
    certificate: '',
    graphUsername: '',
    redirectUri: 'http://localhost:8400/',
    authorityHost: 'https://login.microsoftonline.com',
    graphHost: 'https://graph.microsoft.com',
    proxyMode: 'system',
    proxyUrl: '',
    proxyPacUrl: '',
    proxyUsername: '',
    proxyPassword: '',
    tlsMode: 'default',
    caFile: '',
    pinnedSha256: '',
    testMailbox: '',
    logLevel: 'info',
  };
}

/**
 * Fills the form from a stored profile; secret inputs stay empty (the UI shows "stored" instead). Which secrets
 * are stored decides the credential of a legacy EWS-on-365 profile (the profile itself does not record it).
 */
export function formFromProfile(p: Profile, stored: readonly SecretName[] = []): ProfileFormState {
  const f = emptyForm(p.kind);
  f.id = p.id;
  f.name = p.name;
  f.proxyMode = p.proxy.mode;
  if (p.proxy.mode === 'url') f.proxyUrl = p.proxy.url;
  if (p.proxy.mode === 'pac') f.proxyPacUrl = p.proxy.pacUrl;
  if (p.proxy.mode !== 'none') f.proxyUsername = p.proxy.username ?? '';
  f.tlsMode = p.tls.caFile ? 'caFile' : p.tls.pinnedSha256 ? 'pinned' : 'default';
  f.caFile = p.tls.caFile ?? '';
  f.pinnedSha256 = p.tls.pinnedSha256 ?? '';
  f.testMailbox = p.testMailbox ?? '';
  f.logLevel = p.logLevel;
  if (p.kind === 'ews') {
    f.endpointMode = p.url ? 'url' : 'autodiscover';
    f.url = p.url ?? '';
    f.autodiscoverEmail = p.autodiscoverEmail ?? '';
    f.auth = p.auth;
    f.kerberosCredential = p.kerberos?.credential ?? 'password';
    f.kerberosKeytab = p.kerberos?.keytab ?? '';
    f.kerberosSpn = p.kerberos?.spn ?? '';
    f.kerberosRealm = p.kerberos?.realm ?? '';
    f.username = p.username;
    f.mailDomain = p.mailDomain ?? '';
    f.access = p.access;
    f.exchangeVersion = p.exchangeVersion ?? '';
    f.timeZone = p.timeZone;
    f.legacyOnline = !!p.legacyOnline;
    f.legacyTenantId = p.legacyOnline?.tenantId ?? '';
    f.legacyClientId = p.legacyOnline?.clientId ?? '';
    if (stored.includes('certificate') && !stored.includes('clientSecret')) f.credential = 'certificate';
    if (p.oauth) {
      f.tenantId = p.oauth.tenantId;
      f.clientId = p.oauth.clientId;
      f.flow = p.oauth.flow;
      f.credential = p.oauth.credential ?? f.credential;
      f.redirectUri = p.oauth.redirectUri;
      f.authorityHost = p.oauth.authorityHost;
      f.oauthResource = p.oauth.resource ?? '';
    }
  } else {
    f.tenantId = p.tenantId;
    f.clientId = p.clientId;
    f.flow = p.flow;
    f.credential = p.credential ?? 'secret';
    f.graphUsername = p.username ?? '';
    f.redirectUri = p.redirectUri;
    f.authorityHost = p.authorityHost;
    f.graphHost = p.graphHost;
  }
  return f;
}

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** The profile object the schema sees (before defaults), built from the visible fields only. */
export function candidateOf(f: ProfileFormState): Record<string, unknown> {
  const common = {
    id: f.id ?? (idFromName(f.name) || 'new'),
    name: f.name.trim(),
    proxy: proxyOf(f),
    tls: f.tlsMode === 'caFile' ? { caFile: f.caFile.trim() } : f.tlsMode === 'pinned' ? { pinnedSha256: f.pinnedSha256.trim() } : {},
    testMailbox: opt(f.testMailbox),
    logLevel: f.logLevel,
  };
  if (f.kind === 'ews') {
    return {
      ...common,
      kind: 'ews',
      url: f.endpointMode === 'url' ? opt(f.url) : undefined,
      autodiscoverEmail: f.endpointMode === 'autodiscover' ? opt(f.autodiscoverEmail) : undefined,
      auth: f.auth,
      kerberos:
        f.auth === 'kerberos'
          ? {
              credential: f.kerberosCredential,
              keytab: f.kerberosCredential === 'keytab' ? opt(f.kerberosKeytab) : undefined,
              spn: opt(f.kerberosSpn),
              realm: opt(f.kerberosRealm),
            }
          : undefined,
      username: f.username.trim(),
      mailDomain: opt(f.mailDomain),
      access: f.access,
      exchangeVersion: f.exchangeVersion || undefined,
      timeZone: f.timeZone.trim(),
      legacyOnline: f.legacyOnline ? { tenantId: f.legacyTenantId.trim(), clientId: f.legacyClientId.trim() } : undefined,
      oauth: f.auth === 'oauth' ? onPremOAuthOf(f) : undefined,
    };
  }
  return {
    ...common,
    kind: 'graph',
    tenantId: f.tenantId.trim(),
    clientId: f.clientId.trim(),
    flow: f.flow,
    credential: f.flow === 'clientCredentials' ? f.credential : undefined,
    username: f.flow === 'password' ? opt(f.graphUsername) : undefined,
    redirectUri: f.redirectUri.trim(),
    authorityHost: f.authorityHost.trim(),
    graphHost: f.graphHost.trim(),
  };
}

function proxyOf(f: ProfileFormState): Record<string, unknown> {
  if (f.proxyMode === 'none') return { mode: 'none' };
  const username = opt(f.proxyUsername);
  if (f.proxyMode === 'url') return { mode: 'url', url: f.proxyUrl.trim(), username };
  if (f.proxyMode === 'pac') return { mode: 'pac', pacUrl: f.proxyPacUrl.trim(), username };
  return { mode: 'system', username };
}

/** OAuth on-premises settings from the shared tenant / app / flow fields. */
function onPremOAuthOf(f: ProfileFormState): Record<string, unknown> {
  return {
    tenantId: f.tenantId.trim(),
    clientId: f.clientId.trim(),
    flow: f.flow,
    credential: f.flow === 'clientCredentials' ? f.credential : undefined,
    authorityHost: f.authorityHost.trim(),
    redirectUri: f.redirectUri.trim(),
    resource: opt(f.oauthResource),
  };
}

/** Which secrets the profile needs, in form-field terms, given its settings. */
export function neededSecrets(f: ProfileFormState): SecretField[] {
  const out: SecretField[] = [];
  const ewsOAuth = f.kind === 'ews' && !f.legacyOnline && f.auth === 'oauth';
  // Kerberos from a keytab or the logged-on user needs no password.
  const kerberosNoPassword = f.auth === 'kerberos' && f.kerberosCredential !== 'password';
  if (f.kind === 'ews' && !f.legacyOnline && (!ewsOAuth || f.flow === 'password') && !kerberosNoPassword) out.push('password');
  if (ewsOAuth && f.flow === 'clientCredentials') out.push(f.credential === 'certificate' ? 'certificate' : 'clientSecret');
  // Legacy EWS on Microsoft 365 signs in as the app (client credentials), like a Graph app-only profile.
  if (f.kind === 'ews' && f.legacyOnline) out.push(f.credential === 'certificate' ? 'certificate' : 'clientSecret');
  if (f.kind === 'graph' && f.flow === 'clientCredentials') out.push(f.credential === 'certificate' ? 'certificate' : 'clientSecret');
  if (f.kind === 'graph' && f.flow === 'password') out.push('password');
  if (f.proxyMode !== 'none' && f.proxyUsername.trim()) out.push('proxyPassword');
  return out;
}

/** True when the profile talks EWS to Microsoft 365, which Microsoft retires on 2027-04-01. */
export function isLegacyOnlineEws(f: ProfileFormState): boolean {
  if (f.kind !== 'ews') return false;
  if (f.legacyOnline) return true;
  const target = f.endpointMode === 'url' ? f.url : '';
  return /^https?:\/\/([^/]*\.)?(outlook\.office365\.com|outlook\.office\.com)(\/|:|$)/i.test(target.trim());
}

export function validateProfileForm(f: ProfileFormState, storedSecrets: readonly SecretName[] = []): ValidationResult {
  const schema = f.kind === 'ews' ? ewsProfileSchema : graphProfileSchema;
  const parsed = schema.safeParse(candidateOf(f));
  const errors: FieldErrors = parsed.success ? {} : mapIssues(parsed.error.issues, f);
  for (const [field, key] of extraChecks(f)) if (!errors[field]) errors[field] = key;
  for (const s of neededSecrets(f)) {
    if (!f[s] && !storedSecrets.includes(s) && !errors[s]) errors[s] = 'validation.secretRequired';
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const secrets: Partial<Record<SecretName, string>> = {};
  for (const s of neededSecrets(f)) if (f[s]) secrets[s] = f[s];
  return { ok: true, value: { profile: parsed.data, secrets } };
}

/** Rules the schema leaves to the UI: hosts must be https URLs. */
function extraChecks(f: ProfileFormState): Array<[FieldId, MessageKey]> {
  const out: Array<[FieldId, MessageKey]> = [];
  if (f.kind === 'ews' && f.legacyOnline) {
    // Same rules as a Graph profile's tenant and app, taken from its schema.
    if (f.legacyTenantId.trim() && !graphProfileSchema.shape.tenantId.safeParse(f.legacyTenantId.trim()).success)
      out.push(['legacyTenantId', 'validation.tenant']);
    if (f.legacyClientId.trim() && !graphProfileSchema.shape.clientId.safeParse(f.legacyClientId.trim()).success)
      out.push(['legacyClientId', 'validation.clientId']);
  }
  if (f.kind === 'graph' || (f.kind === 'ews' && f.auth === 'oauth')) {
    if (!isHttpsUrl(f.authorityHost)) out.push(['authorityHost', 'validation.httpsUrl']);
  }
  if (f.kind === 'graph') {
    if (!isHttpsUrl(f.graphHost)) out.push(['graphHost', 'validation.httpsUrl']);
  }
  return out;
}

function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s.trim()).protocol === 'https:';
  } catch {
    return false;
  }
}

export function idFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
