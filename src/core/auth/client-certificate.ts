// An app certificate for client credentials: one PEM holding the private key and the certificate (chain), as
// stored in the SecretStore. MSAL signs its client assertion (PS256, x5t#S256) with it; Entra ID checks the
// signature against the public certificate uploaded to the app registration.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';

export interface ClientCertificate {
  /** SHA-256 thumbprint, hex without separators. */
  thumbprintSha256: string;
  /** PKCS#8 PEM. */
  privateKey: string;
  /** The certificate PEM(s), sent as x5c so certificate rollover works without new thumbprints. */
  x5c: string;
  notAfter: string;
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const KEY_BLOCK = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

export function parseClientCertificate(pem: string, profile: string, now: Date = new Date()): ClientCertificate {
  // The problem is an engine text; the evidence only what the PEM itself says (a key type, a date, OpenSSL's code).
  const fail = (problem: TextRef, evidence?: string) =>
    new CalpumpError('auth.certificate.unreadable', { params: { profile, problem }, ...(evidence ? { evidence } : {}) });
  const certs = pem.match(CERT_BLOCK) ?? [];
  const keyPem = pem.match(KEY_BLOCK)?.[0];
  if (certs.length === 0) throw fail(text('problem.certificate.noCertificate'));
  if (!keyPem) throw fail(text('problem.certificate.noKey'));
  if (keyPem.includes('ENCRYPTED')) throw fail(text('problem.certificate.keyEncrypted'), 'BEGIN ENCRYPTED PRIVATE KEY');
  let cert: X509Certificate;
  let privateKey: string;
  try {
    cert = new X509Certificate(certs[0] as string);
    const key = createPrivateKey(keyPem);
    const type = key.asymmetricKeyType ?? 'unknown';
    if (type !== 'rsa') throw fail(text('problem.certificate.keyNotRsa', { type }), `keyType=${type}`);
    privateKey = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    if (!cert.checkPrivateKey(key)) throw fail(text('problem.certificate.keyMismatch'));
  } catch (e) {
    if (e instanceof CalpumpError) throw e;
    throw fail(text('problem.certificate.unparsable'), (e as NodeJS.ErrnoException).code ?? undefined);
  }
  const notAfter = new Date(cert.validTo).toISOString();
  if (new Date(cert.validTo).getTime() < now.getTime())
    throw fail(text('problem.certificate.expired', { date: notAfter }), `notAfter=${notAfter}`);
  return {
    thumbprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    privateKey,
    x5c: certs.join('\n'),
    notAfter,
  };
}
