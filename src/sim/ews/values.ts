// Value formats on the wire.
import type { ShowAs, Sensitivity } from '../../shared/model.js';

/** EWS writes UTC date-times without milliseconds: 2026-03-24T08:00:00Z. */
export function ewsDate(iso: string): string {
  // The world keeps canonical toISOString() values; only other shapes need the Date round trip.
  if (iso.length === 24 && iso.endsWith('Z') && iso[19] === '.') return `${iso.slice(0, 19)}Z`;
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const FREE_BUSY: Record<ShowAs, string> = {
  free: 'Free',
  tentative: 'Tentative',
  busy: 'Busy',
  oof: 'OOF',
  workingElsewhere: 'WorkingElsewhere',
  unknown: 'NoData',
};

export const SHOW_AS_FROM_EWS: Record<string, ShowAs> = Object.fromEntries(Object.entries(FREE_BUSY).map(([k, v]) => [v, k as ShowAs]));

export const SENSITIVITY: Record<Sensitivity, string> = {
  normal: 'Normal',
  personal: 'Personal',
  private: 'Private',
  confidential: 'Confidential',
};

export const SENSITIVITY_FROM_EWS: Record<string, Sensitivity> = Object.fromEntries(
  Object.entries(SENSITIVITY).map(([k, v]) => [v, k as Sensitivity]),
);

/** ISO 8601 duration as Exchange writes it (PT1H30M, P1D). */
export function isoDuration(ms: number): string {
  const total = Math.round(ms / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  let out = 'P';
  if (days) out += `${days}D`;
  if (hours || minutes || !days) out += 'T' + (hours ? `${hours}H` : '') + (minutes || !hours ? `${minutes}M` : '');
  return out;
}
