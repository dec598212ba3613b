// Extended Protection for Authentication as IIS applies it to NTLM on an Exchange virtual directory
// (-ExtendedProtectionTokenChecking None | Allow | Require). Over TLS the client's MsvAvChannelBindings must
// equal the MD5 of the channel bindings built from the certificate this server serves ("tls-server-end-point",
// RFC 5929); over plain HTTP IIS checks the service binding (MsvAvTargetName) instead.
//
// Written apart from the client's code on purpose: the signature algorithm comes from the openssl CLI's reading
// of the certificate, not from our own DER parser, so a mistake on one side shows as a refusal.
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';

export type ExtendedProtection = 'None' | 'Allow' | 'Require';

/** openssl's names for signature algorithms → the hash tls-server-end-point uses (MD5/SHA-1 become SHA-256). */
function hashFor(signatureAlgorithm: string, pssHash: string | undefined): string {
  const name = signatureAlgorithm.toLowerCase();
  if (name === 'rsassapss') return !pssHash || pssHash === 'sha1' ? 'sha256' : pssHash;
  for (const h of ['sha512', 'sha384', 'sha224', 'sha256']) if (name.includes(h)) return h;
  return 'sha256';
}

/** The 16 bytes a correct client puts into MsvAvChannelBindings for a connection serving `certPem`. */
export async function expectedChannelBinding(certPem: string): Promise<Buffer> {
  const text = (await runWithInput(['x509', '-noout', '-text'], certPem)).toString('utf8');
  const alg = /Signature Algorithm:\s*(\S+)/.exec(text)?.[1] ?? 'unknown';
  const pss = /Hash Algorithm:\s*(\S+)/.exec(text)?.[1];
  const der = new X509Certificate(certPem).raw;
  const appData = Buffer.concat([Buffer.from('tls-server-end-point:'), createHash(hashFor(alg, pss)).update(der).digest()]);
  const struct = Buffer.concat([Buffer.alloc(16), u32(appData.length), appData]);
  return createHash('md5').update(struct).digest();
}

function runWithInput(args: string[], input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('openssl', args, { encoding: 'buffer' }, (err, stdout) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an ExecFileException is an Error; Node types it as an Omit<> the rule cannot trace.
      if (err) reject(err);
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

export interface BindingEvidence {
  /** MsvAvChannelBindings from the client's NTLMv2 response (undefined: not sent). */
  channelBindings?: Buffer;
  /** MsvAvTargetName, e.g. HTTP/mail.contoso.com. */
  targetName?: string;
}

/** Why Extended Protection refuses this sign-in, or undefined when it passes. */
export function extendedProtectionRefusal(
  setting: ExtendedProtection,
  got: BindingEvidence,
  server: { channelBinding?: Buffer; host: string },
): string | undefined {
  if (setting === 'None') return undefined;
  const sent = got.channelBindings && got.channelBindings.some((b) => b !== 0) ? got.channelBindings : undefined;
  if (server.channelBinding) {
    if (!sent) return setting === 'Require' ? 'extended protection: no channel binding' : undefined;
    return sent.equals(server.channelBinding) ? undefined : 'extended protection: channel binding mismatch';
  }
  // Plain HTTP: the service binding must name this host.
  const want = `http/${server.host.toLowerCase()}`;
  if (!got.targetName) return setting === 'Require' ? 'extended protection: no service binding' : undefined;
  return got.targetName.toLowerCase() === want ? undefined : 'extended protection: service binding mismatch';
}
