// What the EWS transport and the doctor see of a Kerberos profile's credentials (see negotiate-source.ts).
import type { GssClientContext } from './gss-binding.js';
import type { KerberosAccount } from './kerberos-names.js';

export type KerberosCredential =
  { kind: 'logon' } | { kind: 'password'; password: () => Promise<string> } | { kind: 'keytab'; keytab: string };

export interface NegotiateStart {
  /** Base64 token for `Authorization: Negotiate …`. */
  token: string;
  context: GssClientContext;
  /** Feeds the server's answer token into the context (the Kerberos error of a refusal surfaces here). */
  step(serverToken: string): Promise<string | null>;
}

export interface NegotiateSource {
  readonly account: KerberosAccount;
  readonly credential: KerberosCredential['kind'];
  /** The SPN a request to this URL needs a ticket for. */
  spnFor(url: string): string;
  /** A fresh security context for one request to the service `spn`, with its first token. */
  start(spn: string): Promise<NegotiateStart>;
  close(): void;
}
