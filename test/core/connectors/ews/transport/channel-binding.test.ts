// tls-server-end-point (RFC 5929 §4.1) for certificates signed every way a server certificate is: the hash must
// follow the certificate's signature algorithm (as the openssl CLI names it), with MD5 and SHA-1 upgraded to
// SHA-256. The certificate hashes come from `openssl dgst`, and the MsvAvChannelBindings value is compared with
// two implementations nobody here wrote — Python's requests_ntlm + ntlm_auth (Debian's python3-requests-ntlm,
// with `cryptography` reading the certificate) — and with the simulator's Extended Protection check.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelBindingsMd5,
  endPointHashAlgorithm,
  ntlmChannelBindings,
  tlsServerEndPoint,
} from '../../../../../src/core/connectors/ews/transport/channel-binding.js';
import { expectedChannelBinding } from '../../../../../src/sim/auth/extended-protection.js';

const run = promisify(execFile);

/** name → [key file, openssl req signing options, the hash RFC 5929 asks for]. */
const CASES: Record<string, [string, string[], string]> = {
  'RSA with MD5': ['rsa.key', ['-md5'], 'sha256'],
  'RSA with SHA-1': ['rsa.key', ['-sha1'], 'sha256'],
  'RSA with SHA-256': ['rsa.key', ['-sha256'], 'sha256'],
  'RSA with SHA-384': ['rsa.key', ['-sha384'], 'sha384'],
  'RSA with SHA-512': ['rsa.key', ['-sha512'], 'sha512'],
  'RSASSA-PSS with SHA-384': ['rsa.key', ['-sha384', '-sigopt', 'rsa_padding_mode:pss'], 'sha384'],
  'ECDSA with SHA-1': ['ec.key', ['-sha1'], 'sha256'],
  'ECDSA with SHA-384': ['ec.key', ['-sha384'], 'sha384'],
  Ed25519: ['ed.key', [], 'sha256'],
};

let dir: string;
const certs = new Map<string, { pem: string; der: Buffer }>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-cbt-'));
  const openssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.key']);
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'ec.key']);
  await openssl(['genpkey', '-algorithm', 'ED25519', '-out', 'ed.key']);
  let n = 0;
  for (const [name, [key, opts]] of Object.entries(CASES)) {
    const file = `c${n++}.pem`;
    await openssl(['req', '-x509', '-new', '-key', key, ...opts, '-subj', '/CN=mail.contoso.com', '-days', '2', '-out', file]);
    const pem = await readFile(join(dir, file), 'utf8');
    certs.set(name, { pem, der: new X509Certificate(pem).raw });
  }
}, 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function opensslDigest(alg: string, der: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('openssl', ['dgst', `-${alg}`, '-binary'], { encoding: 'buffer' }, (err: Error | null, stdout: Buffer) =>
      err ? reject(err) : resolve(stdout),
    );
    child.stdin!.end(der);
  });
}

const PYTHON_JUDGE = `
import sys, hashlib, binascii
from requests_ntlm.requests_ntlm import _get_certificate_hash
from ntlm_auth.gss_channel_bindings import GssChannelBindingsStruct
for line in sys.stdin:
    try:
        h = _get_certificate_hash(binascii.unhexlify(line.strip()))
    except AttributeError:  # no signature hash at all (Ed25519)
        h = None
    if h is None:
        print('none')
        continue
    cb = GssChannelBindingsStruct()
    cb[cb.APPLICATION_DATA] = b'tls-server-end-point:' + binascii.unhexlify(h)
    print(hashlib.md5(cb.get_data()).hexdigest())
`;

/** Debian's /usr/bin/python3 with requests_ntlm (not whatever python3 is first on PATH). */
function pythonBindings(ders: Buffer[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile('/usr/bin/python3', ['-W', 'ignore', '-c', PYTHON_JUDGE], (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout.trim().split('\n')),
    );
    child.stdin!.end(ders.map((d) => d.toString('hex')).join('\n') + '\n');
  });
}

describe('tls-server-end-point channel binding', () => {
  it.each(Object.keys(CASES))('%s: hash chosen per RFC 5929 and equal to openssl dgst', async (name) => {
    const { der } = certs.get(name)!;
    const want = CASES[name][2];
    expect(endPointHashAlgorithm(der)).toBe(want);
    const app = tlsServerEndPoint(der);
    expect(app.subarray(0, 21).toString('ascii')).toBe('tls-server-end-point:');
    expect(app.subarray(21).equals(await opensslDigest(want, der))).toBe(true);
  });

  it.each(Object.keys(CASES))('%s: MsvAvChannelBindings equals what the simulator expects for that certificate', async (name) => {
    const { pem, der } = certs.get(name)!;
    expect(ntlmChannelBindings(der).toString('hex')).toBe((await expectedChannelBinding(pem)).toString('hex'));
  });

  it('MsvAvChannelBindings equals what requests_ntlm / ntlm_auth compute for every certificate they can read', async () => {
    const names = Object.keys(CASES);
    const theirs = await pythonBindings(names.map((n) => certs.get(n)!.der));
    let compared = 0;
    names.forEach((name, i) => {
      // cryptography 38 names no hash for Ed25519 (nor does RFC 5929) or RSASSA-PSS: requests_ntlm binds nothing
      // there. Those two are judged by openssl dgst and the simulator above.
      if (theirs[i] === 'none') return expect(['Ed25519', 'RSASSA-PSS with SHA-384']).toContain(name);
      compared++;
      expect(ntlmChannelBindings(certs.get(name)!.der).toString('hex'), name).toBe(theirs[i]);
    });
    expect(compared).toBe(names.length - 2);
  });

  it('hashes the GSS channel-bindings structure over the application data only', () => {
    expect(channelBindingsMd5(Buffer.from('tls-server-end-point:abc'))).toHaveLength(16);
    expect(channelBindingsMd5(Buffer.from('a')).equals(channelBindingsMd5(Buffer.from('b')))).toBe(false);
  });

  it('refuses what is not a certificate instead of binding to garbage', () => {
    expect(() => endPointHashAlgorithm(Buffer.from('not a certificate'))).toThrow();
    expect(() => endPointHashAlgorithm(Buffer.from([0x30, 0x82, 0xff, 0xff, 0x30]))).toThrow();
  });
});
