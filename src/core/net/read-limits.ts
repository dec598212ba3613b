// How much and how long a server may take to answer (docs/limits-and-timeouts.md). Every answer the engine reads
// from a network is bounded: a byte cap after decompression, an idle timeout (no byte for that long), and a
// total timeout. Defaults are per protocol; a profile's `limits` raises or lowers them.
import type { NetLimitSetting } from '../../shared/profile.js';

export const MiB = 1024 * 1024;

export type NetProtocol = 'ews' | 'graph' | 'other';

/**
 * EWS: a GetItem batch of 50 items with bodies and large attendee lists stays well under 64 MiB. Graph: a $batch
 * answer carries up to 20 pages of up to 1,000 events (≈ 2–3 MB each as JSON), so 128 MiB. Token, autodiscover
 * and other small answers: 16 MiB.
 */
export const DEFAULT_MAX_RESPONSE_BYTES: Record<NetProtocol, number> = { ews: 64 * MiB, graph: 128 * MiB, other: 16 * MiB };

/** No byte for a minute (waiting for the answer head, or between two chunks of the body) ends the request. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export interface ReadLimits {
  maxBytes: number;
  idleMs: number;
  totalMs: number;
}

/** The limits for one client: the profile's setting where given, else the protocol default and the host's timeout. */
export function readLimits(protocol: NetProtocol, setting: NetLimitSetting | undefined, totalMs: number): ReadLimits {
  const totalFromSetting = setting?.timeoutSeconds === undefined ? undefined : setting.timeoutSeconds * 1000;
  const total = totalFromSetting ?? totalMs;
  const idle = setting?.idleTimeoutSeconds === undefined ? DEFAULT_IDLE_TIMEOUT_MS : setting.idleTimeoutSeconds * 1000;
  return {
    maxBytes: setting?.maxResponseMB === undefined ? DEFAULT_MAX_RESPONSE_BYTES[protocol] : setting.maxResponseMB * MiB,
    // An idle timeout longer than the total one would never fire; keep the two consistent.
    idleMs: Math.min(idle, total),
    totalMs: total,
  };
}

/** "64 MiB", "1.5 MiB", "812 KiB": sizes in error texts. */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${Number((n / MiB).toFixed(n % MiB === 0 ? 0 : 1))} MiB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KiB`;
  return `${n} bytes`;
}
