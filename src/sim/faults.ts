// Fault injection, mutable at runtime: global latency and random fault rate (CLI --latency-ms,
// --fault-rate) plus faults staged by tests for the next N matching requests.
import type { ExtendedProtection } from './auth/extended-protection.js';
import { createRng, type Rng } from './world/prng.js';
import { omit } from '../shared/omit.js';

export type FaultKind =
  /** IIS forms-based auth in front of EWS: 302 to /owa/auth/logon.aspx and an HTML page. */
  | 'formsLogin'
  /** Only `Negotiate` (Kerberos) is offered, not the client's scheme: 401 whatever it sends. */
  | 'wrongAuthSchemes'
  /** EWS ErrorServerBusy with BackOffMilliseconds (Graph: 429 with Retry-After). */
  | 'serverBusy'
  | 'http500'
  | 'http503'
  /** Graph throttling: 429 + Retry-After (EWS treats it like serverBusy). */
  | 'throttle429'
  /** The TCP connection is destroyed before any response. */
  | 'reset'
  /** Half of the body is sent, then the connection is destroyed. */
  | 'truncate'
  /** A generic SOAP fault (ErrorInternalServerError) with HTTP 500. */
  | 'soapFault'
  /** Answers 401 as if the credentials were wrong. */
  | 'unauthorized'
  /** Graph/OAuth: the presented token is treated as expired (401 InvalidAuthenticationToken). */
  | 'tokenExpired'
  /** Adds `delayMs` before answering this request. */
  | 'delay';

export interface StagedFault {
  kind: FaultKind;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** Operation name (GetFolder, FindItem, Autodiscover, a Graph op name) or URL path substring. */
  match?: string;
  /** For serverBusy/throttle429: back-off the server asks for (default 500 ms EWS / 1 s Graph). */
  backOffMs?: number;
  delayMs?: number;
}

export const RANDOM_FAULT_KINDS: FaultKind[] = ['serverBusy', 'http503', 'reset', 'truncate'];

export interface SimFaultControls {
  /** Delay added to every request. */
  latencyMs: number;
  /** Probability (0..1) that a request gets a random fault from RANDOM_FAULT_KINDS. */
  faultRate: number;
  /** WWW-Authenticate schemes EWS offers, in order (default Negotiate, NTLM, Basic). */
  authSchemes: string[];
  /** Extended Protection token checking on EWS and Autodiscover (default None; Exchange 2019 CU14+: Require). */
  extendedProtection: ExtendedProtection;
  /** Set: a reverse proxy in front authenticates and names the user in this header (see auth/authenticate.ts). */
  trustedUserHeader?: string;
  /**
   * FieldURIs this server refuses in FindItem on top of the ones Exchange always refuses (a build or
   * configuration that differs from the one the simulator models), answered with ErrorInvalidPropertyRequest.
   */
  findItemRefuses: string[];
  stage(fault: StagedFault): void;
  clear(): void;
  pending(): StagedFault[];
  /** Consume the first staged fault matching the operation or path (protocol-specific kinds only). */
  take(operation: string, path: string, kinds?: readonly FaultKind[]): StagedFault | undefined;
  /** Random fault for this request, per faultRate. */
  roll(): FaultKind | undefined;
  /** How many faults were delivered, by kind. */
  delivered: Record<string, number>;
}

export const DEFAULT_AUTH_SCHEMES = ['Negotiate', 'NTLM', 'Basic'];

export function createFaults(opts: { latencyMs?: number; faultRate?: number; seed?: number } = {}): SimFaultControls {
  let staged: Array<StagedFault & { left: number }> = [];
  const rng: Rng = createRng((opts.seed ?? 42) ^ 0xfa17);
  const f: SimFaultControls = {
    latencyMs: opts.latencyMs ?? 0,
    faultRate: opts.faultRate ?? 0,
    authSchemes: [...DEFAULT_AUTH_SCHEMES],
    extendedProtection: 'None',
    findItemRefuses: [],
    delivered: {},
    stage(fault) {
      staged.push({ ...fault, left: fault.times ?? 1 });
    },
    clear() {
      staged = [];
      f.latencyMs = 0;
      f.faultRate = 0;
      f.authSchemes = [...DEFAULT_AUTH_SCHEMES];
      f.extendedProtection = 'None';
      f.findItemRefuses = [];
    },
    pending: () => staged.map(({ left, ...rest }) => ({ ...rest, times: left })),
    take(operation, path, kinds) {
      const i = staged.findIndex(
        (s) => (!kinds || kinds.includes(s.kind)) && (!s.match || s.match === operation || path.includes(s.match)),
      );
      if (i < 0) return undefined;
      const s = staged[i];
      s.left -= 1;
      if (s.left <= 0) staged.splice(i, 1);
      f.delivered[s.kind] = (f.delivered[s.kind] ?? 0) + 1;
      return omit(s, 'left');
    },
    roll() {
      if (f.faultRate <= 0 || !(rng.next() < f.faultRate)) return undefined;
      const kind = rng.pick(RANDOM_FAULT_KINDS);
      f.delivered[kind] = (f.delivered[kind] ?? 0) + 1;
      return kind;
    },
  };
  return f;
}
