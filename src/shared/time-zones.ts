// Windows time zone ids (what Exchange and Graph speak) ↔ IANA ids (what NormalisedEvent.timeZone holds).
// Covers the zones an on-site Exchange meets in practice; unknown ids pass through unchanged so nothing is lost.
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const IANA_TO_WINDOWS: Record<string, string> = Object.fromEntries(Object.entries(WINDOWS_TO_IANA).map(([w, i]) => [i, w]));
// Common aliases that map onto the same Windows zone.
Object.assign(IANA_TO_WINDOWS, {
  'Etc/UTC': 'UTC',
  'Europe/Amsterdam': 'W. Europe Standard Time',
  'Europe/Vienna': 'W. Europe Standard Time',
  'Europe/Zurich': 'W. Europe Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/Rome': 'W. Europe Standard Time',
  'Europe/Brussels': 'Romance Standard Time',
  'Europe/Madrid': 'Romance Standard Time',
  'Europe/Kyiv': 'FLE Standard Time',
  'Asia/Kolkata': 'India Standard Time',
});

export function windowsToIana(id: string): string {
  return WINDOWS_TO_IANA[id] ?? id;
}

export function ianaToWindows(id: string): string {
  return IANA_TO_WINDOWS[id] ?? id;
}

export function knownWindowsZones(): string[] {
  return Object.keys(WINDOWS_TO_IANA);
}
