// `profiles add/edit` with the Microsoft 365 flags: an app certificate file (PEM with key, checked before it is
// stored), a client secret from stdin, and legacy "EWS on Microsoft 365" on an EWS profile (retirement warning),
// end to end against the simulator's Entra ID and EWS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../src/core/secrets/file-secret-store.js';
import { secretKey, type GraphProfile } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, SIM_APP_DAEMON_SECRET, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { allFiles, cliJson, runCli, tempConfigDir, type ProfileJson, type ProfileListJson } from './helpers.js';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const SECRET = 'cl13nt~s3cret-for-graph-flags-test';

/** A self-signed app certificate made by the openssl CLI: the combined PEM, the key body and the cert file. */
function opensslCertificate(dir: string) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', '/CN=calpump-cli-test'],
    { stdio: 'ignore' },
  );
  const keyPem = readFileSync(key, 'utf8');
  const combined = join(dir, 'app.pem');
  writeFileSync(combined, keyPem + readFileSync(cert, 'utf8'));
  // One line from the middle of the base64 key body: any plaintext copy of the key would contain it.
  const keyLine = keyPem.split('\n').filter((l) => l && !l.startsWith('-----'))[5];
  return { combined, certOnly: cert, keyLine };
}

async function assertNoPlaintext(dir: string, ...needles: string[]) {
  const files = await allFiles(dir);
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) for (const n of needles) expect(f.text.includes(n), `${n.slice(0, 12)}… in ${f.path}`).toBe(false);
}

describe('profiles add/edit with Microsoft 365 flags', () => {
  let work: string;
  let cert: ReturnType<typeof opensslCertificate>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'calpump-cli-cert-'));
    cert = opensslCertificate(work);
  });

  it('adds a Graph profile with an app certificate file (relative to the working directory), stored encrypted', async () => {
    const dir = await tempConfigDir();
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--kind',
        'graph',
        '--name',
        'm365-cert',
        '--tenant-id',
        'contoso.onmicrosoft.com',
        '--client-id',
        CLIENT_ID,
        '--credential',
        'certificate',
        '--certificate-file',
        'app.pem',
        '--json',
      ],
      { cwd: work },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = cliJson<ProfileJson<GraphProfile>>(r);
    expect(out.profile).toMatchObject({ kind: 'graph', credential: 'certificate' });
    expect(out.secrets).toMatchObject({ certificate: 'stored', clientSecret: 'not set' });
    const stored = await new FileSecretStore({ dir, env: {} }).get(secretKey(out.profile.id, 'certificate'));
    expect(stored).toContain(cert.keyLine);
    await assertNoPlaintext(dir, cert.keyLine, 'PRIVATE KEY');
    expect(r.stdout + r.stderr).not.toContain(cert.keyLine);
  });

  it('refuses a certificate file without its private key, and leaves no profile behind', async () => {
    const dir = await tempConfigDir();
    const r = await runCli([
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--kind',
      'graph',
      '--name',
      'nokey',
      '--tenant-id',
      'contoso.onmicrosoft.com',
      '--client-id',
      CLIENT_ID,
      '--certificate-file',
      cert.certOnly,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('auth.certificate.unreadable');
    expect(cliJson<ProfileListJson>(await runCli(['--config-dir', dir, 'profiles', 'list', '--json'])).profiles).toEqual([]);
  });

  it('adds a Graph profile with a client secret from stdin; edit adds a certificate later', async () => {
    const dir = await tempConfigDir();
    const r = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--kind',
        'graph',
        '--name',
        'm365',
        '--tenant-id',
        SIM_TENANT_ID,
        '--client-id',
        CLIENT_ID,
        '--client-secret-stdin',
      ],
      { input: `${SECRET}\n` },
    );
    expect(r.code, r.stderr).toBe(0);
    const edit = await runCli(['--config-dir', dir, 'profiles', 'edit', 'm365', '--certificate-file', cert.combined, '--json']);
    expect(edit.code, edit.stderr).toBe(0);
    expect(cliJson<ProfileJson>(edit).secrets).toMatchObject({ clientSecret: 'stored', certificate: 'stored' });
    const id = cliJson<ProfileJson>(edit).profile.id;
    expect(await new FileSecretStore({ dir, env: {} }).get(secretKey(id, 'clientSecret'))).toBe(SECRET);
    await assertNoPlaintext(dir, SECRET, cert.keyLine, 'PRIVATE KEY');
  });

  it('an on-premises EWS profile takes no client secret or app certificate (exit 2, says how to get one)', async () => {
    const dir = await tempConfigDir();
    const base = [
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--kind',
      'ews',
      '--name',
      'onprem',
      '--url',
      'https://mail.contoso.com/EWS/Exchange.asmx',
      '--username',
      'svc@contoso.com',
    ];
    const secret = await runCli([...base, '--client-secret-stdin'], { input: `${SECRET}\n` });
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('--legacy-online-tenant');
    const certificate = await runCli([...base, '--certificate-file', cert.combined]);
    expect(certificate.code).toBe(2);
    expect(certificate.stderr).toContain('--certificate-file');
    expect(cliJson<ProfileListJson>(await runCli(['--config-dir', dir, 'profiles', 'list', '--json'])).profiles).toEqual([]);
  });
});

describe('legacy EWS on Microsoft 365 from the CLI', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, eventsPerMailbox: 3 });
  });
  afterAll(async () => sim?.stop());

  it('profiles add warns about 2027-04-01 on stderr, stores the secret encrypted, and profiles test passes with the app token', async () => {
    const dir = await tempConfigDir();
    const add = await runCli(
      [
        '--config-dir',
        dir,
        'profiles',
        'add',
        '--kind',
        'ews',
        '--name',
        'exo',
        '--url',
        sim.ewsUrl,
        '--username',
        'svc-calpump@contoso.com',
        '--ca-file',
        sim.caFile!,
        '--proxy',
        'none',
        '--legacy-online-tenant',
        SIM_TENANT_ID,
        '--legacy-online-client-id',
        SIM_APP_DAEMON,
        '--legacy-online-authority-host',
        sim.url,
        '--client-secret-stdin',
        '--json',
      ],
      { input: `${SIM_APP_DAEMON_SECRET}\n` },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).toContain('2027-04-01');
    const out = cliJson<ProfileJson>(add);
    expect(out.profile.legacyOnline).toEqual({ tenantId: SIM_TENANT_ID, clientId: SIM_APP_DAEMON, authorityHost: sim.url });
    expect(out.secrets).toMatchObject({ clientSecret: 'stored', password: 'not set' });

    const test = await runCli([
      '--config-dir',
      dir,
      '--log-level',
      'all',
      'profiles',
      'test',
      'exo',
      '--mailbox',
      'anna.schmidt@contoso.com',
      '--json',
    ]);
    expect(test.code, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('OAuth (legacy EWS on Microsoft 365');
    expect(test.stderr).toContain('auth.ewsOnline.retiring');
    for (const o of [add.stdout, add.stderr, test.stdout, test.stderr]) expect(o).not.toContain(SIM_APP_DAEMON_SECRET);
    await assertNoPlaintext(dir, SIM_APP_DAEMON_SECRET);

    const edit = await runCli(['--config-dir', dir, 'profiles', 'edit', 'exo', '--legacy-online-tenant', '', '--json']);
    expect(edit.code, edit.stderr).toBe(0);
    expect(cliJson<ProfileJson>(edit).profile.legacyOnline).toBeUndefined();
    expect(edit.stderr).not.toContain('2027-04-01');
  });
});
