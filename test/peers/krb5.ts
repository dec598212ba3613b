// A throw-away MIT Kerberos realm for tests: krb5.conf and kdc.conf in a temporary folder (nothing in /etc),
// a database with users (pre-authentication required, as Active Directory does) and service principals with
// their keytab, and krb5kdc in the foreground on a free loopback port. `skewedKdc()` starts a second KDC on
// the same database whose clock runs ahead (libfaketime), for clock-skew failures.
import { execFile } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, peerDir, removePeerDir, startPeer, waitForPort, type PeerProcess } from './peer-process.js';

const run = promisify(execFile);

export interface KdcUser {
  name: string;
  password: string;
}

export interface KdcOptions {
  realm: string;
  /** Host names mapped to the realm ([domain_realm]). */
  hosts: string[];
  users: KdcUser[];
  /** Service principals with random keys, e.g. HTTP/localhost (written to `keytab`). */
  services: string[];
}

/** What a Kerberos client process needs: KRB5_CONFIG (and the KDC's own profile for kadmin.local). */
export type KrbEnv = Record<'KRB5_CONFIG' | 'KRB5_KDC_PROFILE', string>;

export interface RunningKdc {
  realm: string;
  port: number;
  dir: string;
  /** Keytab with every service principal (readable by the www-data group for Apache). */
  keytab: string;
  env: KrbEnv;
  /** A second KDC on the same database whose clock is `offset` ahead (faketime syntax, e.g. "+10m"). */
  skewedKdc(offset: string): Promise<{ env: KrbEnv; stop(): Promise<void> }>;
  kadmin(query: string): Promise<string>;
  stop(): Promise<void>;
}

function krb5Conf(realm: string, port: number, hosts: string[]): string {
  return [
    '[libdefaults]',
    `  default_realm = ${realm}`,
    '  dns_lookup_kdc = false',
    '  dns_lookup_realm = false',
    '  dns_canonicalize_hostname = false',
    '  rdns = false',
    '  udp_preference_limit = 1',
    // Windows does not resync its clock from a KDC error either: a skewed clock must show as one.
    '  kdc_timesync = 0',
    '[realms]',
    `  ${realm} = {`,
    `    kdc = 127.0.0.1:${port}`,
    '  }',
    '[domain_realm]',
    ...hosts.map((h) => `  ${h} = ${realm}`),
    '',
  ].join('\n');
}

function kdcConf(realm: string, port: number, dir: string): string {
  return [
    '[kdcdefaults]',
    `  kdc_ports = ${port}`,
    `  kdc_tcp_ports = ${port}`,
    '[realms]',
    `  ${realm} = {`,
    `    database_name = ${join(dir, 'principal')}`,
    `    key_stash_file = ${join(dir, 'stash')}`,
    `    acl_file = ${join(dir, 'kadm5.acl')}`,
    `    kdc_ports = ${port}`,
    `    kdc_tcp_ports = ${port}`,
    '  }',
    '[logging]',
    `  kdc = FILE:${join(dir, 'kdc.log')}`,
    '',
  ].join('\n');
}

async function kdcProcess(dir: string, env: KrbEnv, port: number, name: string, faketime?: string): Promise<PeerProcess> {
  const args = ['-n', '-P', join(dir, `${name}.pid`)];
  const peer = faketime
    ? startPeer('faketime', ['-f', faketime, '/usr/sbin/krb5kdc', ...args], { env: { ...process.env, ...env } })
    : startPeer('/usr/sbin/krb5kdc', args, { env: { ...process.env, ...env } });
  try {
    await waitForPort(peer, port, name);
  } catch (e) {
    await peer.stop();
    throw e;
  }
  return peer;
}

export async function startKdc(opts: KdcOptions): Promise<RunningKdc> {
  const dir = peerDir('krb5');
  chmodSync(dir, 0o755);
  const port = await freePort();
  const env: KrbEnv = { KRB5_CONFIG: join(dir, 'krb5.conf'), KRB5_KDC_PROFILE: join(dir, 'kdc.conf') };
  writeFileSync(env.KRB5_CONFIG, krb5Conf(opts.realm, port, opts.hosts));
  writeFileSync(env.KRB5_KDC_PROFILE, kdcConf(opts.realm, port, dir));
  writeFileSync(join(dir, 'kadm5.acl'), '');
  const procEnv = { ...process.env, ...env };
  const kadmin = async (query: string) => (await run('/usr/sbin/kadmin.local', ['-r', opts.realm, '-q', query], { env: procEnv })).stdout;
  const peers: PeerProcess[] = [];
  const stopAll = async () => {
    await Promise.all(peers.map((p) => p.stop()));
    removePeerDir(dir);
  };
  try {
    await run('/usr/sbin/kdb5_util', ['-r', opts.realm, 'create', '-s', '-P', 'calpump-test-master'], { env: procEnv });
    for (const u of opts.users) await kadmin(`addprinc +requires_preauth -pw ${u.password} ${u.name}`);
    const keytab = join(dir, 'http.keytab');
    for (const s of opts.services) await kadmin(`addprinc -randkey ${s}`);
    if (opts.services.length) await kadmin(`ktadd -k ${keytab} ${opts.services.join(' ')}`);
    chmodSync(keytab, 0o644);
    peers.push(await kdcProcess(dir, env, port, 'krb5kdc'));
    return {
      realm: opts.realm,
      port,
      dir,
      keytab,
      env,
      kadmin,
      async skewedKdc(offset) {
        const skewPort = await freePort();
        const skewEnv: KrbEnv = {
          KRB5_CONFIG: join(dir, `krb5-skew-${skewPort}.conf`),
          KRB5_KDC_PROFILE: join(dir, `kdc-skew-${skewPort}.conf`),
        };
        writeFileSync(skewEnv.KRB5_CONFIG, krb5Conf(opts.realm, skewPort, opts.hosts));
        writeFileSync(skewEnv.KRB5_KDC_PROFILE, kdcConf(opts.realm, skewPort, dir));
        const p = await kdcProcess(dir, skewEnv, skewPort, `krb5kdc-skew-${skewPort}`, offset);
        peers.push(p);
        return { env: skewEnv, stop: () => p.stop() };
      },
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

/** A keytab for a user principal (the headless "keytab" credential), written with kadmin's -norandkey. */
export async function userKeytab(kdc: RunningKdc, principal: string, file: string): Promise<string> {
  await kdc.kadmin(`ktadd -norandkey -k ${file} ${principal}`);
  return file;
}
