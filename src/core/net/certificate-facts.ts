// What a server certificate says about itself, in the words error messages and the doctor show: one reading
// so a refused connection and the doctor's TLS step name a certificate the same way.
import type * as tls from 'node:tls';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** SHA-256, colon-separated upper-case hex (the form tls.pinnedSha256 accepts). */
  fingerprint: string;
  validFrom: string;
  validTo: string;
  /** DNS and IP names on the certificate (subjectAltName, else the CN). */
  names: string[];
}

export function distinguishedName(x: tls.Certificate | undefined): string {
  if (!x) return '?';
  const parts = (['CN', 'OU', 'O', 'L', 'C'] as const).filter((k) => x[k]).map((k) => `${k}=${String(x[k])}`);
  return parts.join(', ') || '?';
}

export function certificateNames(cert: tls.PeerCertificate): string[] {
  const san = cert.subjectaltname ?? '';
  const names = san
    .split(/,\s*/)
    .map((s) => s.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
  return names.length ? names : cert.subject?.CN ? [String(cert.subject.CN)] : [];
}

function isoDate(text: string | undefined): string {
  const d = text ? new Date(text) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d.toISOString() : '?';
}

export function certificateFacts(cert: tls.PeerCertificate | undefined): CertificateFacts {
  const known = cert && Object.keys(cert).length > 0 ? cert : undefined;
  return {
    subject: distinguishedName(known?.subject),
    issuer: distinguishedName(known?.issuer),
    fingerprint: known?.fingerprint256 ?? '?',
    validFrom: isoDate(known?.valid_from),
    validTo: isoDate(known?.valid_to),
    names: known ? certificateNames(known) : [],
  };
}

/** The facts as catalogue params ({subject}, {issuer}, {fingerprint}, {validFrom}, {validTo}, {names}). */
export function certificateParams(f: CertificateFacts | undefined): Record<string, string> {
  return {
    subject: f?.subject ?? '?',
    issuer: f?.issuer ?? '?',
    fingerprint: f?.fingerprint ?? '?',
    validFrom: f?.validFrom ?? '?',
    validTo: f?.validTo ?? '?',
    names: f?.names.join(', ') || '?',
  };
}
