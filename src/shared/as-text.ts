// A value of unknown type as text, as String() writes it — except that an object is written as JSON instead
// of "[object Object]".
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (x === null || x === undefined ? '' : asText(x))).join(',');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
