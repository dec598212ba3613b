// A throw-away RSA app certificate (key + self-signed cert in one PEM), as an admin would make for Entra ID.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeAppCertificate(days = 30): { pem: string; certPem: string } {
  const dir = mkdtempSync(join(tmpdir(), 'calpump-appcert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-subj',
        '/CN=Calpump Sync',
        '-days',
        String(days),
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    return { pem: `${key}${certPem}`, certPem };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
