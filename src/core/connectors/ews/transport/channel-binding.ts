// Channel binding for Extended Protection: the "tls-server-end-point" binding of RFC 5929 §4.1 (a hash of the
// server's TLS certificate, with the hash function of the certificate's own signature, SHA-256 when that is
// MD5 or SHA-1) and the MD5 of the GSS channel-bindings structure that Windows puts into NTLM's
// MsvAvChannelBindings (MS-NLMP 2.2.2.1). A TLS-terminating device between client and server shows the client
// another certificate, so the server computes another value and Extended Protection refuses the sign-in.
import { createHash } from 'node:crypto';

/** Signature algorithm OIDs → the hash RFC 5929 binds with (MD5/SHA-1 signatures are upgraded to SHA-256). */
const SIGNATURE_HASH: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'sha256', // md5WithRSAEncryption
  '1.2.840.113549.1.1.5': 'sha256', // sha1WithRSAEncryption
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha256', // ecdsa-with-SHA1
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.10040.4.3': 'sha256', // dsa-with-sha1
  '2.16.840.1.101.3.4.3.1': 'sha224', // dsa-with-sha224
  '2.16.840.1.101.3.4.3.2': 'sha256', // dsa-with-sha256
};
const RSASSA_PSS = '1.2.840.113549.1.1.10';
/** Digest OIDs inside RSASSA-PSS parameters. */
const DIGEST: Record<string, string> = {
  '1.3.14.3.2.26': 'sha256', // sha1 → sha256
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
};

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** One DER element at `at`: its tag and where its contents start and end. */
function tlv(der: Buffer, at: number): Tlv {
  if (at + 2 > der.length) throw new Error('truncated DER');
  const tag = der[at];
  let len = der[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || start + n > der.length) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i];
    start += n;
  }
  if (start + len > der.length) throw new Error('DER element runs past the end');
  return { tag, start, end: start + len };
}

function oid(der: Buffer, el: Tlv): string {
  if (el.tag !== 0x06) throw new Error('expected an OBJECT IDENTIFIER');
  const b = der.subarray(el.start, el.end);
  const parts = [Math.min(2, Math.floor(b[0] / 40)), b[0] - 40 * Math.min(2, Math.floor(b[0] / 40))];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i] & 0x7f);
    if (!(b[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** The signatureAlgorithm OID of an X.509 certificate (DER) and, for RSASSA-PSS, its digest OID. */
function signatureAlgorithm(der: Buffer): { algorithm: string; pssDigest?: string } {
  const cert = tlv(der, 0);
  const tbs = tlv(der, cert.start);
  const algId = tlv(der, tbs.end);
  if (cert.tag !== 0x30 || tbs.tag !== 0x30 || algId.tag !== 0x30) throw new Error('not an X.509 certificate');
  const algorithm = oid(der, tlv(der, algId.start));
  if (algorithm !== RSASSA_PSS) return { algorithm };
  // RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] AlgorithmIdentifier DEFAULT sha1, … }
  const first = tlv(der, algId.start);
  if (first.end >= algId.end) return { algorithm, pssDigest: '1.3.14.3.2.26' };
  const params = tlv(der, first.end);
  if (params.start >= params.end) return { algorithm, pssDigest: '1.3.14.3.2.26' };
  const hashField = tlv(der, params.start);
  if (hashField.tag !== 0xa0) return { algorithm, pssDigest: '1.3.14.3.2.26' };
  return { algorithm, pssDigest: oid(der, tlv(der, tlv(der, hashField.start).start)) };
}

/** The hash RFC 5929 tls-server-end-point uses for this certificate ('sha256', 'sha384', …). */
export function endPointHashAlgorithm(certDer: Buffer): string {
  const { algorithm, pssDigest } = signatureAlgorithm(certDer);
  if (pssDigest) return DIGEST[pssDigest] ?? 'sha256';
  // Algorithms RFC 5929 does not name (Ed25519, …): SHA-256, as Windows does.
  return SIGNATURE_HASH[algorithm] ?? 'sha256';
}

/** Application data of the binding: "tls-server-end-point:" ‖ hash(certificate). */
export function tlsServerEndPoint(certDer: Buffer): Buffer {
  const hash = createHash(endPointHashAlgorithm(certDer)).update(certDer).digest();
  return Buffer.concat([Buffer.from('tls-server-end-point:', 'ascii'), hash]);
}

/**
 * MD5 of gss_channel_bindings_struct with no addresses: initiator and acceptor address type and length (all
 * zero), then the application data's length (32-bit little endian) and the data itself.
 */
export function channelBindingsMd5(applicationData: Buffer): Buffer {
  const head = Buffer.alloc(20);
  head.writeUInt32LE(applicationData.length, 16);
  return createHash('md5').update(head).update(applicationData).digest();
}

/** The 16 bytes NTLM carries as MsvAvChannelBindings for a TLS connection with this server certificate. */
export function ntlmChannelBindings(certDer: Buffer): Buffer {
  return channelBindingsMd5(tlsServerEndPoint(certDer));
}
