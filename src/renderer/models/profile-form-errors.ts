// zod issue → form field + translated message key. The schemas in src/shared/profile.ts stay the one source of
// truth for what is valid; this file only decides where a problem is shown and in which words.
import type { MessageKey } from '../../shared/i18n/index.js';
import type { FieldId, ProfileFormState } from './profile-form-state.js';

export type FieldErrors = Partial<Record<FieldId, MessageKey>>;

interface Issue {
  path: ReadonlyArray<PropertyKey>;
  code?: string;
}

const FIELD_MESSAGES: Partial<Record<FieldId, MessageKey>> = {
  name: 'validation.name',
  url: 'validation.ewsUrl',
  autodiscoverEmail: 'validation.email',
  username: 'validation.account',
  mailDomain: 'validation.mailDomain',
  timeZone: 'validation.required',
  legacyTenantId: 'validation.required',
  legacyClientId: 'validation.required',
  tenantId: 'validation.tenant',
  clientId: 'validation.clientId',
  redirectUri: 'validation.redirectUri',
  proxyUrl: 'validation.proxyUrl',
  proxyPacUrl: 'validation.proxyPacUrl',
  proxyUsername: 'validation.required',
  caFile: 'validation.required',
  pinnedSha256: 'validation.sha256',
  testMailbox: 'validation.required',
  graphUsername: 'validation.account',
  kerberosKeytab: 'validation.required',
  kerberosSpn: 'validation.spn',
  kerberosRealm: 'validation.realm',
};

/** The form field a schema path belongs to, given what the form currently shows. */
export function fieldOfPath(path: ReadonlyArray<PropertyKey>, f: ProfileFormState): FieldId | undefined {
  const [head, sub] = path.map(String);
  switch (head) {
    case 'url':
      // The "URL or autodiscover address" rule is reported on url; show it on whichever input is visible.
      return f.endpointMode === 'autodiscover' ? 'autodiscoverEmail' : 'url';
    case 'proxy':
      return sub === 'username' ? 'proxyUsername' : sub === 'pacUrl' ? 'proxyPacUrl' : 'proxyUrl';
    case 'tls':
      return sub === 'caFile' ? 'caFile' : 'pinnedSha256';
    case 'legacyOnline':
      return sub === 'clientId' ? 'legacyClientId' : 'legacyTenantId';
    case 'oauth':
      // OAuth on-premises shows its tenant, app and flow in the Microsoft 365 fields; the resource lives with the URL.
      if (sub === 'resource') return 'url';
      return sub && ['tenantId', 'clientId', 'flow', 'credential', 'authorityHost', 'redirectUri'].includes(sub)
        ? (sub as FieldId)
        : 'tenantId';
    case 'kerberos':
      return sub === 'spn' ? 'kerberosSpn' : sub === 'realm' ? 'kerberosRealm' : sub === 'keytab' ? 'kerberosKeytab' : 'kerberosCredential';
    case 'username':
      return f.kind === 'graph' ? 'graphUsername' : 'username';
    case 'name':
    case 'autodiscoverEmail':
    case 'mailDomain':
    case 'timeZone':
    case 'testMailbox':
    case 'tenantId':
    case 'clientId':
    case 'redirectUri':
    case 'authorityHost':
    case 'graphHost':
    case 'exchangeVersion':
    case 'auth':
    case 'access':
    case 'flow':
    case 'credential':
    case 'logLevel':
      return head;
    default:
      return undefined;
  }
}

function isBlank(f: ProfileFormState, field: FieldId): boolean {
  const v = f[field];
  return typeof v === 'string' && v.trim() === '';
}

export function mapIssues(issues: readonly Issue[], f: ProfileFormState): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfPath(issue.path, f) ?? 'name';
    if (errors[field]) continue; // first problem per field is enough to act on
    if (field === 'url' && isBlank(f, 'url')) errors.url = 'validation.urlOrAutodiscover';
    else if (field === 'autodiscoverEmail' && isBlank(f, 'autodiscoverEmail')) errors.autodiscoverEmail = 'validation.urlOrAutodiscover';
    else if (isBlank(f, field)) errors[field] = 'validation.required';
    else errors[field] = FIELD_MESSAGES[field] ?? 'validation.invalid';
  }
  return errors;
}
