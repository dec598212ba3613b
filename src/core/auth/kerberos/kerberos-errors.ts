// What a Kerberos failure means, read from the text MIT krb5 (kinit, GSSAPI minor status) or Windows SSPI
// gives. Each known condition becomes its own catalogue entry; anything else is kerberos.failed with the text.
import { text as engineText } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { CatalogueId } from '../../doctor/catalogue.js';
import type { KerberosAccount } from './kerberos-names.js';

const RULES: Array<[RegExp, CatalogueId]> = [
  // MIT: "Password incorrect", "Preauthentication failed"; SSPI: SEC_E_LOGON_DENIED.
  [/password incorrect|preauthentication failed|logon (attempt )?(was )?denied|SEC_E_LOGON_DENIED|0x8009030C/i, 'kerberos.password.wrong'],
  [/client '?[^']*'? not found in kerberos database|C_PRINCIPAL_UNKNOWN/i, 'kerberos.principal.unknown'],
  // MIT: "Server HTTP/host@REALM not found in Kerberos database"; SSPI: SEC_E_TARGET_UNKNOWN.
  [
    /server '?[^']*'? not found in kerberos database|S_PRINCIPAL_UNKNOWN|SEC_E_TARGET_UNKNOWN|0x80090303|target principal name is incorrect/i,
    'kerberos.spn.missing',
  ],
  [/clock skew too great|KRB_AP_ERR_SKEW|SEC_E_TIME_SKEW|0x80090324/i, 'kerberos.clockSkew'],
  [
    /cannot find kdc for realm|cannot contact any kdc|cannot resolve network address for kdc|SEC_E_NO_AUTHENTICATING_AUTHORITY|0x80090311/i,
    'kerberos.realm.unreachable',
  ],
  [/key table entry not found|no key table entry|key table file .* not found|no suitable keys/i, 'kerberos.keytab.unusable'],
  [
    /no kerberos credentials available|no credentials cache found|credentials cache .*not found|ticket expired|no credentials were supplied|SEC_E_NO_CREDENTIALS|0x8009030E/i,
    'kerberos.noTicket',
  ],
];

/** A CalpumpError for a failure text from kinit, GSSAPI or SSPI; `evidence` keeps the text (never a secret). */
export function kerberosError(text: string, account: KerberosAccount, spn: string, cause?: unknown): CalpumpError {
  const clean = text.replace(/\s+/g, ' ').trim();
  const id = RULES.find(([re]) => re.test(clean))?.[1] ?? 'kerberos.failed';
  return new CalpumpError(id, {
    params: { principal: account.principal, realm: account.realm || engineText('problem.kerberos.defaultRealm'), spn, text: clean },
    evidence: clean,
    cause,
  });
}
