// RPC methods the first-run assistant and the pickers need: find the server behind an e-mail address before a
// profile exists, and check a pasted list of addresses against the directory in one call.
import { z } from 'zod';
import { errorInfoSchema } from '../errors.js';
import { mailboxSchema } from '../model.js';

const opId = z.string().min(1).max(100).optional();
const m = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const FINGERPRINT = /^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/;

/** What a server certificate says about itself (the same facts a TLS failure names). */
export const certificateFactsSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** SHA-256, AA:BB:… (what tls.pinnedSha256 takes). */
  fingerprint: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  names: z.array(z.string()),
});
export type CertificateFacts = z.infer<typeof certificateFactsSchema>;

export const discoverySchema = z.object({
  email: z.string(),
  domain: z.string(),
  /** ews: an Exchange autodiscover endpoint answered; graph: the domain belongs to a Microsoft 365 tenant. */
  kind: z.enum(['ews', 'graph', 'none']),
  /** The autodiscover endpoint that answered (ews). */
  endpoint: z.string().optional(),
  /** Sign-in methods the server offers, from its WWW-Authenticate header (basic, ntlm, negotiate). */
  authSchemes: z.array(z.enum(['basic', 'ntlm', 'negotiate'])),
  /** Microsoft 365: the tenant the domain belongs to. */
  tenantId: z.string().optional(),
  /** Set when the server's certificate is not trusted: what to show before the user pins it. */
  certificate: certificateFactsSchema.optional(),
  /** Why nothing usable was found (catalogue entry). */
  error: errorInfoSchema.optional(),
  /** Every URL asked and what it answered, for the evidence. */
  tried: z.array(z.string()),
});
export type Discovery = z.infer<typeof discoverySchema>;

export const resolvedAddressSchema = z.object({
  input: z.string(),
  mailbox: mailboxSchema.optional(),
  /** invalid: not an address; notFound: the directory has no such mailbox. */
  problem: z.enum(['invalid', 'notFound']).optional(),
});
export type ResolvedAddress = z.infer<typeof resolvedAddressSchema>;

export const assistantMethods = {
  /**
   * Looks for the server behind an address without credentials: Exchange autodiscover (https://<domain>,
   * https://autodiscover.<domain>) and Microsoft 365. `pinnedSha256` trusts one certificate the user confirmed.
   */
  'setup.discover': m(
    z.object({ email: z.string().trim().email(), pinnedSha256: z.string().regex(FINGERPRINT).optional(), opId }),
    discoverySchema,
  ),
  /** Checks pasted addresses against the profile's directory, all at once (up to 500). */
  'mailboxes.resolve': m(
    z.object({ profileId: z.string().min(1), addresses: z.array(z.string().max(320)).min(1).max(500), opId }),
    z.object({ results: z.array(resolvedAddressSchema) }),
  ),
} as const;
