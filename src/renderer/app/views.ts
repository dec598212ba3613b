// The screens of the app, in navigation order. Home is the first screen: job health at a glance.
export const VIEWS = [
  'home',
  'assistant',
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

/** Screens that act on one profile: each keeps its own choice and shows it (issue 14: no silent carry-over). */
export const PROFILE_VIEWS: ReadonlySet<ViewId> = new Set(['browse', 'import', 'presence', 'freebusy', 'twoway', 'doctor', 'setup']);

export interface Route {
  view: ViewId;
  /** What the screen opens (a job id on Jobs, a profile id on Profiles), from `#/jobs/<id>`. */
  item?: string;
}

export function routeFromHash(hash: string | undefined): Route {
  const [name, item] = (hash ?? '').replace(/^#\/?/, '').split(/[?]/)[0].split('/');
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewId) : 'home';
  return item ? { view, item: decodeURIComponent(item) } : { view };
}

export function hashOf(r: Route): string {
  return r.item ? `#/${r.view}/${encodeURIComponent(r.item)}` : `#/${r.view}`;
}
