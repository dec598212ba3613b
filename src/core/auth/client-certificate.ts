// An app certificate for client credentials: one PEM holding the private key and the certificate (chain), as
// stored in the SecretStore. MSAL signs its client assertion (PS256, x5t#S256) with it; Entra ID checks the
// signature against the public certificate uploaded to the app registration.
import { createPrivateKey, X509Certificate } from 'node:crypto';
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
  const fail = (problem: string) => new CalpumpError('auth.certificate.unreadable', { params: { profile, problem }, evidence: problem });
  const certs = pem.match(CERT_BLOCK) ?? [];
  const keyPem = pem.match(KEY_BLOCK)?.[0];
  if (certs.length === 0) throw fail('no "BEGIN CERTIFICATE" block');
  if (!keyPem) throw fail('no "BEGIN PRIVATE KEY" block');
  if (keyPem.includes('ENCRYPTED')) throw fail('the private key is encrypted; export it without a passphrase (openssl … -nodes)');
  let cert: X509Certificate;
  let privateKey: string;
  try {
    cert = new X509Certificate(certs[0] as string);
    const key = createPrivateKey(keyPem);
    if (key.asymmetricKeyType !== 'rsa') throw fail(`the key is ${key.asymmetricKeyType}; Entra ID app certificates need RSA`);
    privateKey = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    if (!cert.checkPrivateKey(key)) throw fail('the private key does not belong to the first certificate');
  } catch (e) {
    if (e instanceof CalpumpError) throw e;
    throw fail('the PEM cannot be parsed');
  }
  if (new Date(cert.validTo).getTime() < now.getTime()) throw fail(`the certificate expired on ${new Date(cert.validTo).toISOString()}`);
  return {
    thumbprintSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    privateKey,
    x5c: certs.join('\n'),
    notAfter: new Date(cert.validTo).toISOString(),
  };
}
