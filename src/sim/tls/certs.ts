// Per-run certificates made with the openssl CLI: a throw-away CA and a server certificate for
// 127.0.0.1/localhost. Other modes exist so tests can prove the client refuses bad certificates.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type TlsMode = 'trusted' | 'selfSigned' | 'expired' | 'wrongHost';

export interface SimCertificates {
  dir: string;
  caFile: string;
  ca: string;
  key: string;
  cert: string;
}

const cache = new Map<TlsMode, Promise<SimCertificates>>();
const dirs: string[] = [];

async function openssl(cwd: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd });
}

async function generate(mode: TlsMode): Promise<SimCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'calpump-sim-tls-'));
  dirs.push(dir);
  // EC keys: fast to generate, so every test process can afford its own CA.
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key']);
  await openssl(dir, [
    'req',
    '-x509',
    '-new',
    '-key',
    'ca.key',
    '-subj',
    '/O=Calpump Simulator/CN=Calpump Simulator Test CA',
    '-days',
    '7',
    '-out',
    'ca.pem',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key']);
  const host = mode === 'wrongHost' ? 'mail.contoso.com' : '127.0.0.1';
  const san = mode === 'wrongHost' ? 'DNS:mail.contoso.com' : 'IP:127.0.0.1,DNS:localhost';
  await writeFile(
    join(dir, 'ext.cnf'),
    `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`,
  );
  if (mode === 'selfSigned') {
    await openssl(dir, [
      'req',
      '-x509',
      '-new',
      '-key',
      'server.key',
      '-subj',
      `/CN=${host}`,
      '-days',
      '7',
      '-out',
      'server.pem',
      '-addext',
      `subjectAltName=${san}`,
    ]);
  } else {
    await openssl(dir, ['req', '-new', '-key', 'server.key', '-subj', `/CN=${host}`, '-out', 'server.csr']);
    // -days -1 puts notAfter in the past: an expired certificate signed by the trusted CA.
    await openssl(dir, [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      mode === 'expired' ? '-1' : '7',
      '-extfile',
      'ext.cnf',
      '-out',
      'server.pem',
    ]);
  }
  const [ca, key, cert] = await Promise.all(['ca.pem', 'server.key', 'server.pem'].map((f) => readFile(join(dir, f), 'utf8')));
  return { dir, caFile: join(dir, 'ca.pem'), ca: ca, key: key, cert: cert };
}

export function simCertificates(mode: TlsMode): Promise<SimCertificates> {
  let p = cache.get(mode);
  if (!p) {
    p = generate(mode);
    cache.set(mode, p);
    p.catch(() => cache.delete(mode));
  }
  return p;
}

// Exit handlers must be synchronous; the CA only lives as long as the process that made it.
process.once('exit', () => {
  for (const d of dirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // best effort: a temp dir left behind is harmless
    }
  }
});
