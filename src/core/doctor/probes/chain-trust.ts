// Chain trust judged apart from the validity dates, so an expired certificate from a trusted CA shows as
// "trusted, but expired" and a self-signed one as "self-signed" — OpenSSL reports only one error per handshake.
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';

export interface ChainVerdict {
  ok: boolean;
  /** OpenSSL-style code of the problem, as mapTlsError understands it. */
  code?: 'DEPTH_ZERO_SELF_SIGNED_CERT' | 'SELF_SIGNED_CERT_IN_CHAIN' | 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' | 'CERT_SIGNATURE_FAILURE';
}

function issued(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

const selfIssued = (c: X509Certificate) => issued(c, c);

/** chain: DER certificates as the server sent them, leaf first. anchors: PEM trust anchors (default: Node's). */
export function verifyChain(chain: Buffer[], anchorsPem: readonly string[] = rootCertificates): ChainVerdict {
  if (chain.length === 0) return { ok: false, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' };
  const certs = chain.map((der) => new X509Certificate(der));
  const anchors = anchorsPem.flatMap((pem) => splitPem(pem)).map((pem) => new X509Certificate(pem));
  const isAnchor = (c: X509Certificate) => anchors.some((a) => a.fingerprint256 === c.fingerprint256);
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    if (isAnchor(c)) return { ok: true };
    if (anchors.some((a) => issued(c, a))) return { ok: true };
    if (selfIssued(c)) return { ok: false, code: i === 0 ? 'DEPTH_ZERO_SELF_SIGNED_CERT' : 'SELF_SIGNED_CERT_IN_CHAIN' };
    const next = certs[i + 1];
    if (!next) break;
    if (!issued(c, next)) return { ok: false, code: 'CERT_SIGNATURE_FAILURE' };
  }
  return { ok: false, code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' };
}

function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
