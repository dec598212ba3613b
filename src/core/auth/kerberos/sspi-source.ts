// Kerberos tickets on Windows through SSPI (the `kerberos` package's Windows build): as the logged-on user (the
// desktop app, or the account a Windows service runs as), or with the profile's account and password. SSPI
// keeps the tickets in the LSA; Calpump never sees them. A keytab is a Unix file: refused here.
// Only Windows can run this against a real domain; test/core/auth/kerberos runs it with a typed fake binding,
// and docs/auth-kerberos-ntlm.md lists the checks to make by hand on a Windows machine.
import { CalpumpError } from '../../errors/calpump-error.js';
import type { GssBinding } from './gss-binding.js';
import { kerberosError } from './kerberos-errors.js';
import type { KerberosAccount } from './kerberos-names.js';
import type { KerberosCredential, NegotiateSource, NegotiateStart } from './negotiate-types.js';

export class SspiSource implements NegotiateSource {
  constructor(
    private readonly binding: GssBinding,
    readonly account: KerberosAccount,
    private readonly secret: KerberosCredential,
    readonly spnFor: (url: string) => string,
  ) {}

  get credential(): KerberosCredential['kind'] {
    return this.secret.kind;
  }

  async start(spn: string): Promise<NegotiateStart> {
    const c = this.secret;
    if (c.kind === 'keytab') throw new CalpumpError('kerberos.keytab.windows', { params: { principal: this.account.principal } });
    const opts = c.kind === 'password' ? { user: this.account.user, domain: this.account.domain, password: await c.password() } : {};
    try {
      // SSPI takes the SPN itself as the target name (HTTP/mail.contoso.com).
      const context = await this.binding.initializeClient(spn, opts);
      const token = await context.step('');
      if (!token) throw new Error('SSPI produced no initial token');
      return { token, context, step: (t) => context.step(t) };
    } catch (e) {
      throw kerberosError((e as Error).message ?? String(e), this.account, spn, e);
    }
  }

  close(): void {}
}
