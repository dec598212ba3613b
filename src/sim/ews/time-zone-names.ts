// Display names Exchange puts next to Windows time-zone ids (TimeZone, StartTimeZone Name).
import { ianaToWindows } from '../../shared/time-zones.js';

const NAMES: Record<string, string> = {
  UTC: '(UTC) Coordinated Universal Time',
  'W. Europe Standard Time': '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna',
  'Romance Standard Time': '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris',
  'GMT Standard Time': '(UTC+00:00) Dublin, Edinburgh, Lisbon, London',
  'Eastern Standard Time': '(UTC-05:00) Eastern Time (US & Canada)',
  'Pacific Standard Time': '(UTC-08:00) Pacific Time (US & Canada)',
  'Central Standard Time': '(UTC-06:00) Central Time (US & Canada)',
};

export function windowsZone(iana: string): { id: string; name: string } {
  const id = ianaToWindows(iana);
  return { id, name: NAMES[id] ?? id };
}
