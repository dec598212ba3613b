// "System CAs" on Windows include the Windows certificate store (where a domain's internal CA is deployed by
// group policy), behind one small interface. Node reads the store itself since 22.15 / 23.5
// (`tls.getCACertificates('system')`, the same list `--use-system-ca` trusts), and so does Electron's Node; the
// desktop app and a headless host on such a Node both get it. Node 20 has no way to read it: there the
// profile's CA file remains the way (the doctor says which source was used). Tests use a typed fake.
import * as tls from 'node:tls';

export interface SystemCertificates {
  /** Where the certificates come from, for the doctor and describe(): "Windows certificate store (Node)". */
  readonly source: string;
  /** PEM certificates trusted by the operating system (in addition to Node's bundled roots). */
  certificates(): Promise<string[]>;
}

type GetCaCertificates = (type: 'default' | 'system' | 'bundled' | 'extra') => string[];

/** Node ≥ 22.15 / 23.5 (and Electron on it): the OS store through tls.getCACertificates('system'). */
export function nodeSystemCertificates(getCa: GetCaCertificates | undefined): SystemCertificates | undefined {
  if (typeof getCa !== 'function') return undefined;
  return { source: 'windows-cert-store', certificates: async () => getCa('system') };
}

let cached: { value: SystemCertificates | undefined } | undefined;

/**
 * This host's extra trust: on Windows the certificate store when the runtime can read it, else none (Node's
 * bundled roots only). Other systems keep Node's bundled roots, as before.
 */
export function hostSystemCertificates(platform: NodeJS.Platform = process.platform): SystemCertificates | undefined {
  if (platform !== 'win32') return undefined;
  cached ??= { value: nodeSystemCertificates((tls as { getCACertificates?: GetCaCertificates }).getCACertificates) };
  return cached.value;
}
