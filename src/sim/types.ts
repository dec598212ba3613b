// Public contract of the simulator (helper brief, "Simulator").
import type { SimWorld } from './world/world.js';
import type { SimCounters } from './counters.js';
import type { SimFaultControls } from './faults.js';
import type { TlsMode } from './tls/certs.js';
import type { ExtendedProtection } from './auth/extended-protection.js';

export interface SimOptions {
  /** 0 (default) = random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number;
  mailboxes?: number;
  eventsPerMailbox?: number;
  latencyMs?: number;
  faultRate?: number;
  /** HTTPS (default true) with a per-run CA; false = plain HTTP. */
  tls?: boolean;
  /** Which certificate to serve (default 'trusted' = signed by the per-run CA in caFile). */
  tlsMode?: TlsMode;
  /** Any instant in the week the seed dates hang off (default now). */
  anchor?: Date;
  /** Serve an existing world instead of creating one. */
  world?: SimWorld;
  /** WWW-Authenticate schemes offered by EWS/Autodiscover (default Negotiate, NTLM, Basic). */
  authSchemes?: string[];
  /** Extended Protection on EWS/Autodiscover: None (default), Allow or Require (checks NTLM's channel binding). */
  extendedProtection?: ExtendedProtection;
  /**
   * Behind a real acceptor (Apache + mod_auth_gssapi in the Kerberos tests): trust the user it names in this
   * request header instead of authenticating. Never for anything but loopback test set-ups.
   */
  trustedUserHeader?: string;
  /**
   * Benchmarks only: keep up to this many MB of EWS answers to read-only requests and answer a repeated request
   * from them while the world is unchanged (see ews/answer-cache.ts). Default 0: every answer is built anew.
   */
  answerCacheMb?: number;
}

export interface RunningSimulator {
  /** Base URL, e.g. https://127.0.0.1:PORT */
  url: string;
  ewsUrl: string;
  /** The same EWS as on-premises OAuth (hybrid modern auth) sees it: https://localhost:PORT/EWS/Exchange.asmx (HTTPS only). */
  onPremEwsUrl?: string;
  autodiscoverUrl: string;
  port: number;
  /** PEM of the per-run CA to trust (HTTPS only). */
  caFile?: string;
  /** SHA-256 fingerprint of the served certificate, AA:BB:… (HTTPS only), for pinning tests. */
  certSha256?: string;
  world: SimWorld;
  counters: SimCounters;
  faults: SimFaultControls;
  /** With answerCacheMb: the answer memo's entries, bytes and hits so far. */
  answerCache?: () => { entries: number; bytes: number; hits: number };
  stop(): Promise<void>;
}
