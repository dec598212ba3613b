// The screens of the app, in navigation order.
export const VIEWS = [
  'profiles',
  'browse',
  'jobs',
  'import',
  'presence',
  'freebusy',
  'twoway',
  'logs',
  'doctor',
  'setup',
  'settings',
] as const;
export type ViewId = (typeof VIEWS)[number];

export function viewFromHash(hash: string | undefined): ViewId {
  const name = (hash ?? '').replace(/^#\/?/, '').split(/[/?]/)[0];
  return (VIEWS as readonly string[]).includes(name) ? (name as ViewId) : 'profiles';
}
