// What a profile's jobs export besides calendars, so the setup script grants the read permissions those need
// (Graph: Contacts.Read, Tasks.Read.All) and nothing more when every job exports calendars.
import { contentOf, type Job } from '../../../shared/job.js';
import type { Profile } from '../../../shared/profile.js';

export function jobContentsOf(jobs: Job[], profile: Pick<Profile, 'id' | 'name'>): Array<'contacts' | 'tasks'> {
  const mine = jobs.filter((j) => j.profile === profile.id || j.profile.toLowerCase() === profile.name.toLowerCase());
  const out = new Set<'contacts' | 'tasks'>();
  for (const j of mine) {
    const c = contentOf(j);
    if (c !== 'calendar') out.add(c);
  }
  return [...out].sort();
}
